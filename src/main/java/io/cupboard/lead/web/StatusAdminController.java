package io.cupboard.lead.web;

import io.cupboard.lead.CallOutcome;
import io.cupboard.lead.LeadStatus;
import io.cupboard.lead.SettingsRejectedException;
import io.cupboard.lead.StatusCatalog;
import io.cupboard.lead.StatusCategory;
import io.cupboard.lead.StatusSettings;
import io.cupboard.lead.TaskType;
import jakarta.validation.Valid;
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
 * The admin's statuses, disqualification reasons and outcome settings.
 */
@Controller
@RequestMapping("/admin")
class StatusAdminController {

    private final StatusCatalog catalog;
    private final StatusSettings settings;

    StatusAdminController(StatusCatalog catalog, StatusSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("categories", StatusCategory.values());
        model.addAttribute("taskTypes", TaskType.values());
    }

    @GetMapping("/statuses")
    String statuses(Model model) {
        model.addAttribute("statusForm", StatusForm.empty());
        return statusList(model);
    }

    @PostMapping("/statuses")
    String createStatus(@Valid @ModelAttribute("statusForm") StatusForm form, BindingResult binding, Model model,
                        RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                LeadStatus status = settings.createStatus(form.toDefinition());
                return done(redirect, "settings.saved.status", "/admin/statuses", status.getCode());
            } catch (SettingsRejectedException e) {
                reject(binding, e);
            }
        }
        return statusList(model);
    }

    @GetMapping("/statuses/{id}")
    String editStatus(@PathVariable long id, Model model) {
        LeadStatus status = catalog.currentStatus(id);
        if (status == null) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        model.addAttribute("status", status);
        model.addAttribute("statusForm", new StatusForm(status.getCode(), status.getNameHe(), status.getNameEn(),
                status.getCategory(), status.getTaskType(), status.getDefaultDelayMinutes(), status.getPriorityRank(),
                status.getVersion()));
        return "admin/status-edit";
    }

    @PostMapping("/statuses/{id}")
    String updateStatus(@PathVariable long id, @Valid @ModelAttribute("statusForm") StatusForm form, BindingResult binding,
                        Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                settings.updateStatus(id, form.version() == null ? -1 : form.version(), form.toDefinition());
                return done(redirect, "settings.saved.status", "/admin/statuses", form.nameHe());
            } catch (SettingsRejectedException e) {
                reject(binding, e);
            }
        }
        model.addAttribute("status", catalog.currentStatus(id));
        return "admin/status-edit";
    }

    @PostMapping("/statuses/{id}/active")
    String setStatusActive(@PathVariable long id, @RequestParam int version, @RequestParam boolean active,
                           RedirectAttributes redirect) {
        return act(redirect, "/admin/statuses", () -> settings.setStatusActive(id, version, active));
    }

    @PostMapping("/statuses/{id}/delete")
    String deleteStatus(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        return act(redirect, "/admin/statuses", () -> settings.deleteStatus(id, version));
    }

    @PostMapping("/statuses/{id}/move")
    String moveStatus(@PathVariable long id, @RequestParam boolean up, RedirectAttributes redirect) {
        return act(redirect, "/admin/statuses", () -> settings.moveStatus(id, up));
    }

    @GetMapping("/reasons")
    String reasons(Model model) {
        model.addAttribute("reasonForm", ReasonForm.empty());
        return reasonList(model);
    }

    @PostMapping("/reasons")
    String createReason(@Valid @ModelAttribute("reasonForm") ReasonForm form, BindingResult binding, Model model,
                        RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                settings.createReason(form.code(), form.nameHe(), form.nameEn());
                return done(redirect, "settings.saved.reason", "/admin/reasons", form.nameHe());
            } catch (SettingsRejectedException e) {
                reject(binding, e);
            }
        }
        return reasonList(model);
    }

    @PostMapping("/reasons/{id}")
    String renameReason(@PathVariable long id, @Valid @ModelAttribute("reasonForm") ReasonForm form, BindingResult binding,
                        Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            redirect.addFlashAttribute("error", "settings.error.nameRequired");
            return "redirect:/admin/reasons";
        }
        return act(redirect, "/admin/reasons", () -> settings.renameReason(id, form.version() == null ? -1 : form.version(), form.nameHe(), form.nameEn()));
    }

    @PostMapping("/reasons/{id}/active")
    String setReasonActive(@PathVariable long id, @RequestParam int version, @RequestParam boolean active,
                           RedirectAttributes redirect) {
        return act(redirect, "/admin/reasons", () -> settings.setReasonActive(id, version, active));
    }

    @PostMapping("/reasons/{id}/delete")
    String deleteReason(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        return act(redirect, "/admin/reasons", () -> settings.deleteReason(id, version));
    }

    @PostMapping("/reasons/{id}/move")
    String moveReason(@PathVariable long id, @RequestParam boolean up, RedirectAttributes redirect) {
        return act(redirect, "/admin/reasons", () -> settings.moveReason(id, up));
    }

    @GetMapping("/outcomes")
    String outcomes(Model model) {
        model.addAttribute("outcomeSettings", catalog.outcomeSettings());
        model.addAttribute("statuses", catalog.statuses());
        model.addAttribute("statusesById", catalog.statusesById());
        model.addAttribute("reasons", catalog.activeReasons());
        return "admin/outcomes";
    }

    @PostMapping("/outcomes/{outcome}")
    String changeOutcome(@PathVariable CallOutcome outcome, @RequestParam long statusId,
                         @RequestParam(required = false) Long reasonId, RedirectAttributes redirect) {
        return act(redirect, "/admin/outcomes", () -> settings.changeOutcome(outcome, statusId, reasonId));
    }

    private String statusList(Model model) {
        model.addAttribute("statuses", catalog.statuses());
        return "admin/statuses";
    }

    private String reasonList(Model model) {
        model.addAttribute("reasons", catalog.reasons());
        return "admin/reasons";
    }

    private static String act(RedirectAttributes redirect, String page, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("success", "settings.saved");
        } catch (SettingsRejectedException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.arguments());
        }
        return "redirect:" + page;
    }

    private static String done(RedirectAttributes redirect, String key, String page, Object argument) {
        redirect.addFlashAttribute("success", key);
        redirect.addFlashAttribute("successArgs", new Object[] {argument});
        return "redirect:" + page;
    }

    private static void reject(BindingResult binding, SettingsRejectedException e) {
        if (e.field() == null) {
            binding.reject(e.messageKey(), e.arguments(), e.getMessage());
        } else {
            binding.rejectValue(e.field(), e.messageKey(), e.arguments(), e.getMessage());
        }
    }
}
