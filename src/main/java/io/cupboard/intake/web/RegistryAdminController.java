package io.cupboard.intake.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;

import io.cupboard.identity.CurrentUser;
import io.cupboard.intake.RegistryUploads;
import io.cupboard.intake.file.UnreadableFileException;
import io.cupboard.lead.DoNotCallRegistry;
import io.cupboard.lead.LeadRuleException;
import io.cupboard.lead.RegistryRule;
import io.cupboard.shared.DisplayFormat;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's uploads of the national do-not-call registry extract.
 */
@Controller
@RequestMapping("/admin/intake/registry")
class RegistryAdminController {

    private static final int HISTORY = 10;

    private final RegistryUploads uploads;
    private final DoNotCallRegistry registry;
    private final DisplayFormat format;
    private final Clock clock;

    RegistryAdminController(RegistryUploads uploads, DoNotCallRegistry registry, DisplayFormat format, Clock clock) {
        this.uploads = uploads;
        this.registry = registry;
        this.format = format;
        this.clock = clock;
    }

    @GetMapping
    String registry(Model model) {
        model.addAttribute("current", registry.current().orElse(null));
        model.addAttribute("history", registry.history(HISTORY));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("validDays", RegistryRule.VALIDITY.toDays());
        return "admin/intake/registry";
    }

    @PostMapping
    String upload(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate extractedOn,
                  @RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal CurrentUser user,
                  RedirectAttributes redirect) throws IOException {
        if (extractedOn == null || file == null || file.isEmpty()) {
            redirect.addFlashAttribute("error", "intake.registry.error.missing");
            return "redirect:/admin/intake/registry";
        }
        if (extractedOn.isAfter(LocalDate.now(clock))) {
            redirect.addFlashAttribute("error", "intake.registry.error.future");
            return "redirect:/admin/intake/registry";
        }
        try {
            DoNotCallRegistry.LoadResult result = uploads.upload(extractedOn, file.getOriginalFilename(), file, user);
            redirect.addFlashAttribute("success", "intake.registry.loaded");
            redirect.addFlashAttribute("successArgs", new Object[] {result.extract().numberCount(), result.extract().invalidCount(),
                    result.cleared(), result.listed()});
        } catch (UnreadableFileException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        } catch (LeadRuleException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArgs", Arrays.stream(e.arguments())
                    .map(argument -> argument instanceof LocalDate date ? format.date(date) : argument).toArray());
        }
        return "redirect:/admin/intake/registry";
    }
}
