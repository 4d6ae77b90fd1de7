package io.cupboard.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.cupboard.calendar.IsraeliHolidays.HolidayDate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The closed holidays and eves against published Israeli dates. The 2025–2027 dates are those that
 * the Python holidays package 0.105 lists for Israel.
 *
 * NOTE: the 2028 dates follow the same rules (Yom HaAtzmaut on Monday 5 Iyar moves to Tuesday) but
 * were not compared with a second source.
 */
class IsraeliHolidaysTest {

    private final IsraeliHolidays holidays = new IsraeliHolidays();

    @Test
    void closedDaysMatchPublishedDates() {
        Map<LocalDate, IsraeliHoliday> expected = Map.ofEntries(
                Map.entry(LocalDate.of(2025, 4, 13), IsraeliHoliday.PESACH),
                Map.entry(LocalDate.of(2025, 4, 19), IsraeliHoliday.PESACH_SEVENTH_DAY),
                Map.entry(LocalDate.of(2025, 5, 1), IsraeliHoliday.INDEPENDENCE_DAY),
                Map.entry(LocalDate.of(2025, 6, 2), IsraeliHoliday.SHAVUOT),
                Map.entry(LocalDate.of(2025, 9, 23), IsraeliHoliday.ROSH_HASHANAH),
                Map.entry(LocalDate.of(2025, 9, 24), IsraeliHoliday.ROSH_HASHANAH),
                Map.entry(LocalDate.of(2025, 10, 2), IsraeliHoliday.YOM_KIPPUR),
                Map.entry(LocalDate.of(2025, 10, 7), IsraeliHoliday.SUKKOT),
                Map.entry(LocalDate.of(2025, 10, 14), IsraeliHoliday.SIMCHAT_TORAH),
                Map.entry(LocalDate.of(2026, 4, 2), IsraeliHoliday.PESACH),
                Map.entry(LocalDate.of(2026, 4, 8), IsraeliHoliday.PESACH_SEVENTH_DAY),
                Map.entry(LocalDate.of(2026, 4, 22), IsraeliHoliday.INDEPENDENCE_DAY),
                Map.entry(LocalDate.of(2026, 5, 22), IsraeliHoliday.SHAVUOT),
                Map.entry(LocalDate.of(2026, 9, 12), IsraeliHoliday.ROSH_HASHANAH),
                Map.entry(LocalDate.of(2026, 9, 13), IsraeliHoliday.ROSH_HASHANAH),
                Map.entry(LocalDate.of(2026, 9, 21), IsraeliHoliday.YOM_KIPPUR),
                Map.entry(LocalDate.of(2026, 9, 26), IsraeliHoliday.SUKKOT),
                Map.entry(LocalDate.of(2026, 10, 3), IsraeliHoliday.SIMCHAT_TORAH),
                Map.entry(LocalDate.of(2027, 4, 22), IsraeliHoliday.PESACH),
                Map.entry(LocalDate.of(2027, 4, 28), IsraeliHoliday.PESACH_SEVENTH_DAY),
                Map.entry(LocalDate.of(2027, 5, 12), IsraeliHoliday.INDEPENDENCE_DAY),
                Map.entry(LocalDate.of(2027, 6, 11), IsraeliHoliday.SHAVUOT),
                Map.entry(LocalDate.of(2027, 10, 2), IsraeliHoliday.ROSH_HASHANAH),
                Map.entry(LocalDate.of(2027, 10, 3), IsraeliHoliday.ROSH_HASHANAH),
                Map.entry(LocalDate.of(2027, 10, 11), IsraeliHoliday.YOM_KIPPUR),
                Map.entry(LocalDate.of(2027, 10, 16), IsraeliHoliday.SUKKOT),
                Map.entry(LocalDate.of(2027, 10, 23), IsraeliHoliday.SIMCHAT_TORAH),
                Map.entry(LocalDate.of(2028, 4, 11), IsraeliHoliday.PESACH),
                Map.entry(LocalDate.of(2028, 4, 17), IsraeliHoliday.PESACH_SEVENTH_DAY),
                Map.entry(LocalDate.of(2028, 5, 2), IsraeliHoliday.INDEPENDENCE_DAY),
                Map.entry(LocalDate.of(2028, 5, 31), IsraeliHoliday.SHAVUOT),
                Map.entry(LocalDate.of(2028, 9, 21), IsraeliHoliday.ROSH_HASHANAH),
                Map.entry(LocalDate.of(2028, 9, 22), IsraeliHoliday.ROSH_HASHANAH),
                Map.entry(LocalDate.of(2028, 9, 30), IsraeliHoliday.YOM_KIPPUR),
                Map.entry(LocalDate.of(2028, 10, 5), IsraeliHoliday.SUKKOT),
                Map.entry(LocalDate.of(2028, 10, 12), IsraeliHoliday.SIMCHAT_TORAH));

        Map<LocalDate, IsraeliHoliday> computed = holidays.inYears(2025, 2028).stream()
                .filter(date -> !date.eve())
                .collect(Collectors.toMap(HolidayDate::date, HolidayDate::holiday));

        assertThat(computed).isEqualTo(expected);
    }

    @Test
    void evesMatchPublishedDates() {
        List<LocalDate> eves2025 = holidays.inYear(2025).stream().filter(HolidayDate::eve).map(HolidayDate::date).toList();

        // Erev Pesach, erev 7th day, erev Shavuot, erev Rosh Hashanah, erev Yom Kippur, erev Sukkot
        // and Hoshana Rabba. Yom HaZikaron (30 April) is not an eve of a closed day off here.
        assertThat(eves2025).containsExactly(
                LocalDate.of(2025, 4, 12), LocalDate.of(2025, 4, 18), LocalDate.of(2025, 6, 1),
                LocalDate.of(2025, 9, 22), LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 6),
                LocalDate.of(2025, 10, 13));
        assertThat(holidays.eveOn(LocalDate.of(2025, 10, 1))).contains(IsraeliHoliday.YOM_KIPPUR);
        assertThat(holidays.eveOn(LocalDate.of(2025, 10, 13))).contains(IsraeliHoliday.SIMCHAT_TORAH);
        assertThat(holidays.eveOn(LocalDate.of(2025, 4, 30))).isEmpty();
    }

    @Test
    void hebrewCalendarInvariantsHoldForDecades() {
        for (int year = 2020; year <= 2070; year++) {
            List<HolidayDate> closed = holidays.inYear(year).stream().filter(date -> !date.eve()).toList();

            assertThat(closed).as("closed days in " + year).hasSize(9);
            assertThat(first(closed, IsraeliHoliday.ROSH_HASHANAH).getDayOfWeek()).as("Rosh Hashanah " + year)
                    .isNotIn(DayOfWeek.SUNDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
            assertThat(first(closed, IsraeliHoliday.YOM_KIPPUR).getDayOfWeek()).as("Yom Kippur " + year)
                    .isNotIn(DayOfWeek.FRIDAY, DayOfWeek.SUNDAY);
            assertThat(first(closed, IsraeliHoliday.PESACH).getDayOfWeek()).as("Pesach " + year)
                    .isNotIn(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
            assertThat(first(closed, IsraeliHoliday.INDEPENDENCE_DAY).getDayOfWeek()).as("Independence Day " + year)
                    .isNotIn(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.MONDAY);
        }
    }

    private static LocalDate first(List<HolidayDate> dates, IsraeliHoliday holiday) {
        return dates.stream().filter(date -> date.holiday() == holiday).map(HolidayDate::date).findFirst().orElseThrow();
    }
}
