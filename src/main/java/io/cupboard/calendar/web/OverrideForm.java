package io.cupboard.calendar.web;

import java.time.LocalDate;
import java.time.LocalTime;

import io.cupboard.calendar.CalendarOverride;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** A new calendar override; the times are read for special hours only. */
record OverrideForm(
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
        @NotNull CalendarOverride.Kind kind,
        @DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss") LocalTime opens,
        @DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss") LocalTime closes,
        @Size(max = 200) String note) {

    static OverrideForm empty() {
        return new OverrideForm(null, CalendarOverride.Kind.CLOSED, LocalTime.of(9, 0), LocalTime.of(13, 0), "");
    }
}
