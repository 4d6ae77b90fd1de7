package io.cupboard.intake.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cupboard.identity.CurrentUser;
import io.cupboard.intake.ColumnMapping;
import io.cupboard.intake.ImportBatch;
import io.cupboard.intake.ImportBatches;
import io.cupboard.intake.IntakeProperties;
import io.cupboard.intake.IntakeRuleException;
import io.cupboard.intake.IntakeSources;
import io.cupboard.intake.LeadField;
import io.cupboard.intake.RejectedRows;
import io.cupboard.intake.file.UnreadableFileException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.security.core.annotation.AuthenticationPrincipal;

/**
 * File import for team leads, managers and admins: upload, column mapping with a live preview,
 * the import's progress (htmx polls it) and the download of rejected records.
 */
@Controller
@RequestMapping("/intake")
class ImportController {

    private static final String HTMX = "HX-Request";
    private static final String COLUMN_PARAMETER = "column.";
    private static final int RECENT_BATCHES = 20;
    private static final int LISTED_PROBLEMS = 100;

    private final ImportBatches batches;
    private final IntakeSources sources;
    private final RejectedRows rejectedRows;
    private final IntakeProperties properties;

    ImportController(ImportBatches batches, IntakeSources sources, RejectedRows rejectedRows, IntakeProperties properties) {
        this.batches = batches;
        this.sources = sources;
        this.rejectedRows = rejectedRows;
        this.properties = properties;
    }

    @GetMapping
    String imports(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("sources", sources.active());
        model.addAttribute("batches", batches.recent(user, RECENT_BATCHES));
        return "intake/imports";
    }

    @PostMapping("/uploads")
    String upload(@RequestParam(required = false) Long sourceId, @RequestParam(required = false) MultipartFile file,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) throws IOException {
        if (sourceId == null || file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty()) {
            redirect.addFlashAttribute("error", "intake.upload.error.missing");
            return "redirect:/intake";
        }
        if (file.isEmpty()) {
            redirect.addFlashAttribute("error", "intake.upload.error.empty");
            redirect.addFlashAttribute("errorArgs", new Object[] {file.getOriginalFilename()});
            return "redirect:/intake";
        }
        try {
            long batchId = batches.upload(sourceId, file.getOriginalFilename(), file, user);
            return "redirect:/intake/batches/" + batchId + "/mapping";
        } catch (UnreadableFileException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        } catch (IntakeRuleException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.arguments());
        }
        return "redirect:/intake";
    }

    @GetMapping("/batches/{batchId}/mapping")
    String mapping(@PathVariable long batchId, @AuthenticationPrincipal CurrentUser user, Model model) {
        ImportBatch batch = batches.batch(batchId, user);
        if (batch.status() != ImportBatch.Status.MAPPING) {
            return "redirect:/intake/batches/" + batchId;
        }
        populateMapping(model, batch, batch.mapping(), user);
        batches.earlierImportOfSameFile(batch).ifPresent(earlier -> model.addAttribute("earlier", earlier));
        return "intake/mapping";
    }

    @PostMapping("/batches/{batchId}/preview")
    String preview(@PathVariable long batchId, @RequestParam Map<String, String> parameters,
                   @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response) {
        ImportBatch batch = batches.batch(batchId, user);
        try {
            populateMapping(model, batch, mappingFrom(parameters), user);
        } catch (IntakeRuleException e) {
            response.setStatus(422);
            model.addAttribute("batch", batch);
            model.addAttribute("error", e.messageKey());
            model.addAttribute("preview", List.of());
        }
        return "intake/mapping :: preview";
    }

    @PostMapping("/batches/{batchId}/start")
    String start(@PathVariable long batchId, @RequestParam Map<String, String> parameters,
                 @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            batches.start(batchId, mappingFrom(parameters), user);
            redirect.addFlashAttribute("success", "intake.batch.started");
            return "redirect:/intake/batches/" + batchId;
        } catch (IntakeRuleException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            return "redirect:/intake/batches/" + batchId + "/mapping";
        }
    }

    @GetMapping("/batches/{batchId}")
    String batch(@PathVariable long batchId, @AuthenticationPrincipal CurrentUser user, Model model) {
        ImportBatch batch = batches.batch(batchId, user);
        if (batch.status() == ImportBatch.Status.MAPPING) {
            return "redirect:/intake/batches/" + batchId + "/mapping";
        }
        populateProgress(model, batch, user);
        return "intake/batch";
    }

    @GetMapping("/batches/{batchId}/progress")
    String progress(@PathVariable long batchId, @AuthenticationPrincipal CurrentUser user,
                    @RequestHeader(value = HTMX, required = false) String htmx, Model model) {
        if (htmx == null) {
            return "redirect:/intake/batches/" + batchId;
        }
        populateProgress(model, batches.batch(batchId, user), user);
        return "intake/batch :: progress";
    }

    @PostMapping("/batches/{batchId}/cancel")
    String cancel(@PathVariable long batchId, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            batches.cancel(batchId, user);
            redirect.addFlashAttribute("success", "intake.batch.cancelled");
        } catch (IntakeRuleException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/intake/batches/" + batchId;
    }

    @PostMapping("/batches/{batchId}/resume")
    String resume(@PathVariable long batchId, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            batches.resume(batchId, user);
            redirect.addFlashAttribute("success", "intake.batch.resumed");
        } catch (IntakeRuleException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/intake/batches/" + batchId;
    }

    @GetMapping("/batches/{batchId}/rejected.csv")
    void rejected(@PathVariable long batchId, @AuthenticationPrincipal CurrentUser user, Locale locale,
                  HttpServletResponse response) throws IOException {
        ImportBatch batch = batches.batch(batchId, user);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename(rejectedRows.fileName(batch), StandardCharsets.UTF_8).build().toString());
        response.setHeader("Cache-Control", "no-store");
        rejectedRows.write(batchId, user, locale, response.getOutputStream());
    }

    private void populateMapping(Model model, ImportBatch batch, ColumnMapping mapping, CurrentUser user) {
        model.addAttribute("batch", batch);
        model.addAttribute("fields", LeadField.values());
        model.addAttribute("mapping", mapping);
        model.addAttribute("preview", batches.preview(batch.id(), mapping, properties.fileImport().previewRows(), user));
        model.addAttribute("mappingComplete", mapping.coversNameOrPhone());
    }

    private void populateProgress(Model model, ImportBatch batch, CurrentUser user) {
        model.addAttribute("batch", batch);
        model.addAttribute("problems", batch.status().isFinished() || batch.counts().rejected() + batch.counts().blocked() > 0
                ? batches.problems(batch.id(), user, LISTED_PROBLEMS) : List.of());
    }

    /** Reads the mapping from parameters named {@code column.FIELD}, whose value is a column index or -1. */
    private static ColumnMapping mappingFrom(Map<String, String> parameters) {
        Map<LeadField, Integer> columns = new EnumMap<>(LeadField.class);
        parameters.forEach((name, value) -> {
            if (!name.startsWith(COLUMN_PARAMETER) || value == null || value.isBlank()) {
                return;
            }
            try {
                LeadField field = LeadField.valueOf(name.substring(COLUMN_PARAMETER.length()));
                int column = Integer.parseInt(value.strip());
                if (column >= 0) {
                    columns.put(field, column);
                }
            } catch (IllegalArgumentException ignored) {
                // An unknown field or a non-number is no mapping.
            }
        });
        return new ColumnMapping(columns);
    }
}
