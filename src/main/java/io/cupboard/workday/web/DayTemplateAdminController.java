package io.cupboard.workday.web;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import io.cupboard.identity.TeamRepository;
import io.cupboard.workday.DaySchedules;
import io.cupboard.workday.DaySegment;
import io.cupboard.workday.DayTemplate;
import io.cupboard.workday.SegmentFocus;
import io.cupboard.workday.WorkdayRuleException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's day templates: the center's default and one per team, each a shift with segments.
 */
@Controller
class DayTemplateAdminController {

    static final int MAX_SEGMENTS = 8;

    private final DaySchedules schedules;
    private final TeamRepository teams;

    DayTemplateAdminController(DaySchedules schedules, TeamRepository teams) {
        this.schedules = schedules;
        this.teams = teams;
    }

    @GetMapping("/admin/day-templates")
    String templates(@RequestParam(required = false) Long team, Model model) {
        model.addAttribute("teams", teams.findAllByOrderByName());
        model.addAttribute("selectedTeam", team == null ? null : teams.findById(team).orElse(null));
        model.addAttribute("ownTemplate", team == null || schedules.hasOwnTemplate(team));
        DayTemplate template = schedules.currentTemplateFor(team);
        model.addAttribute("template", template);
        List<DaySegment> rows = new ArrayList<>(template.getSegments());
        model.addAttribute("segments", rows);
        model.addAttribute("emptyRows", MAX_SEGMENTS - rows.size());
        model.addAttribute("focuses", SegmentFocus.values());
        return "workday/templates";
    }

    /** Saves a template posted as parallel lists of segment starts, ends and focuses; blank rows are skipped. */
    @PostMapping("/admin/day-templates")
    String save(@RequestParam(required = false) Long team, @RequestParam int version,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime shiftStart,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime shiftEnd,
                @RequestParam(name = "start", required = false) List<String> starts,
                @RequestParam(name = "end", required = false) List<String> ends,
                @RequestParam(name = "focus", required = false) List<String> focuses,
                RedirectAttributes redirect) {
        String page = "redirect:/admin/day-templates" + (team == null ? "" : "?team=" + team);
        try {
            List<DaySegment> segments = segments(starts, ends, focuses);
            int templateVersion = team != null && !schedules.hasOwnTemplate(team) ? 0 : version;
            schedules.save(team, templateVersion, shiftStart, shiftEnd, segments);
            redirect.addFlashAttribute("success", "template.saved");
        } catch (WorkdayRuleException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.arguments());
        }
        return page;
    }

    private static List<DaySegment> segments(List<String> starts, List<String> ends, List<String> focuses) {
        List<DaySegment> segments = new ArrayList<>();
        int rows = starts == null ? 0 : starts.size();
        for (int i = 0; i < rows; i++) {
            String start = value(starts, i);
            String end = value(ends, i);
            String focus = value(focuses, i);
            if (start.isEmpty() && end.isEmpty() && focus.isEmpty()) {
                continue;
            }
            if (start.isEmpty() || end.isEmpty() || focus.isEmpty()) {
                throw new WorkdayRuleException("template.error.segmentIncomplete", "Segment row " + i + " is incomplete");
            }
            LocalTime from = LocalTime.parse(start);
            LocalTime to = LocalTime.parse(end);
            if (!from.isBefore(to)) {
                throw new WorkdayRuleException("template.error.shiftOrder", "Segment row " + i + " ends before it starts");
            }
            segments.add(new DaySegment(from, to, SegmentFocus.valueOf(focus)));
        }
        return segments;
    }

    private static String value(List<String> values, int index) {
        return values == null || index >= values.size() || values.get(index) == null ? "" : values.get(index).strip();
    }
}
