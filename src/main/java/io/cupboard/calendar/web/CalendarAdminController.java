package io.cupboard.calendar.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.cupboard.calendar.BusinessCalendar;
import io.cupboard.calendar.BusinessDay;
import io.cupboard.calendar.CalendarOverride;
import io.cupboard.calendar.CalendarRuleException;
import io.cupboard.calendar.CalendarSettings;
import io.cupboard.calendar.IsraeliHolidays;
import io.cupboard.calendar.IsraeliHolidays.HolidayDate;
import io.cupboard.identity.CurrentUser;
import io.cupboard.shared.DisplayFormat;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's business calendar: weekly hours, holiday-eve hours, dated overrides, the coming
 * holidays and the hours of the coming days as the calendar computes them.
 */
@Controller
@RequestMapping("/admin/calendar")
class CalendarAdminController {

    static final int DAYS_SHOWN = 14;

    private final CalendarSettings settings;
    private final BusinessCalendar calendar;
    private final IsraeliHolidays holidays;
    private final DisplayFormat format;
    private final Clock clock;

    CalendarAdminController(CalendarSettings settings, BusinessCalendar calendar, IsraeliHolidays holidays, DisplayFormat format,
                            Clock clock) {
        this.settings = settings;
        this.calendar = calendar;
        this.holidays = holidays;
        this.format = format;
        this.clock = clock;
    }

    @GetMapping
    String calendar(Model model) {
        model.addAttribute("weeklyForm", WeeklyHoursForm.of(settings.weeklyHours()));
        model.addAttribute("overrideForm", OverrideForm.empty());
        return page(model);
    }

    @PostMapping("/hours")
    String changeHours(@Valid @ModelAttribute("weeklyForm") WeeklyHoursForm form, BindingResult binding, Model model,
                       RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                settings.changeWeeklyHours(form.toDayHours(), form.eveOpens(), form.eveCloses(), form.version());
                redirect.addFlashAttribute("success", "calendar.saved.hours");
                return "redirect:/admin/calendar";
            } catch (CalendarRuleException e) {
                reject(binding, e);
            }
        }
        model.addAttribute("overrideForm", OverrideForm.empty());
        return page(model);
    }

    @PostMapping("/overrides")
    String addOverride(@Valid @ModelAttribute("overrideForm") OverrideForm form, BindingResult binding,
                       @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                CalendarOverride override = settings.addOverride(form.date(), form.kind(), form.opens(), form.closes(), form.note(),
                        user.id());
                redirect.addFlashAttribute("success", "calendar.saved.override");
                redirect.addFlashAttribute("successArgs", new Object[] {format.date(override.date())});
                return "redirect:/admin/calendar";
            } catch (CalendarRuleException e) {
                reject(binding, e);
            }
        }
        model.addAttribute("weeklyForm", WeeklyHoursForm.of(settings.weeklyHours()));
        return page(model);
    }

    @PostMapping("/overrides/{id}/delete")
    String removeOverride(@PathVariable long id, RedirectAttributes redirect) {
        try {
            settings.removeOverride(id);
            redirect.addFlashAttribute("success", "calendar.saved.overrideRemoved");
        } catch (CalendarRuleException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.arguments());
        }
        return "redirect:/admin/calendar";
    }

    private String page(Model model) {
        LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
        List<BusinessDay> coming = new ArrayList<>();
        for (int i = 0; i < DAYS_SHOWN; i++) {
            coming.add(calendar.day(today.plusDays(i)));
        }
        List<HolidayDate> holidayDates = holidays.inYears(today.getYear(), today.getYear() + 1).stream()
                .filter(date -> !date.date().isBefore(today) && date.date().isBefore(today.plusYears(1)))
                .toList();
        model.addAttribute("week", WeeklyHoursForm.WEEK);
        model.addAttribute("overrideKinds", CalendarOverride.Kind.values());
        model.addAttribute("overrides", settings.upcomingOverrides());
        model.addAttribute("comingDays", coming);
        model.addAttribute("holidayDates", holidayDates);
        model.addAttribute("holidayDays", holidayDates.stream().map(date -> calendar.day(date.date())).toList());
        return "admin/calendar";
    }

    private static void reject(BindingResult binding, CalendarRuleException e) {
        if (e.field() == null) {
            binding.reject(e.messageKey(), e.arguments(), e.getMessage());
        } else {
            binding.rejectValue(e.field(), e.messageKey(), e.arguments(), e.getMessage());
        }
    }
}
