package io.cupboard.alert;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When alerts are raised and how often browsers request them.
 *
 * @param interval             the pause between the end of one alert sweep and the start of the next
 * @param pollInterval         how often an open page requests the alert count
 * @param callbackDueWithin    how long before a callback's time its agent is alerted
 * @param taskOverdueAfter     business time after its due time at which an open task alerts its agent
 * @param escalateOverdueAfter business time after its due time at which an open task alerts the team lead
 * @param lookback             how old a task's due time, assignment or breach may be and still raise
 *                             an alert; older work belongs to the day close, not to live alerts
 */
@Validated
@ConfigurationProperties("cupboard.alerts")
public record AlertProperties(
        @NotNull @DefaultValue("30s") Duration interval,
        @NotNull @DefaultValue("20s") Duration pollInterval,
        @NotNull @DefaultValue("5m") Duration callbackDueWithin,
        @NotNull @DefaultValue("15m") Duration taskOverdueAfter,
        @NotNull @DefaultValue("60m") Duration escalateOverdueAfter,
        @NotNull @DefaultValue("24h") Duration lookback) {
}
