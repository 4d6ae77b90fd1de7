package io.cupboard.workday.web;

import java.time.Instant;
import java.time.LocalDateTime;

import io.cupboard.calendar.BusinessCalendar;
import io.cupboard.identity.CurrentUser;
import io.cupboard.shared.DisplayFormat;
import io.cupboard.workday.WorkDayStatus;
import io.cupboard.workday.WorkDays;
import io.cupboard.workday.WorkdayRuleException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Day opening with its plan, and day closing: every task due today done or carried with a reason.
 */
@Controller
class WorkdayController {

    private final WorkDays workDays;
    private final BusinessCalendar calendar;
    private final DisplayFormat format;

    WorkdayController(WorkDays workDays, BusinessCalendar calendar, DisplayFormat format) {
        this.workDays = workDays;
        this.calendar = calendar;
        this.format = format;
    }

    @GetMapping("/workday/plan")
    String plan(@AuthenticationPrincipal CurrentUser agent, Model model) {
        if (workDays.openedToday(agent.id())) {
            return "redirect:/cup";
        }
        model.addAttribute("plan", workDays.plan(agent));
        return "workday/plan";
    }

    @PostMapping("/workday/open")
    String open(@AuthenticationPrincipal CurrentUser agent, RedirectAttributes redirect) {
        workDays.open(agent);
        redirect.addFlashAttribute("success", "workday.opened");
        return "redirect:/cup";
    }

    @GetMapping("/workday/close")
    String closing(@AuthenticationPrincipal CurrentUser agent, Model model) {
        model.addAttribute("tasks", workDays.dueToday(agent.id()));
        model.addAttribute("day", workDays.status(agent.id(), workDays.today()).orElse(null));
        model.addAttribute("nextMorning", workDays.nextMorning());
        model.addAttribute("spacingMinutes", workDays.handlingTime(agent.teamId()).toMinutes());
        model.addAttribute("defaultCarryTo", format.inputValue(workDays.nextMorning()));
        return "workday/close";
    }

    @PostMapping("/workday/carry")
    String carry(@AuthenticationPrincipal CurrentUser agent, @RequestParam long taskId,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime carryTo,
                 @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        Instant newDue = carryTo == null ? null : carryTo.atZone(calendar.zone()).toInstant();
        try {
            workDays.carry(agent, taskId, newDue, reason);
            flash(redirect, "success", "workday.close.carriedOne", format.dateTime(newDue));
        } catch (WorkdayRuleException e) {
            flash(redirect, "error", e.messageKey(), format.messageArguments(e.arguments()));
        }
        return "redirect:/workday/close";
    }

    @PostMapping("/workday/carry-all")
    String carryAll(@AuthenticationPrincipal CurrentUser agent, @RequestParam(required = false) String reason,
                    RedirectAttributes redirect) {
        try {
            int moved = workDays.carryAllToNextMorning(agent, reason);
            flash(redirect, "success", "workday.close.carriedAll", moved);
        } catch (WorkdayRuleException e) {
            flash(redirect, "error", e.messageKey(), format.messageArguments(e.arguments()));
        }
        return "redirect:/workday/close";
    }

    @PostMapping("/workday/close")
    String close(@AuthenticationPrincipal CurrentUser agent, RedirectAttributes redirect) {
        try {
            WorkDayStatus day = workDays.close(agent);
            flash(redirect, "success", "workday.close.clean", format.time(day.closedAt()));
        } catch (WorkdayRuleException e) {
            flash(redirect, "error", e.messageKey(), e.arguments());
        }
        return "redirect:/workday/close";
    }


    private static void flash(RedirectAttributes redirect, String kind, String key, Object... arguments) {
        redirect.addFlashAttribute(kind, key);
        redirect.addFlashAttribute(kind + "Args", arguments);
    }
}
