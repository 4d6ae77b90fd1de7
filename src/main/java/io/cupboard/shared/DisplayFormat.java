package io.cupboard.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Israeli display formats in the center's zone: dates as dd/MM/yyyy and 24-hour times. Templates
 * call it as {@code ${@displayFormat.dateTime(x)}}.
 */
@Component
public class DisplayFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final ZoneId zone;

    public DisplayFormat(TimeProperties properties) {
        this.zone = properties.zone();
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(zone));
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    public String time(LocalTime time) {
        return time == null ? "" : TIME.format(time);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    /** Formats a duration as hours and minutes, {@code 3:55}, rounding seconds down. */
    public String hoursMinutes(Duration duration) {
        if (duration == null) {
            return "";
        }
        long minutes = Math.max(0, duration.toMinutes());
        return "%d:%02d".formatted(minutes / 60, minutes % 60);
    }

    /** Returns message arguments with each instant shown as a date and time, for rule messages that propose a time. */
    public Object[] messageArguments(Object[] arguments) {
        Object[] shown = arguments.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof Instant instant) {
                shown[i] = dateTime(instant);
            }
        }
        return shown;
    }

    /** Returns the {@code datetime-local} input value of an instant in the center's zone. */
    public String inputValue(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(instant.atZone(zone).toLocalDateTime().withSecond(0).withNano(0));
    }
}
