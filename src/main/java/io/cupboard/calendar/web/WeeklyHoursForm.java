package io.cupboard.calendar.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import io.cupboard.calendar.CalendarSettings.DayHours;
import io.cupboard.calendar.WeeklyHours;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;

/** The admin's weekly hours: one row per weekday from Sunday, and the hours of a holiday eve. */
record WeeklyHoursForm(
        @Valid List<DayRow> days,
        @DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss") LocalTime eveOpens,
        @DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss") LocalTime eveCloses,
        @NotNull Integer version) {

    /** The Israeli week starts on Sunday. */
    static final List<DayOfWeek> WEEK = List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);

    static WeeklyHoursForm of(WeeklyHours hours) {
        List<DayRow> rows = new ArrayList<>();
        for (DayOfWeek day : WEEK) {
            rows.add(hours.on(day).map(open -> new DayRow(day, open.opens(), open.closes())).orElse(new DayRow(day, null, null)));
        }
        return new WeeklyHoursForm(rows, hours.holidayEve().opens(), hours.holidayEve().closes(), hours.version());
    }

    List<DayHours> toDayHours() {
        return days == null ? List.of() : days.stream().map(row -> new DayHours(row.day(), row.opens(), row.closes())).toList();
    }

    /** One weekday; both times empty means closed. */
    record DayRow(
            @NotNull DayOfWeek day,
            @DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss") LocalTime opens,
            @DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss") LocalTime closes) {
    }
}
