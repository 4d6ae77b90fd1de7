package io.cupboard.calendar;

import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The default working week of an Israeli center: Sunday to Thursday full days, Friday short,
 * Saturday closed. A day whose opening or closing time is empty is closed.
 *
 * @param fullDayOpens  when Sunday to Thursday open
 * @param fullDayCloses when Sunday to Thursday close
 * @param shortDayOpens when Friday and holiday eves open
 * @param shortDayCloses when Friday and holiday eves close
 */
@ConfigurationProperties("cupboard.calendar")
public record WeeklyHoursProperties(
        @DefaultValue("09:00") LocalTime fullDayOpens,
        @DefaultValue("19:00") LocalTime fullDayCloses,
        @DefaultValue("09:00") LocalTime shortDayOpens,
        @DefaultValue("13:00") LocalTime shortDayCloses) {

    public OpeningHours fullDay() {
        return new OpeningHours(fullDayOpens, fullDayCloses);
    }

    public OpeningHours shortDay() {
        return new OpeningHours(shortDayOpens, shortDayCloses);
    }
}
