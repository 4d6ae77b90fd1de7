package io.cupboard.cup;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the CUP order.
 *
 * @param callbackWindowBefore how long before its time a callback counts as "now"
 * @param callbackWindowAfter  how long after its time a callback still counts as "now" before it is overdue
 * @param segmentLift          how many ranks the current segment lifts its focus class; larger than
 *                             any rank, so the focus class comes first within its section
 */
@ConfigurationProperties("cupboard.cup")
public record CupProperties(
        @DefaultValue("10m") Duration callbackWindowBefore,
        @DefaultValue("30m") Duration callbackWindowAfter,
        @DefaultValue("1000") int segmentLift) {
}
