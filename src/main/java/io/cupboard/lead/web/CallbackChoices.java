package io.cupboard.lead.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.cupboard.calendar.BusinessCalendar;

/**
 * Ready-made callback times, so booking a common callback is two clicks: in an hour, at the next
 * opening, or on the next working day at 10:00. Only times inside business hours are offered.
 */
final class CallbackChoices {

    static final LocalTime MORNING = LocalTime.of(10, 0);

    private CallbackChoices() {
    }

    /** A proposed time with the message key and argument that label it. */
    record Choice(Instant at, String labelKey, String labelArgument) {
    }

    static List<Choice> from(Instant now, BusinessCalendar calendar) {
        List<Choice> choices = new ArrayList<>();
        Instant inOneHour = roundUpToQuarter(now.plus(Duration.ofHours(1)), calendar);
        if (calendar.isOpen(inOneHour)) {
            choices.add(new Choice(inOneHour, "outcome.callback.inOneHour", null));
        }
        Instant nextOpening = calendar.nextOpening(now);
        choices.add(new Choice(nextOpening, "outcome.callback.nextOpening", null));
        ZonedDateTime nextDay = nextOpening.atZone(calendar.zone()).with(MORNING);
        if (calendar.isOpen(nextDay.toInstant()) && nextDay.toInstant().isAfter(nextOpening)) {
            choices.add(new Choice(nextDay.toInstant(), "outcome.callback.tomorrowAt", "10:00"));
        }
        return choices;
    }

    private static Instant roundUpToQuarter(Instant instant, BusinessCalendar calendar) {
        ZonedDateTime local = instant.atZone(calendar.zone()).truncatedTo(ChronoUnit.MINUTES);
        int extra = (15 - local.getMinute() % 15) % 15;
        return local.plusMinutes(extra).toInstant();
    }
}
