package io.cupboard.identity.web;

import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.IdentityRejectedException;
import io.cupboard.identity.Team;
import io.cupboard.identity.TeamAdministration;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's teams: the list, creating a team, renaming it and changing its average handling
 * time, and deactivating or activating it.
 */
@Controller
@RequestMapping("/admin/teams")
class TeamAdminController {

    private final TeamAdministration teams;

    TeamAdminController(TeamAdministration teams) {
        this.teams = teams;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("teamForm", TeamForm.empty());
        return listPage(model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("teamForm") TeamForm form, BindingResult binding, @AuthenticationPrincipal CurrentUser admin,
                  Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                Team team = teams.create(form.name(), form.averageHandlingMinutes(), admin);
                redirect.addFlashAttribute("success", "identity.team.created");
                redirect.addFlashAttribute("successArgs", new Object[] {team.getName()});
                return "redirect:/admin/teams";
            } catch (IdentityRejectedException e) {
                UserAdminController.reject(binding, e);
            }
        }
        return listPage(model);
    }

    @PostMapping("/{teamId}")
    String update(@PathVariable long teamId, @Valid @ModelAttribute("teamForm") TeamForm form, BindingResult binding,
                  @AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            redirect.addFlashAttribute("error", "identity.team.invalid");
            return "redirect:/admin/teams";
        }
        return act(redirect, () -> teams.update(teamId, form.version() == null ? -1 : form.version(), form.name(),
                form.averageHandlingMinutes(), admin));
    }

    @PostMapping("/{teamId}/active")
    String setActive(@PathVariable long teamId, @RequestParam int version, @RequestParam boolean active,
                     @AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
        return act(redirect, () -> teams.setActive(teamId, version, active, admin));
    }

    private String listPage(Model model) {
        model.addAttribute("teams", teams.teams());
        return "admin/teams";
    }

    private static String act(RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("success", "identity.team.saved");
        } catch (IdentityRejectedException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.arguments());
        }
        return "redirect:/admin/teams";
    }
}
