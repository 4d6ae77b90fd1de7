package io.cupboard.intake.web;

import java.time.Clock;
import java.time.Duration;

import io.cupboard.identity.CurrentUser;
import io.cupboard.intake.ApiKeys;
import io.cupboard.intake.IntakeRuleException;
import io.cupboard.intake.IntakeSource;
import io.cupboard.intake.IntakeSources;
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
 * The admin's intake sources and their API keys. A new key is shown on the page that the create
 * request returns, and only there: it is neither stored in plain text nor put in the session.
 */
@Controller
@RequestMapping("/admin/intake/sources")
class SourceAdminController {

    private static final Duration STATISTICS_PERIOD = Duration.ofDays(30);

    private final IntakeSources sources;
    private final ApiKeys keys;
    private final Clock clock;

    SourceAdminController(IntakeSources sources, ApiKeys keys, Clock clock) {
        this.sources = sources;
        this.keys = keys;
        this.clock = clock;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("directions", IntakeSource.Direction.values());
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("sourceForm", SourceForm.empty());
        return sourceList(model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("sourceForm") SourceForm form, BindingResult binding,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return sourceList(model);
        }
        try {
            IntakeSource source = sources.create(form.code(), form.name(), form.direction(), user.id());
            redirect.addFlashAttribute("success", "intake.source.created");
            redirect.addFlashAttribute("successArgs", new Object[] {source.name()});
            return "redirect:/admin/intake/sources/" + source.id();
        } catch (IntakeRuleException e) {
            binding.rejectValue("code", e.messageKey(), e.arguments(), null);
            return sourceList(model);
        }
    }

    @GetMapping("/{sourceId}")
    String source(@PathVariable long sourceId, Model model) {
        return sourcePage(sourceId, model);
    }

    @PostMapping("/{sourceId}")
    String update(@PathVariable long sourceId, @RequestParam int version, @RequestParam String name,
                  @RequestParam IntakeSource.Direction direction, @RequestParam(defaultValue = "false") boolean active,
                  RedirectAttributes redirect) {
        if (name == null || name.isBlank() || name.length() > 100) {
            redirect.addFlashAttribute("error", "intake.source.error.name");
            return "redirect:/admin/intake/sources/" + sourceId;
        }
        try {
            sources.update(sourceId, version, name, direction, active);
            redirect.addFlashAttribute("success", "intake.source.saved");
        } catch (IntakeRuleException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/admin/intake/sources/" + sourceId;
    }

    /** Creates a key and shows it once on the returned page; reloading the page does not show it again. */
    @PostMapping("/{sourceId}/keys")
    String createKey(@PathVariable long sourceId, @AuthenticationPrincipal CurrentUser user, Model model) {
        IntakeSource source = sources.find(sourceId).orElseThrow(() -> new SourceNotFoundException(sourceId));
        model.addAttribute("newKey", keys.create(source.id(), user.id()));
        return sourcePage(sourceId, model);
    }

    @PostMapping("/{sourceId}/keys/{keyId}/revoke")
    String revokeKey(@PathVariable long sourceId, @PathVariable long keyId, @AuthenticationPrincipal CurrentUser user,
                     RedirectAttributes redirect) {
        keys.revoke(sourceId, keyId, user.id());
        redirect.addFlashAttribute("success", "intake.key.revoked");
        return "redirect:/admin/intake/sources/" + sourceId;
    }

    private String sourceList(Model model) {
        model.addAttribute("sources", sources.all());
        return "admin/intake/sources";
    }

    private String sourcePage(long sourceId, Model model) {
        IntakeSource source = sources.find(sourceId).orElseThrow(() -> new SourceNotFoundException(sourceId));
        model.addAttribute("source", source);
        model.addAttribute("keys", keys.keys(sourceId));
        model.addAttribute("submissions", sources.submissionCounts(sourceId, clock.instant().minus(STATISTICS_PERIOD)));
        return "admin/intake/source";
    }

    /** A missing intake source, shown as the 404 page. */
    static final class SourceNotFoundException extends RuntimeException {

        SourceNotFoundException(long sourceId) {
            super("Intake source " + sourceId + " not found");
        }
    }
}
