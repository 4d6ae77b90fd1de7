package io.cupboard.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import io.cupboard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Business-time arithmetic on real Israeli dates with the default settings stored by the
 * migrations. Times in comments are local (Asia/Jerusalem); winter is UTC+2, summer UTC+3.
 */
@IntegrationTest
class BusinessCalendarTest {

    @Autowired
    BusinessCalendar calendar;

    @Test
    void thursdayEveningLeadIsDueFridayMorning() {
        // Thursday 10 December 2026, 18:50.
        Instant arrival = Instant.parse("2026-12-10T16:50:00Z");

        assertThat(calendar.addBusinessMinutes(arrival, 30)).isEqualTo(Instant.parse("2026-12-11T07:20:00Z"));
    }

    @Test
    void fridayNoonLeadIsDueSundayMorning() {
        // Friday 11 December 2026, 12:50: ten minutes before the short day closes.
        Instant arrival = Instant.parse("2026-12-11T10:50:00Z");

        assertThat(calendar.addBusinessMinutes(arrival, 30)).isEqualTo(Instant.parse("2026-12-13T07:20:00Z"));
    }

    @Test
    void yomKippurEveDeadlineSkipsHoliday() {
        // Wednesday 1 October 2025, 12:50, the eve of Yom Kippur, a short day. Thursday is Yom
        // Kippur, so the deadline is Friday 3 October 09:20 (summer time).
        Instant arrival = Instant.parse("2025-10-01T09:50:00Z");

        assertThat(calendar.addBusinessMinutes(arrival, 30)).isEqualTo(Instant.parse("2025-10-03T06:20:00Z"));
    }

    @Test
    void roshHashanahEveLeadSkipsBothDays() {
        // Monday 22 September 2025, 12:50; Rosh Hashanah is Tuesday and Wednesday.
        Instant arrival = Instant.parse("2025-09-22T09:50:00Z");

        assertThat(calendar.addBusinessMinutes(arrival, 30)).isEqualTo(Instant.parse("2025-09-25T06:20:00Z"));
    }

    @Test
    void closedHolidaysHaveNoHours() {
        LocalDate[] closed = {
                LocalDate.of(2025, 9, 23), LocalDate.of(2025, 10, 2), LocalDate.of(2025, 10, 7), LocalDate.of(2025, 10, 14),
                LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 8), LocalDate.of(2026, 4, 22), LocalDate.of(2026, 5, 22),
                LocalDate.of(2026, 9, 21), LocalDate.of(2027, 6, 11), LocalDate.of(2027, 5, 12), LocalDate.of(2027, 10, 11),
                LocalDate.of(2028, 4, 11), LocalDate.of(2028, 4, 17), LocalDate.of(2028, 5, 2), LocalDate.of(2028, 5, 31),
                LocalDate.of(2028, 9, 21), LocalDate.of(2028, 10, 5), LocalDate.of(2028, 10, 12)};

        for (LocalDate date : closed) {
            BusinessDay day = calendar.day(date);
            assertThat(day.isOpen()).as("open on " + date).isFalse();
            assertThat(day.kind()).as("kind of " + date).isEqualTo(BusinessDay.Kind.HOLIDAY);
        }
    }

    @Test
    void holidayEveIsShortDay() {
        // Wednesday 1 April 2026 is the eve of Pesach.
        BusinessDay eve = calendar.day(LocalDate.of(2026, 4, 1));

        assertThat(eve.kind()).isEqualTo(BusinessDay.Kind.HOLIDAY_EVE);
        assertThat(eve.holiday()).isEqualTo(IsraeliHoliday.PESACH);
        assertThat(eve.hours()).contains(new OpeningHours(LocalTime.of(9, 0), LocalTime.of(13, 0)));
    }

    @Test
    void cholHamoedAndMemorialDayAreRegularDays() {
        assertThat(calendar.day(LocalDate.of(2025, 10, 9)).kind()).isEqualTo(BusinessDay.Kind.REGULAR);
        assertThat(calendar.hoursOn(LocalDate.of(2025, 10, 9))).contains(new OpeningHours(LocalTime.of(9, 0), LocalTime.of(19, 0)));
        assertThat(calendar.day(LocalDate.of(2026, 4, 21)).kind()).isEqualTo(BusinessDay.Kind.REGULAR);
    }

    @Test
    void marchClockChangeKeepsLocalDeadline() {
        // Thursday 26 March 2026, 18:50 winter time; clocks move forward on Friday at 02:00.
        Instant arrival = Instant.parse("2026-03-26T16:50:00Z");

        Instant deadline = calendar.addBusinessMinutes(arrival, 30);

        // Friday 27 March, 09:20 summer time.
        assertThat(deadline).isEqualTo(Instant.parse("2026-03-27T06:20:00Z"));
        assertThat(calendar.businessMinutesBetween(arrival, deadline)).isEqualTo(30);
    }

    @Test
    void octoberClockChangeKeepsLocalDeadline() {
        // Friday 23 October 2026, 12:50 summer time; clocks move back on Sunday at 02:00.
        Instant arrival = Instant.parse("2026-10-23T09:50:00Z");

        Instant deadline = calendar.addBusinessMinutes(arrival, 30);

        // Sunday 25 October, 09:20 winter time.
        assertThat(deadline).isEqualTo(Instant.parse("2026-10-25T07:20:00Z"));
        assertThat(calendar.businessMinutesBetween(arrival, deadline)).isEqualTo(30);
        assertThat(calendar.subtractBusinessMinutes(deadline, 30)).isEqualTo(arrival);
    }

    @Test
    void isOpenFollowsHours() {
        assertThat(calendar.isOpen(Instant.parse("2026-12-08T07:00:00Z"))).as("Tuesday 09:00").isTrue();
        assertThat(calendar.isOpen(Instant.parse("2026-12-08T17:00:00Z"))).as("Tuesday 19:00").isFalse();
        assertThat(calendar.isOpen(Instant.parse("2026-12-11T10:59:00Z"))).as("Friday 12:59").isTrue();
        assertThat(calendar.isOpen(Instant.parse("2026-12-11T11:00:00Z"))).as("Friday 13:00").isFalse();
        assertThat(calendar.isOpen(Instant.parse("2026-12-12T09:00:00Z"))).as("Saturday 11:00").isFalse();
        assertThat(calendar.isOpen(Instant.parse("2025-10-02T08:00:00Z"))).as("Yom Kippur 11:00").isFalse();
    }

    @Test
    void nextOpeningSkipsWeekendAndHolidays() {
        // Friday 11 December 2026, 13:00 → Sunday 09:00.
        assertThat(calendar.nextOpening(Instant.parse("2026-12-11T11:00:00Z"))).isEqualTo(Instant.parse("2026-12-13T07:00:00Z"));
        // Wednesday 1 October 2025, 13:00, before Yom Kippur → Friday 3 October 09:00.
        assertThat(calendar.nextOpening(Instant.parse("2025-10-01T10:00:00Z"))).isEqualTo(Instant.parse("2025-10-03T06:00:00Z"));
    }

    @Test
    void subtractingCrossesTheWeekend() {
        // Sunday 13 December 2026, 09:10, minus 15 business minutes → Friday 12:55.
        assertThat(calendar.subtractBusinessMinutes(Instant.parse("2026-12-13T07:10:00Z"), 15))
                .isEqualTo(Instant.parse("2026-12-11T10:55:00Z"));
        // From Saturday the latest business time is the end of Friday.
        assertThat(calendar.subtractBusinessMinutes(Instant.parse("2026-12-12T09:00:00Z"), 15))
                .isEqualTo(Instant.parse("2026-12-11T10:45:00Z"));
    }
}
