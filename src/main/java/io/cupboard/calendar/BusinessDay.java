package io.cupboard.calendar;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One date of the business calendar: its opening hours, if any, and the rule that gave them.
 *
 * @param holiday the holiday that closes the day, or that begins after it for an eve; null otherwise
 */
public record BusinessDay(LocalDate date, Optional<OpeningHours> hours, Kind kind, IsraeliHoliday holiday) {

    /** The rule that decided a date's hours, from the strongest: overrides beat holidays beat weekdays. */
    public enum Kind {
        /** The admin closed the center on this date. */
        OVERRIDE_CLOSED,
        /** The admin set special hours for this date. */
        OVERRIDE_HOURS,
        /** An Israeli holiday on which the center is closed. */
        HOLIDAY,
        /** The eve of a closed holiday: a short day. */
        HOLIDAY_EVE,
        /** A weekday on which the center is closed every week, such as Saturday. */
        WEEKLY_CLOSED,
        /** A weekday with its usual hours. */
        REGULAR
    }

    public BusinessDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(kind, "kind");
    }

    public static BusinessDay open(LocalDate date, OpeningHours hours, Kind kind, IsraeliHoliday holiday) {
        return new BusinessDay(date, Optional.of(hours), kind, holiday);
    }

    public static BusinessDay closed(LocalDate date, Kind kind, IsraeliHoliday holiday) {
        return new BusinessDay(date, Optional.empty(), kind, holiday);
    }

    public boolean isOpen() {
        return hours.isPresent();
    }
}
