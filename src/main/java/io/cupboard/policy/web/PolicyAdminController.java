package io.cupboard.policy.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.cupboard.calendar.BusinessCalendar;
import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.Team;
import io.cupboard.identity.TeamRepository;
import io.cupboard.lead.AttemptsEnd;
import io.cupboard.lead.DisqualificationReason;
import io.cupboard.lead.LeadType;
import io.cupboard.lead.RetryStep;
import io.cupboard.lead.SettingsRejectedException;
import io.cupboard.lead.StatusCatalog;
import io.cupboard.policy.ContactPolicySettings;
import io.cupboard.policy.StoredPolicy;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's contact policies: the list, a form to create or edit one, and a preview of the
 * times a policy produces for a sample arrival, which htmx shows beside the form.
 */
@Controller
@RequestMapping("/admin/policies")
class PolicyAdminController {

    private static final String HTMX = "HX-Request";

    private final ContactPolicySettings settings;
    private final StatusCatalog catalog;
    private final TeamRepository teams;
    private final BusinessCalendar calendar;
    private final Clock clock;

    PolicyAdminController(ContactPolicySettings settings, StatusCatalog catalog, TeamRepository teams, BusinessCalendar calendar,
                          Clock clock) {
        this.settings = settings;
        this.catalog = catalog;
        this.teams = teams;
        this.calendar = calendar;
        this.clock = clock;
    }

    @ModelAttribute
    void choices(Model model) {
        List<Team> activeTeams = teams.findAllByOrderByName().stream().filter(Team::isActive).toList();
        model.addAttribute("leadTypes", LeadType.values());
        model.addAttribute("stepKinds", RetryStep.Kind.values());
        model.addAttribute("attemptsEnds", AttemptsEnd.values());
        model.addAttribute("teams", activeTeams);
        model.addAttribute("teamsById", activeTeams.stream().collect(Collectors.toMap(Team::getId, Function.identity())));
        model.addAttribute("reasons", catalog.activeReasons());
        model.addAttribute("reasonsById", catalog.reasons().stream()
                .collect(Collectors.toMap(DisqualificationReason::getId, Function.identity())));
        model.addAttribute("followUpStatuses", catalog.followUpStatuses());
        model.addAttribute("statusesById", catalog.statusesById());
        model.addAttribute("zone", calendar.zone());
    }

    @GetMapping
    String policies(Model model) {
        model.addAttribute("policies", settings.policies());
        return "admin/policies";
    }

    @GetMapping("/new")
    String newPolicy(Model model) {
        long defaultReason = catalog.reasonsByCode().get(DisqualificationReason.NO_CONTACT).getId();
        model.addAttribute("policyForm", PolicyForm.empty(catalog.followUpStatuses(), defaultReason, sampleArrival()));
        return "admin/policy";
    }

    @PostMapping
    String create(@Valid @ModelAttribute("policyForm") PolicyForm form, BindingResult binding,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                StoredPolicy policy = settings.create(form.toDefinition(), user.id());
                redirect.addFlashAttribute("success", "policy.saved");
                return "redirect:/admin/policies#policy-" + policy.id();
            } catch (SettingsRejectedException | PolicyForm.InvalidDelaysException e) {
                reject(binding, e);
            }
        }
        return formPage(form, null, model);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        StoredPolicy policy = settings.policy(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("policyForm", PolicyForm.of(policy, catalog.followUpStatuses(), sampleArrival()));
        model.addAttribute("policy", policy);
        return "admin/policy";
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("policyForm") PolicyForm form, BindingResult binding,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        StoredPolicy policy = settings.policy(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!binding.hasErrors()) {
            try {
                settings.update(id, form.version() == null ? -1 : form.version(), form.toDefinition(), user.id());
                redirect.addFlashAttribute("success", "policy.saved");
                return "redirect:/admin/policies#policy-" + id;
            } catch (SettingsRejectedException | PolicyForm.InvalidDelaysException e) {
                reject(binding, e);
            }
        }
        return formPage(form, policy, model);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            settings.delete(id, version);
            redirect.addFlashAttribute("success", "policy.deleted");
        } catch (SettingsRejectedException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.arguments());
        }
        return "redirect:/admin/policies";
    }

    /**
     * Computes the preview of the posted form. An htmx request gets the form and preview fragment,
     * with status 422 and the errors when the form is invalid. A plain post gets the whole page.
     */
    @PostMapping("/preview")
    String preview(@Valid @ModelAttribute("policyForm") PolicyForm form, BindingResult binding,
                   @RequestParam(required = false) Long policyId, @RequestHeader(value = HTMX, required = false) String htmx,
                   Model model, HttpServletResponse response) {
        if (!binding.hasErrors()) {
            try {
                LocalDateTime arrival = form.sampleArrival() == null ? sampleArrival() : form.sampleArrival();
                Instant sample = arrival.atZone(calendar.zone()).toInstant();
                model.addAttribute("preview", settings.preview(form.toDefinition(), sample));
            } catch (SettingsRejectedException | PolicyForm.InvalidDelaysException e) {
                reject(binding, e);
            }
        }
        if (binding.hasErrors() && htmx != null) {
            response.setStatus(422);
        }
        if (htmx != null) {
            return "admin/policy :: editor";
        }
        return formPage(form, policyId == null ? null : settings.policy(policyId).orElse(null), model);
    }

    /**
     * Shows the form as posted, including its blank step rows. The form stays the same object, so
     * that the binding errors stay attached to it.
     */
    private String formPage(PolicyForm form, StoredPolicy policy, Model model) {
        model.addAttribute("policy", policy);
        return "admin/policy";
    }

    private LocalDateTime sampleArrival() {
        return LocalDateTime.now(clock.withZone(calendar.zone())).truncatedTo(ChronoUnit.MINUTES);
    }

    private static void reject(BindingResult binding, RuntimeException error) {
        if (error instanceof PolicyForm.InvalidDelaysException invalid) {
            binding.rejectValue("followUps[" + invalid.row + "].delayMinutes", "policy.error.delaysInvalid",
                    new Object[] {invalid.value}, invalid.getMessage());
            return;
        }
        SettingsRejectedException rejected = (SettingsRejectedException) error;
        if (rejected.field() == null) {
            binding.reject(rejected.messageKey(), rejected.arguments(), rejected.getMessage());
        } else {
            binding.rejectValue(rejected.field(), rejected.messageKey(), rejected.arguments(), rejected.getMessage());
        }
    }
}
