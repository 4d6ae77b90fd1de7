package io.cupboard.lead;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

import io.cupboard.calendar.BusinessCalendar;
import io.cupboard.calendar.OpeningHours;

/**
 * When the next call follows an unanswered one. Retries spread over different times of day reach
 * more people than calls at the same hour, so besides plain business minutes a step can move to
 * the next business day at another hour than the first attempt.
 *
 * @param amount minutes for {@link Kind#BUSINESS_MINUTES} and {@link Kind#NEXT_DAY_OTHER_HOUR},
 *               days for {@link Kind#BUSINESS_DAYS}
 */
public record RetryStep(Kind kind, int amount) {

    /** Maximum minutes by which a day-shift step moves the time of day: twelve hours either way. */
    public static final int MAX_SHIFT_MINUTES = 720;
    /** The smallest day shift that still lands in another hour. */
    public static final int MIN_SHIFT_MINUTES = 60;
    public static final int MAX_BUSINESS_DAYS = 30;
    /** Ten business days of ten hours. */
    public static final int MAX_BUSINESS_MINUTES = 6000;

    /** Searching further than this for a business day means the calendar has none configured. */
    private static final int MAX_DAYS_SEARCHED = 3660;

    public enum Kind {
        /** {@code amount} business minutes after the unanswered call; 0 retries at once. */
        BUSINESS_MINUTES,
        /**
         * The next business day, at the first attempt's time of day moved {@code amount} minutes
         * later; if that is outside the day's hours, the same amount earlier; if that is outside
         * too, at the day's opening.
         */
        NEXT_DAY_OTHER_HOUR,
        /**
         * The {@code amount}-th business day after the unanswered call, at the same time of day,
         * or the next opening after that time when the center is closed then.
         */
        BUSINESS_DAYS
    }

    public RetryStep {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case BUSINESS_MINUTES -> requireRange(amount, 0, MAX_BUSINESS_MINUTES, "business minutes");
            case NEXT_DAY_OTHER_HOUR -> requireRange(amount, MIN_SHIFT_MINUTES, MAX_SHIFT_MINUTES, "shift minutes");
            case BUSINESS_DAYS -> requireRange(amount, 1, MAX_BUSINESS_DAYS, "business days");
        }
    }

    public static RetryStep minutes(int minutes) {
        return new RetryStep(Kind.BUSINESS_MINUTES, minutes);
    }

    public static RetryStep nextDayOtherHour(int shiftMinutes) {
        return new RetryStep(Kind.NEXT_DAY_OTHER_HOUR, shiftMinutes);
    }

    public static RetryStep businessDays(int days) {
        return new RetryStep(Kind.BUSINESS_DAYS, days);
    }

    /**
     * Returns when the retry is due.
     *
     * @param attemptAt      when the unanswered call was made
     * @param firstAttemptAt when the lead's first call was made; its time of day is avoided by
     *                       {@link Kind#NEXT_DAY_OTHER_HOUR}
     */
    public Instant dueAfter(Instant attemptAt, Instant firstAttemptAt, BusinessCalendar calendar) {
        ZoneId zone = calendar.zone();
        return switch (kind) {
            case BUSINESS_MINUTES -> calendar.addBusinessMinutes(attemptAt, amount);
            case NEXT_DAY_OTHER_HOUR -> {
                LocalDate day = businessDayAfter(attemptAt.atZone(zone).toLocalDate(), 1, calendar);
                OpeningHours hours = calendar.hoursOn(day).orElseThrow();
                LocalTime time = shiftedTime(firstAttemptAt.atZone(zone).toLocalTime(), hours);
                yield ZonedDateTime.of(day, time, zone).toInstant();
            }
            case BUSINESS_DAYS -> {
                ZonedDateTime attempt = attemptAt.atZone(zone);
                LocalDate day = businessDayAfter(attempt.toLocalDate(), amount, calendar);
                yield calendar.nextOpenSlot(ZonedDateTime.of(day, attempt.toLocalTime(), zone).toInstant());
            }
        };
    }

    private LocalTime shiftedTime(LocalTime first, OpeningHours hours) {
        int firstMinute = first.toSecondOfDay() / 60;
        for (int candidate : new int[] {firstMinute + amount, firstMinute - amount}) {
            Optional<LocalTime> time = candidate >= 0 && candidate < 24 * 60
                    ? Optional.of(LocalTime.ofSecondOfDay(candidate * 60L)) : Optional.empty();
            if (time.isPresent() && hours.contains(time.get())) {
                return time.get();
            }
        }
        return hours.opens();
    }

    private static LocalDate businessDayAfter(LocalDate from, int count, BusinessCalendar calendar) {
        LocalDate day = from;
        int found = 0;
        for (int searched = 0; searched < MAX_DAYS_SEARCHED; searched++) {
            day = day.plusDays(1);
            if (calendar.hoursOn(day).isPresent() && ++found == count) {
                return day;
            }
        }
        throw new IllegalStateException("No business day within " + MAX_DAYS_SEARCHED + " days of " + from);
    }

    private static void requireRange(int value, int min, int max, String unit) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("A retry step needs " + min + " to " + max + " " + unit + ", had " + value);
        }
    }
}
