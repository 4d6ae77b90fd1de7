package io.cupboard.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayFormatTest {

    private final DisplayFormat format = new DisplayFormat(new TimeProperties(ZoneId.of("Asia/Jerusalem")));

    @Test
    void datesAreDayMonthYear() {
        assertThat(format.date(Instant.parse("2026-03-26T12:05:11Z"))).isEqualTo("26/03/2026");
    }

    @Test
    void timesAre24HourInIsraelWinterTime() {
        assertThat(format.dateTime(Instant.parse("2026-01-15T16:30:00Z"))).isEqualTo("15/01/2026 18:30");
    }

    @Test
    void timesFollowIsraelSummerTime() {
        // Daylight saving starts on Friday 27 March 2026: 12:00 UTC is 15:00 in Israel that day.
        assertThat(format.time(Instant.parse("2026-03-26T12:00:00Z"))).isEqualTo("14:00");
        assertThat(format.time(Instant.parse("2026-03-27T12:00:00Z"))).isEqualTo("15:00");
    }

    @Test
    void localDateIsInTheCenterZone() {
        // 23:30 UTC on 31 December is already 1 January in Israel.
        assertThat(format.date(Instant.parse("2026-12-31T23:30:00Z"))).isEqualTo("01/01/2027");
    }

    @Test
    void durationsAreHoursAndMinutes() {
        assertThat(format.hoursMinutes(Duration.ofMinutes(235))).isEqualTo("3:55");
        assertThat(format.hoursMinutes(Duration.ofMinutes(-5))).isEqualTo("0:00");
    }

    @Test
    void missingValuesAreBlank() {
        assertThat(format.dateTime(null)).isEmpty();
    }
}
