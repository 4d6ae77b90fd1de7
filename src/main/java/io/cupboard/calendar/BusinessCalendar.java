package io.cupboard.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When the center works. Every method works in the center's zone, so a daylight-saving change
 * never moves a deadline by an hour: business time is counted in local working hours.
 */
public interface BusinessCalendar {

    ZoneId zone();

    /** Returns the opening hours on a date, or empty when the center is closed that day. */
    Optional<OpeningHours> hoursOn(LocalDate date);

    /**
     * Describes a date: its hours and why it has them (a regular weekday, a holiday, a holiday
     * eve, an admin override).
     */
    default BusinessDay day(LocalDate date) {
        return hoursOn(date)
                .map(hours -> BusinessDay.open(date, hours, BusinessDay.Kind.REGULAR, null))
                .orElseGet(() -> BusinessDay.closed(date, BusinessDay.Kind.WEEKLY_CLOSED, null));
    }

    /** Whether the center is open at an instant. */
    boolean isOpen(Instant instant);

    /**
     * Adds business minutes to an instant. Zero minutes from a closed time gives the next opening.
     */
    Instant addBusinessMinutes(Instant from, long minutes);

    /**
     * Subtracts business minutes from an instant: the latest instant from which {@code minutes}
     * business minutes lead up to {@code from}. Jobs use it for "overdue by N business minutes".
     */
    Instant subtractBusinessMinutes(Instant from, long minutes);

    /** Returns the instant itself when the center is open then, otherwise the next opening after it. */
    Instant nextOpenSlot(Instant from);

    /** Returns the first opening strictly after an instant (the start of the next open period). */
    Instant nextOpening(Instant after);

    /** Returns the business minutes between two instants (0 when {@code to} is not after {@code from}). */
    long businessMinutesBetween(Instant from, Instant to);
}
