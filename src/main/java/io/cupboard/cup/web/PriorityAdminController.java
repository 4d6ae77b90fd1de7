package io.cupboard.cup.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cupboard.cup.PriorityMatrix;
import io.cupboard.cup.PriorityRejectedException;
import io.cupboard.lead.LeadStatus;
import io.cupboard.lead.LeadType;
import io.cupboard.workday.SegmentFocus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's priority matrix with a preview of the resulting order.
 */
@Controller
class PriorityAdminController {

    private final PriorityMatrix matrix;

    PriorityAdminController(PriorityMatrix matrix) {
        this.matrix = matrix;
    }

    @GetMapping("/admin/priorities")
    String priorities(@RequestParam(required = false) SegmentFocus focus, Model model) {
        model.addAttribute("rows", rows(matrix.cells()));
        model.addAttribute("types", LeadType.values());
        model.addAttribute("preview", matrix.preview(focus));
        model.addAttribute("focus", focus);
        model.addAttribute("focuses", SegmentFocus.values());
        return "cup/priorities";
    }

    /** Saves the ranks posted as {@code rank[TYPE:statusId]} fields. */
    @PostMapping("/admin/priorities")
    String save(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Integer> ranks = new HashMap<>();
        for (Map.Entry<String, String> field : form.entrySet()) {
            if (field.getKey().startsWith("rank[") && field.getKey().endsWith("]")) {
                String cell = field.getKey().substring(5, field.getKey().length() - 1);
                ranks.put(cell, parse(field.getValue()));
            }
        }
        try {
            matrix.update(ranks);
            redirect.addFlashAttribute("success", "priority.saved");
        } catch (PriorityRejectedException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.arguments());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "priority.error.status");
        }
        return "redirect:/admin/priorities";
    }

    /** One status with its cells, one per lead type. */
    record MatrixRow(LeadStatus status, List<PriorityMatrix.Cell> cells) {
    }

    private static List<MatrixRow> rows(List<PriorityMatrix.Cell> cells) {
        Map<Long, MatrixRow> rows = new LinkedHashMap<>();
        for (PriorityMatrix.Cell cell : cells) {
            rows.computeIfAbsent(cell.status().getId(), id -> new MatrixRow(cell.status(), new ArrayList<>())).cells().add(cell);
        }
        return List.copyOf(rows.values());
    }

    private static Integer parse(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
