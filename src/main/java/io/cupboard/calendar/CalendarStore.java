package io.cupboard.calendar;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes the calendar tables: {@code business_hours}, {@code calendar_setting} and
 * {@code calendar_override}.
 */
@Repository
class CalendarStore {

    private final JdbcClient jdbc;

    CalendarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    WeeklyHours weeklyHours() {
        Map<DayOfWeek, OpeningHours> days = new EnumMap<>(DayOfWeek.class);
        jdbc.sql("select day_of_week, opens, closes from business_hours where opens is not null")
                .query((row, number) -> Map.entry(DayOfWeek.of(row.getInt("day_of_week")),
                        new OpeningHours(row.getTime("opens").toLocalTime(), row.getTime("closes").toLocalTime())))
                .list()
                .forEach(entry -> days.put(entry.getKey(), entry.getValue()));
        return jdbc.sql("select holiday_eve_opens, holiday_eve_closes, version from calendar_setting where id = 1")
                .query((row, number) -> new WeeklyHours(days,
                        new OpeningHours(row.getTime(1).toLocalTime(), row.getTime(2).toLocalTime()), row.getInt(3)))
                .single();
    }

    /** Saves the week when the stored version is still {@code hours.version()}; returns whether it was. */
    boolean saveWeeklyHours(WeeklyHours hours) {
        int updated = jdbc.sql("""
                        update calendar_setting set holiday_eve_opens = :opens, holiday_eve_closes = :closes, version = version + 1
                        where id = 1 and version = :version
                        """)
                .param("opens", time(hours.holidayEve().opens()))
                .param("closes", time(hours.holidayEve().closes()))
                .param("version", hours.version())
                .update();
        if (updated == 0) {
            return false;
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            OpeningHours open = hours.days().get(day);
            jdbc.sql("update business_hours set opens = :opens, closes = :closes, version = version + 1 where day_of_week = :day")
                    .param("opens", open == null ? null : time(open.opens()))
                    .param("closes", open == null ? null : time(open.closes()))
                    .param("day", day.getValue())
                    .update();
        }
        return true;
    }

    List<CalendarOverride> overrides() {
        return jdbc.sql("select id, day, kind, opens, closes, note from calendar_override order by day")
                .query((row, number) -> {
                    CalendarOverride.Kind kind = CalendarOverride.Kind.valueOf(row.getString("kind"));
                    Time opens = row.getTime("opens");
                    OpeningHours hours = opens == null ? null : new OpeningHours(opens.toLocalTime(), row.getTime("closes").toLocalTime());
                    return new CalendarOverride(row.getLong("id"), row.getDate("day").toLocalDate(), kind, hours, row.getString("note"));
                })
                .list();
    }

    Map<LocalDate, CalendarOverride> overridesByDate() {
        return overrides().stream().collect(Collectors.toMap(CalendarOverride::date, Function.identity()));
    }

    boolean overrideExists(LocalDate date) {
        return jdbc.sql("select count(*) from calendar_override where day = ?").param(Date.valueOf(date)).query(Long.class).single() > 0;
    }

    long insertOverride(CalendarOverride override, Long actorId, Instant at) {
        return jdbc.sql("""
                        insert into calendar_override (day, kind, opens, closes, note, created_by, created_at)
                        values (:day, :kind, :opens, :closes, :note, :actorId, :at)
                        returning id
                        """)
                .param("day", Date.valueOf(override.date()))
                .param("kind", override.kind().name())
                .param("opens", override.hours() == null ? null : time(override.hours().opens()))
                .param("closes", override.hours() == null ? null : time(override.hours().closes()))
                .param("note", override.note())
                .param("actorId", actorId)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    boolean deleteOverride(long id) {
        return jdbc.sql("delete from calendar_override where id = ?").param(id).update() > 0;
    }

    private static Time time(LocalTime time) {
        return Time.valueOf(time);
    }
}
