package io.cupboard.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The admin's changes to the business calendar: weekly hours, holiday-eve hours and dated
 * overrides. Every change is validated, and the calendar of this instance reads the new settings
 * as soon as the change is committed.
 */
@Service
@Transactional
public class CalendarSettings {

    static final int MAX_NOTE = 200;

    private static final Logger log = LoggerFactory.getLogger(CalendarSettings.class);

    private final CalendarStore store;
    private final IsraeliBusinessCalendar calendar;
    private final Clock clock;

    CalendarSettings(CalendarStore store, IsraeliBusinessCalendar calendar, Clock clock) {
        this.store = store;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public WeeklyHours weeklyHours() {
        return store.weeklyHours();
    }

    /** Returns the overrides from today on, by date. */
    @Transactional(readOnly = true)
    public List<CalendarOverride> upcomingOverrides() {
        LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
        return store.overrides().stream().filter(override -> !override.date().isBefore(today)).toList();
    }

    /**
     * Replaces the weekly hours and the holiday-eve hours.
     *
     * @param days    one entry per weekday; a weekday with neither time is closed. Errors name the
     *                field {@code days[i].opens} or {@code days[i].closes}, with i the entry's index
     * @param version the version the admin loaded
     * @throws CalendarRuleException when a day has one time only, closes before it opens, the week
     *                               has no open day, or another admin saved meanwhile
     */
    public void changeWeeklyHours(List<DayHours> days, LocalTime eveOpens, LocalTime eveCloses, int version) {
        Map<DayOfWeek, OpeningHours> open = new EnumMap<>(DayOfWeek.class);
        for (int i = 0; i < days.size(); i++) {
            DayHours day = days.get(i);
            if (day.opens() == null && day.closes() == null) {
                continue;
            }
            open.put(day.day(), hours(day.opens(), day.closes(), "days[" + i + "]."));
        }
        if (open.isEmpty()) {
            throw new CalendarRuleException(null, "calendar.error.noOpenDay", "A week needs at least one open day");
        }
        OpeningHours eve = hours(eveOpens, eveCloses, "eve");
        if (!store.saveWeeklyHours(new WeeklyHours(open, eve, version))) {
            throw new CalendarRuleException(null, "calendar.error.conflict", "The weekly hours changed meanwhile");
        }
        log.info("Changed the weekly hours to {} and holiday eves to {}", open, eve);
        refreshAfterCommit();
    }

    /**
     * Adds an extra closed day or a day with special hours.
     *
     * @throws CalendarRuleException when the date is missing, past or already has an override, or
     *                               the special hours are incomplete or close before they open
     */
    public CalendarOverride addOverride(LocalDate date, CalendarOverride.Kind kind, LocalTime opens, LocalTime closes,
                                        String note, Long actorId) {
        if (date == null) {
            throw new CalendarRuleException("date", "calendar.error.dateRequired", "A date is required");
        }
        LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
        if (date.isBefore(today)) {
            throw new CalendarRuleException("date", "calendar.error.datePassed", "Date " + date + " has passed");
        }
        if (kind == null) {
            throw new CalendarRuleException("kind", "calendar.error.kindRequired", "An override kind is required");
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
            throw new CalendarRuleException("note", "calendar.error.noteTooLong", "The note is longer than " + MAX_NOTE, MAX_NOTE);
        }
        if (store.overrideExists(date)) {
            throw new CalendarRuleException("date", "calendar.error.duplicateDate", "Date " + date + " already has an override");
        }
        OpeningHours hours = kind == CalendarOverride.Kind.SPECIAL_HOURS ? hours(opens, closes, "") : null;
        CalendarOverride override = new CalendarOverride(null, date, kind, hours, cleanNote);
        long id = store.insertOverride(override, actorId, clock.instant());
        log.info("Added calendar override {} on {}: {} {}", id, date, kind, hours == null ? "" : hours);
        refreshAfterCommit();
        return new CalendarOverride(id, date, kind, hours, cleanNote);
    }

    public void removeOverride(long id) {
        if (!store.deleteOverride(id)) {
            throw new CalendarRuleException(null, "calendar.error.notFound", "Override " + id + " not found");
        }
        log.info("Removed calendar override {}", id);
        refreshAfterCommit();
    }

    private static OpeningHours hours(LocalTime opens, LocalTime closes, String fieldPrefix) {
        if (opens == null) {
            throw new CalendarRuleException(fieldName(fieldPrefix, "opens"), "calendar.error.timeRequired", "An opening time is required");
        }
        if (closes == null) {
            throw new CalendarRuleException(fieldName(fieldPrefix, "closes"), "calendar.error.timeRequired", "A closing time is required");
        }
        if (!opens.isBefore(closes)) {
            throw new CalendarRuleException(fieldName(fieldPrefix, "closes"), "calendar.error.closesBeforeOpens",
                    "Closing time " + closes + " is not after opening time " + opens);
        }
        return new OpeningHours(opens, closes);
    }

    /** Joins a prefix and a field: {@code days[2].} and {@code opens}, or {@code eve} and {@code opens} as {@code eveOpens}. */
    private static String fieldName(String prefix, String field) {
        if (prefix.isEmpty() || prefix.endsWith(".")) {
            return prefix + field;
        }
        return prefix + Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }

    private void refreshAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    calendar.refresh();
                }
            });
        } else {
            calendar.refresh();
        }
    }

    /** The hours of one weekday as the admin entered them; both times empty means closed. */
    public record DayHours(DayOfWeek day, LocalTime opens, LocalTime closes) {
    }
}
