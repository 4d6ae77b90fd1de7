package io.cupboard.lead;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import io.cupboard.calendar.OpeningHours;
import io.cupboard.calendar.WorkingHoursCalendar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Retry steps on a plain week without holidays: Sunday to Thursday 09:00–19:00, Friday
 * 09:00–13:00. Times are Israeli winter time (UTC+2).
 */
class RetryStepTest {

    private static final ZoneId ISRAEL = ZoneId.of("Asia/Jerusalem");

    private final WorkingHoursCalendar calendar = new WorkingHoursCalendar(ISRAEL) {
        @Override
        public Optional<OpeningHours> hoursOn(LocalDate date) {
            return switch (date.getDayOfWeek()) {
                case SATURDAY -> Optional.empty();
                case FRIDAY -> Optional.of(new OpeningHours(LocalTime.of(9, 0), LocalTime.of(13, 0)));
                default -> Optional.of(new OpeningHours(LocalTime.of(9, 0), LocalTime.of(19, 0)));
            };
        }
    };

    @Test
    void zeroMinutesRetriesAtOnce() {
        Instant tuesdayTen = local("2026-12-08T10:00");

        assertThat(RetryStep.minutes(0).dueAfter(tuesdayTen, tuesdayTen, calendar)).isEqualTo(tuesdayTen);
    }

    @Test
    void nextDayMovesLaterThanFirstAttempt() {
        Instant firstAttempt = local("2026-12-08T10:00");
        Instant lastAttempt = local("2026-12-08T15:00");

        assertThat(RetryStep.nextDayOtherHour(120).dueAfter(lastAttempt, firstAttempt, calendar)).isEqualTo(local("2026-12-09T12:00"));
    }

    @Test
    void nextDayMovesEarlierWhenLaterIsClosed() {
        // The next business day after Thursday is a Friday, which closes at 13:00.
        Instant firstAttempt = local("2026-12-10T12:00");

        assertThat(RetryStep.nextDayOtherHour(120).dueAfter(firstAttempt, firstAttempt, calendar)).isEqualTo(local("2026-12-11T10:00"));
    }

    @Test
    void nextDayFallsBackToOpening() {
        // 18:00 + 5 h and 18:00 − 5 h (13:00) are both outside Friday's 09:00–13:00.
        Instant firstAttempt = local("2026-12-10T18:00");

        assertThat(RetryStep.nextDayOtherHour(300).dueAfter(firstAttempt, firstAttempt, calendar)).isEqualTo(local("2026-12-11T09:00"));
    }

    @Test
    void nextDaySkipsTheWeekend() {
        Instant friday = local("2026-12-11T10:00");

        Instant due = RetryStep.nextDayOtherHour(90).dueAfter(friday, friday, calendar);

        assertThat(due).isEqualTo(local("2026-12-13T11:30"));
        assertThat(due.atZone(ISRAEL).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    }

    @Test
    void businessDaysKeepTheTimeOfDay() {
        Instant thursday = local("2026-12-10T16:00");

        assertThat(RetryStep.businessDays(2).dueAfter(thursday, thursday, calendar)).isEqualTo(local("2026-12-13T16:00"));
    }

    @Test
    void businessDaysMoveToOpeningWhenClosed() {
        // One business day after Thursday 16:00 is Friday, which is closed at 16:00: Sunday 09:00.
        Instant thursday = local("2026-12-10T16:00");

        assertThat(RetryStep.businessDays(1).dueAfter(thursday, thursday, calendar)).isEqualTo(local("2026-12-13T09:00"));
    }

    @Test
    void outOfRangeAmountsAreRejected() {
        assertThatThrownBy(() -> RetryStep.minutes(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryStep.nextDayOtherHour(30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryStep.businessDays(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Instant local(String dateTime) {
        return java.time.LocalDateTime.parse(dateTime).atZone(ISRAEL).toInstant();
    }
}
