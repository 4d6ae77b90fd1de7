package io.cupboard.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An admin's exception for one date: the center is closed, or open with special hours.
 *
 * @param hours the special hours, or null for a closed day
 * @param note  why, as the admin wrote it; may be null
 */
public record CalendarOverride(Long id, LocalDate date, Kind kind, OpeningHours hours, String note) {

    public enum Kind {
        /** An extra closed day. */
        CLOSED,
        /** Special hours, such as a short day or opening on a day that is usually closed. */
        SPECIAL_HOURS
    }

    public CalendarOverride {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.SPECIAL_HOURS) != (hours != null)) {
            throw new IllegalArgumentException("Override kind " + kind + " does not match hours " + hours);
        }
    }
}
