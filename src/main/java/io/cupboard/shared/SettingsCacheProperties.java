package io.cupboard.shared;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long an instance keeps the admin's settings that every call outcome or CUP page reads: lead
 * statuses, outcome settings, contact policies and day templates.
 *
 * @param refreshInterval how long an instance keeps a setting it read from the database before
 *                        reading it again. An admin change takes effect at once on the instance
 *                        that saved it, and within this time on the others
 */
@ConfigurationProperties("cupboard.settings")
public record SettingsCacheProperties(@DefaultValue("1m") Duration refreshInterval) {
}
