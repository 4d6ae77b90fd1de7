package io.cupboard.lead.web;

import java.time.LocalDateTime;

import io.cupboard.lead.CallOutcome;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * An outcome as the card's forms post it. Times are wall-clock times in the center's zone.
 *
 * @param next whether the agent works in next-lead mode, so the next lead opens after this one
 */
record OutcomeForm(
        @NotNull CallOutcome outcome,
        @NotNull Integer version,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime callbackAt,
        Long reasonId,
        Long statusId,
        @Size(max = 4000) String note,
        Boolean next) {

    /** Whether next-lead mode is on; a form without the field is not in it. */
    boolean nextMode() {
        return Boolean.TRUE.equals(next);
    }
}
