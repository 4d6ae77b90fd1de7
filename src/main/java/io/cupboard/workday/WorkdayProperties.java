package io.cupboard.workday;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of day closing.
 *
 * @param carryInterval how often the carry-forward job looks for unclosed days (it handles the
 *                      last working day before today, so a run after midnight closes yesterday)
 * @param carrySpacing  the gap between tasks the job spreads over the next morning
 */
@ConfigurationProperties("cupboard.workday")
record WorkdayProperties(
        @DefaultValue("1h") Duration carryInterval,
        @DefaultValue("6m") Duration carrySpacing) {
}
