package io.cupboard.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;

import io.cupboard.shared.TimeProperties;
import org.springframework.stereotype.Component;

/**
 * The working week with no holidays: Sunday to Thursday full days, Friday a short day, Saturday closed.
 */
// TODO: Israeli holidays, their eves and admin overrides are not applied yet; until they are,
// SLA deadlines run through Rosh Hashanah, Yom Kippur and the other closed days.
@Component
class WeeklyCalendar extends WorkingHoursCalendar {

    private final WeeklyHoursProperties hours;

    WeeklyCalendar(TimeProperties time, WeeklyHoursProperties hours) {
        super(time.zone());
        this.hours = hours;
    }

    @Override
    public Optional<OpeningHours> hoursOn(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY) {
            return Optional.empty();
        }
        return Optional.of(day == DayOfWeek.FRIDAY ? hours.shortDay() : hours.fullDay());
    }
}
