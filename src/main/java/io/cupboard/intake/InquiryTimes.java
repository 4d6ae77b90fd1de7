package io.cupboard.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Optional;

/**
 * Parses the time a lead inquired as exports write it. A time with an offset ({@code +02:00},
 * {@code +0200} as Meta's API writes it, or {@code Z}) is read with that offset. A time without one
 * is wall time in the center's zone, and dates are day first ({@code 26/03/2026 14:05}), as in Israel.
 */
final class InquiryTimes {

    private static final DateTimeFormatter ISO_WITH_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendOffset("+HH:MM:ss", "Z")
            .toFormatter();
    private static final DateTimeFormatter ISO_WITH_COMPACT_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .appendOffset("+HHMM", "Z")
            .toFormatter();
    private static final DateTimeFormatter ISO_LOCAL = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter();
    private static final DateTimeFormatter DAY_FIRST = new DateTimeFormatterBuilder()
            .appendPattern("d/M/")
            .appendValueReduced(ChronoField.YEAR, 2, 4, 2000)
            .optionalStart().appendLiteral(' ').appendPattern("H:mm").optionalStart().appendPattern(":ss").optionalEnd().optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DAY_FIRST_DOTS = new DateTimeFormatterBuilder()
            .appendPattern("d.M.")
            .appendValueReduced(ChronoField.YEAR, 2, 4, 2000)
            .optionalStart().appendLiteral(' ').appendPattern("H:mm").optionalStart().appendPattern(":ss").optionalEnd().optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private InquiryTimes() {
    }

    /** Returns the instant, or empty when the text matches none of the formats above. */
    static Optional<Instant> parse(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        for (DateTimeFormatter withOffset : List.of(ISO_WITH_OFFSET, ISO_WITH_COMPACT_OFFSET)) {
            try {
                return Optional.of(OffsetDateTime.parse(value, withOffset).toInstant());
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        try {
            return Optional.of(LocalDateTime.parse(value, ISO_LOCAL).atZone(zone).toInstant());
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return Optional.of(LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(zone).toInstant());
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        for (DateTimeFormatter dayFirst : List.of(DAY_FIRST, DAY_FIRST_DOTS)) {
            try {
                var parsed = dayFirst.parse(value);
                LocalDate date = LocalDate.from(parsed);
                LocalDateTime time = parsed.isSupported(ChronoField.HOUR_OF_DAY)
                        ? date.atTime(parsed.get(ChronoField.HOUR_OF_DAY), parsed.get(ChronoField.MINUTE_OF_HOUR),
                        parsed.isSupported(ChronoField.SECOND_OF_MINUTE) ? parsed.get(ChronoField.SECOND_OF_MINUTE) : 0)
                        : date.atStartOfDay();
                return Optional.of(time.atZone(zone).toInstant());
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        return Optional.empty();
    }
}
