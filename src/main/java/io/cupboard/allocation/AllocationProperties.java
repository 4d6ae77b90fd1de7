package io.cupboard.allocation;

import java.time.Duration;
import java.time.LocalTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Allocation settings.
 *
 * @param absenceCutoff  the local time by which an agent must have opened the day; later, an agent
 *                       who has not counts as absent today
 * @param untouchedAfter business time after an assignment (or after the open task fell due, when
 *                       that is later) without a call, after which a lead moves to its next wave
 * @param jobInterval    the pause between two runs of the second-wave job
 * @param batchSize      the maximum number of leads one run moves per transition, and allocates
 *                       from the pools; the next run continues with the rest
 */
@ConfigurationProperties("cupboard.allocation")
@Validated
public record AllocationProperties(
        @NotNull @DefaultValue("10:00") LocalTime absenceCutoff,
        @NotNull @DefaultValue("4h") Duration untouchedAfter,
        @NotNull @DefaultValue("1m") Duration jobInterval,
        @Min(1) @Max(100_000) @DefaultValue("500") int batchSize) {
}
