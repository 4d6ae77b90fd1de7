package io.cupboard.sla;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Timing of the SLA sweep.
 *
 * @param interval             the pause between the end of one sweep and the start of the next
 * @param callbackOverdueAfter business time after its due time at which a callback still open is
 *                             taken from its agent and offered to the team pool
 * @param breachLookback       how far back the sweep looks for first-contact deadlines to mark;
 *                             older unmarked deadlines stay unmarked, which keeps the query on
 *                             recent rows
 */
@Validated
@ConfigurationProperties("cupboard.sla")
public record SlaProperties(
        @NotNull @DefaultValue("1m") Duration interval,
        @NotNull @DefaultValue("30m") Duration callbackOverdueAfter,
        @NotNull @DefaultValue("7d") Duration breachLookback) {
}
