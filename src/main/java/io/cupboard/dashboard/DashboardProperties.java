package io.cupboard.dashboard;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Dashboard settings.
 *
 * @param callbackGrace how long after its time a callback may be handled before it counts as missed
 * @param refresh       how often the dashboards refresh themselves in the browser
 */
@ConfigurationProperties("cupboard.dashboard")
record DashboardProperties(
        @DefaultValue("30m") Duration callbackGrace,
        @DefaultValue("60s") Duration refresh) {
}
