package io.cupboard.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;

import io.cupboard.shared.TimeProperties;
import org.springframework.stereotype.Component;

/**
 * The center's calendar: the admin's weekly hours, closed Israeli holidays, their eves as short
 * days, and the admin's dated overrides, which win over everything else. The stored settings are
 * kept in memory and read again after {@code cupboard.calendar.refresh-interval}, or at once after
 * a change through {@link CalendarSettings} on this instance.
 */
@Component
class IsraeliBusinessCalendar extends WorkingHoursCalendar {

    private final CalendarStore store;
    private final IsraeliHolidays holidays;
    private final long refreshNanos;
    private volatile Loaded loaded;

    IsraeliBusinessCalendar(TimeProperties time, CalendarProperties properties, CalendarStore store, IsraeliHolidays holidays) {
        super(time.zone());
        this.store = store;
        this.holidays = holidays;
        this.refreshNanos = properties.refreshInterval().toNanos();
    }

    @Override
    public Optional<OpeningHours> hoursOn(LocalDate date) {
        return day(date).hours();
    }

    @Override
    public BusinessDay day(LocalDate date) {
        Settings settings = settings();
        CalendarOverride override = settings.overrides().get(date);
        if (override != null) {
            return override.kind() == CalendarOverride.Kind.CLOSED
                    ? BusinessDay.closed(date, BusinessDay.Kind.OVERRIDE_CLOSED, null)
                    : BusinessDay.open(date, override.hours(), BusinessDay.Kind.OVERRIDE_HOURS, null);
        }
        Optional<IsraeliHoliday> holiday = holidays.holidayOn(date);
        if (holiday.isPresent()) {
            return BusinessDay.closed(date, BusinessDay.Kind.HOLIDAY, holiday.get());
        }
        Optional<OpeningHours> weekday = settings.week().on(date.getDayOfWeek());
        if (weekday.isEmpty()) {
            return BusinessDay.closed(date, BusinessDay.Kind.WEEKLY_CLOSED, null);
        }
        Optional<IsraeliHoliday> eve = holidays.eveOn(date);
        if (eve.isPresent()) {
            // An eve keeps the overlap of its weekday's hours and the eve hours, so an eve that
            // falls on a Friday never opens longer than a Friday.
            return overlap(weekday.get(), settings.week().holidayEve())
                    .map(hours -> BusinessDay.open(date, hours, BusinessDay.Kind.HOLIDAY_EVE, eve.get()))
                    .orElseGet(() -> BusinessDay.closed(date, BusinessDay.Kind.HOLIDAY_EVE, eve.get()));
        }
        return BusinessDay.open(date, weekday.get(), BusinessDay.Kind.REGULAR, null);
    }

    /** Drops the settings kept in memory, so that the next call reads them again. */
    void refresh() {
        loaded = null;
    }

    private Settings settings() {
        Loaded current = loaded;
        if (current == null || System.nanoTime() - current.loadedAtNanos() > refreshNanos) {
            current = new Loaded(new Settings(store.weeklyHours(), store.overridesByDate()), System.nanoTime());
            loaded = current;
        }
        return current.settings();
    }

    private static Optional<OpeningHours> overlap(OpeningHours day, OpeningHours eve) {
        LocalTime opens = day.opens().isAfter(eve.opens()) ? day.opens() : eve.opens();
        LocalTime closes = day.closes().isBefore(eve.closes()) ? day.closes() : eve.closes();
        return opens.isBefore(closes) ? Optional.of(new OpeningHours(opens, closes)) : Optional.empty();
    }

    private record Settings(WeeklyHours week, Map<LocalDate, CalendarOverride> overrides) {
    }

    private record Loaded(Settings settings, long loadedAtNanos) {
    }
}
