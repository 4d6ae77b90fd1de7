package io.cupboard.allocation.web;

import java.util.function.Function;
import java.util.stream.Collectors;

import io.cupboard.allocation.AllocationRejectedException;
import io.cupboard.allocation.AllocationRule;
import io.cupboard.allocation.AllocationRules;
import io.cupboard.allocation.AllocationStrategy;
import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.Team;
import io.cupboard.identity.TeamAdministration;
import io.cupboard.lead.LeadType;
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
 * The admin's allocation rules: the ordered list, creating and editing a rule, its order, and
 * activating, deactivating or deleting it.
 */
@Controller
@RequestMapping("/admin/allocation-rules")
class AllocationRuleAdminController {

    private static final String LIST = "/admin/allocation-rules";

    private final AllocationRules rules;
    private final TeamAdministration teams;

    AllocationRuleAdminController(AllocationRules rules, TeamAdministration teams) {
        this.rules = rules;
        this.teams = teams;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("strategies", AllocationStrategy.values());
        model.addAttribute("leadTypes", LeadType.values());
        model.addAttribute("activeTeams", teams.activeTeams());
        model.addAttribute("teamsById", teams.teams().stream().collect(Collectors.toMap(Team::getId, Function.identity())));
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("ruleForm", RuleForm.empty());
        return listPage(model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("ruleForm") RuleForm form, BindingResult binding, @AuthenticationPrincipal CurrentUser user,
                  Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                AllocationRule rule = rules.create(form.toDefinition(), user);
                return done(redirect, "allocation.rule.created", rule.getName());
            } catch (AllocationRejectedException e) {
                reject(binding, e);
            }
        }
        return listPage(model);
    }

    @GetMapping("/{ruleId}")
    String edit(@PathVariable long ruleId, Model model) {
        AllocationRule rule = existing(ruleId);
        model.addAttribute("rule", rule);
        model.addAttribute("ruleForm", RuleForm.of(rule));
        return "allocation/rule-edit";
    }

    @PostMapping("/{ruleId}")
    String update(@PathVariable long ruleId, @Valid @ModelAttribute("ruleForm") RuleForm form, BindingResult binding,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                rules.update(ruleId, form.version() == null ? -1 : form.version(), form.toDefinition(), user);
                return done(redirect, "allocation.rule.saved", form.name());
            } catch (AllocationRejectedException e) {
                reject(binding, e);
            }
        }
        model.addAttribute("rule", existing(ruleId));
        return "allocation/rule-edit";
    }

    @PostMapping("/{ruleId}/active")
    String setActive(@PathVariable long ruleId, @RequestParam int version, @RequestParam boolean active,
                     @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return act(redirect, () -> rules.setActive(ruleId, version, active, user));
    }

    @PostMapping("/{ruleId}/delete")
    String delete(@PathVariable long ruleId, @RequestParam int version, @AuthenticationPrincipal CurrentUser user,
                  RedirectAttributes redirect) {
        return act(redirect, () -> rules.delete(ruleId, version, user));
    }

    @PostMapping("/{ruleId}/move")
    String move(@PathVariable long ruleId, @RequestParam boolean up, @AuthenticationPrincipal CurrentUser user,
                RedirectAttributes redirect) {
        return act(redirect, () -> rules.move(ruleId, up, user));
    }

    private AllocationRule existing(long ruleId) {
        return rules.rules().stream().filter(rule -> rule.getId() == ruleId).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String listPage(Model model) {
        model.addAttribute("rules", rules.rules());
        return "allocation/rules";
    }

    private static String act(RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("success", "allocation.rule.changed");
        } catch (AllocationRejectedException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.arguments());
        }
        return "redirect:" + LIST;
    }

    private static String done(RedirectAttributes redirect, String key, Object argument) {
        redirect.addFlashAttribute("success", key);
        redirect.addFlashAttribute("successArgs", new Object[] {argument});
        return "redirect:" + LIST;
    }

    private static void reject(BindingResult binding, AllocationRejectedException e) {
        if (e.field() == null) {
            binding.reject(e.messageKey(), e.arguments(), e.getMessage());
        } else {
            binding.rejectValue(e.field(), e.messageKey(), e.arguments(), e.getMessage());
        }
    }
}
