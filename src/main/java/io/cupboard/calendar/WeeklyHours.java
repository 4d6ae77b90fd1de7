package io.cupboard.calendar;

import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The center's regular week: opening hours per weekday (a weekday without hours is closed) and
 * the hours of a holiday eve.
 *
 * @param version the stored version, for detecting two admins saving at once
 */
public record WeeklyHours(Map<DayOfWeek, OpeningHours> days, OpeningHours holidayEve, int version) {

    public WeeklyHours {
        Objects.requireNonNull(holidayEve, "holidayEve");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("A week needs at least one open day");
        }
        days = Collections.unmodifiableMap(new EnumMap<>(days));
    }

    public Optional<OpeningHours> on(DayOfWeek day) {
        return Optional.ofNullable(days.get(day));
    }
}
