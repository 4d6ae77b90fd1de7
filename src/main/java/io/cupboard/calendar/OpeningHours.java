package io.cupboard.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * The hours a center is open on one day, from {@code opens} until just before {@code closes}.
 */
public record OpeningHours(LocalTime opens, LocalTime closes) {

    public OpeningHours {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("Opening hours need opens before closes, were " + opens + "–" + closes);
        }
    }

    public boolean contains(LocalTime time) {
        return !time.isBefore(opens) && time.isBefore(closes);
    }

    public Duration length() {
        return Duration.between(opens, closes);
    }
}
