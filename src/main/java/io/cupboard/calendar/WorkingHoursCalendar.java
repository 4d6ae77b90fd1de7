package io.cupboard.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The business-time arithmetic shared by calendars: subclasses return the hours of each date.
 * Times of day are local wall-clock times in the zone, so the hour that a daylight-saving change
 * adds or removes at night never counts.
 */
public abstract class WorkingHoursCalendar implements BusinessCalendar {

    /** Searching further than this for an open day means the calendar has none configured. */
    private static final int MAX_DAYS_SEARCHED = 3660;

    private final ZoneId zone;

    protected WorkingHoursCalendar(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public boolean isOpen(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        return hoursOn(local.toLocalDate()).map(hours -> hours.contains(local.toLocalTime())).orElse(false);
    }

    @Override
    public Instant addBusinessMinutes(Instant from, long minutes) {
        if (minutes < 0) {
            throw new IllegalArgumentException("Business minutes must not be negative, were " + minutes);
        }
        long remainingSeconds = minutes * 60;
        ZonedDateTime cursor = from.atZone(zone);
        for (int day = 0; day < MAX_DAYS_SEARCHED; day++) {
            LocalDate date = cursor.toLocalDate();
            Optional<OpeningHours> hours = hoursOn(date);
            if (hours.isPresent()) {
                ZonedDateTime opens = date.atTime(hours.get().opens()).atZone(zone);
                ZonedDateTime closes = date.atTime(hours.get().closes()).atZone(zone);
                ZonedDateTime start = cursor.isBefore(opens) ? opens : cursor;
                if (start.isBefore(closes)) {
                    long availableSeconds = Duration.between(start, closes).getSeconds();
                    if (remainingSeconds < availableSeconds || (remainingSeconds == availableSeconds && remainingSeconds > 0)) {
                        return start.toInstant().plusSeconds(remainingSeconds);
                    }
                    remainingSeconds -= availableSeconds;
                }
            }
            cursor = date.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("No business hours within " + MAX_DAYS_SEARCHED + " days of " + from);
    }

    @Override
    public Instant subtractBusinessMinutes(Instant from, long minutes) {
        if (minutes < 0) {
            throw new IllegalArgumentException("Business minutes must not be negative, were " + minutes);
        }
        if (minutes == 0) {
            return from;
        }
        long remainingSeconds = minutes * 60;
        ZonedDateTime cursor = from.atZone(zone);
        for (int day = 0; day < MAX_DAYS_SEARCHED; day++) {
            LocalDate date = cursor.toLocalDate();
            Optional<OpeningHours> hours = hoursOn(date);
            if (hours.isPresent()) {
                ZonedDateTime opens = date.atTime(hours.get().opens()).atZone(zone);
                ZonedDateTime closes = date.atTime(hours.get().closes()).atZone(zone);
                ZonedDateTime end = cursor.isAfter(closes) ? closes : cursor;
                if (end.isAfter(opens)) {
                    long availableSeconds = Duration.between(opens, end).getSeconds();
                    if (remainingSeconds <= availableSeconds) {
                        return end.toInstant().minusSeconds(remainingSeconds);
                    }
                    remainingSeconds -= availableSeconds;
                }
            }
            // The last moment of the previous day.
            cursor = date.atStartOfDay(zone).minusNanos(1);
        }
        throw new IllegalStateException("No business hours within " + MAX_DAYS_SEARCHED + " days before " + from);
    }

    @Override
    public Instant nextOpenSlot(Instant from) {
        return isOpen(from) ? from : addBusinessMinutes(from, 0);
    }

    @Override
    public Instant nextOpening(Instant after) {
        ZonedDateTime cursor = after.atZone(zone);
        for (int day = 0; day < MAX_DAYS_SEARCHED; day++) {
            LocalDate date = cursor.toLocalDate();
            Optional<OpeningHours> hours = hoursOn(date);
            if (hours.isPresent()) {
                ZonedDateTime opens = date.atTime(hours.get().opens()).atZone(zone);
                if (opens.isAfter(after.atZone(zone))) {
                    return opens.toInstant();
                }
            }
            cursor = date.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("No business hours within " + MAX_DAYS_SEARCHED + " days of " + after);
    }

    @Override
    public long businessMinutesBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        long seconds = 0;
        ZonedDateTime cursor = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        while (cursor.isBefore(end)) {
            LocalDate date = cursor.toLocalDate();
            Optional<OpeningHours> hours = hoursOn(date);
            if (hours.isPresent()) {
                ZonedDateTime opens = date.atTime(hours.get().opens()).atZone(zone);
                ZonedDateTime closes = date.atTime(hours.get().closes()).atZone(zone);
                ZonedDateTime start = cursor.isBefore(opens) ? opens : cursor;
                ZonedDateTime stop = end.isBefore(closes) ? end : closes;
                if (start.isBefore(stop)) {
                    seconds += Duration.between(start, stop).getSeconds();
                }
            }
            cursor = date.plusDays(1).atStartOfDay(zone);
        }
        return seconds / 60;
    }
}
