package io.cupboard.workday;

import java.time.Duration;
import java.time.Instant;

/**
 * An agent's working hours on one date, already cut to the center's opening hours that day.
 */
public record Shift(Instant start, Instant end) {

    /** Returns the time left in the shift at an instant: all of it before the start, none after the end. */
    public Duration remainingAt(Instant now) {
        Instant from = now.isBefore(start) ? start : now;
        return from.isBefore(end) ? Duration.between(from, end) : Duration.ZERO;
    }
}
