package io.cupboard.identity.web;

import java.util.function.Function;
import java.util.stream.Collectors;

import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.IdentityRejectedException;
import io.cupboard.identity.Role;
import io.cupboard.identity.Team;
import io.cupboard.identity.TeamAdministration;
import io.cupboard.identity.User;
import io.cupboard.identity.UserAdministration;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's users: the list, creating a user, editing role, team, languages and capacity,
 * setting a new password, and deactivating or activating a user.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private final UserAdministration users;
    private final TeamAdministration teams;

    UserAdminController(UserAdministration users, TeamAdministration teams) {
        this.users = users;
        this.teams = teams;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("activeTeams", teams.activeTeams());
        model.addAttribute("teamsById", teams.teams().stream().collect(Collectors.toMap(Team::getId, Function.identity())));
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("userForm", UserForm.empty());
        return listPage(model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("userForm") UserForm form, BindingResult binding, @AuthenticationPrincipal CurrentUser admin,
                  Model model, RedirectAttributes redirect) {
        if (form.username() == null || form.username().isBlank()) {
            binding.rejectValue("username", "NotBlank");
        }
        if (!binding.hasErrors()) {
            try {
                User user = users.create(form.toDefinition(), form.password(), admin);
                redirect.addFlashAttribute("success", "identity.user.created");
                redirect.addFlashAttribute("successArgs", new Object[] {user.getDisplayName()});
                return "redirect:/admin/users";
            } catch (IdentityRejectedException e) {
                reject(binding, e);
            }
        }
        return listPage(model);
    }

    @GetMapping("/{userId}")
    String edit(@PathVariable long userId, Model model) {
        User user = existing(userId);
        model.addAttribute("user", user);
        model.addAttribute("userForm", UserForm.of(user));
        return "admin/user-edit";
    }

    @PostMapping("/{userId}")
    String update(@PathVariable long userId, @Valid @ModelAttribute("userForm") UserForm form, BindingResult binding,
                  @AuthenticationPrincipal CurrentUser admin, Model model, RedirectAttributes redirect) {
        User user = existing(userId);
        if (!binding.hasErrors()) {
            try {
                users.update(userId, form.version() == null ? -1 : form.version(), form.toDefinition(), admin);
                redirect.addFlashAttribute("success", "identity.user.saved");
                redirect.addFlashAttribute("successArgs", new Object[] {form.displayName()});
                return "redirect:/admin/users/" + userId;
            } catch (IdentityRejectedException e) {
                reject(binding, e);
            }
        }
        model.addAttribute("user", user);
        return "admin/user-edit";
    }

    @PostMapping("/{userId}/password")
    String resetPassword(@PathVariable long userId, @RequestParam(required = false) String password,
                         @AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
        existing(userId);
        try {
            users.resetPassword(userId, password, admin);
            redirect.addFlashAttribute("success", "identity.user.passwordReset");
        } catch (IdentityRejectedException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.arguments());
        }
        return "redirect:/admin/users/" + userId;
    }

    @PostMapping("/{userId}/active")
    String setActive(@PathVariable long userId, @RequestParam int version, @RequestParam boolean active,
                     @AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
        existing(userId);
        try {
            users.setActive(userId, version, active, admin);
            redirect.addFlashAttribute("success", active ? "identity.user.activated" : "identity.user.deactivated");
        } catch (IdentityRejectedException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.arguments());
        }
        return "redirect:/admin/users/" + userId;
    }

    private User existing(long userId) {
        return users.users().stream().filter(user -> user.getId() == userId).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String listPage(Model model) {
        model.addAttribute("users", users.users());
        return "admin/users";
    }

    static void reject(BindingResult binding, IdentityRejectedException e) {
        if (e.field() == null) {
            binding.reject(e.messageKey(), e.arguments(), e.getMessage());
        } else {
            binding.rejectValue(e.field(), e.messageKey(), e.arguments(), e.getMessage());
        }
    }
}
