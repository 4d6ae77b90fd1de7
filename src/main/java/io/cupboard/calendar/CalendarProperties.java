package io.cupboard.calendar;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the business calendar. The hours themselves are edited by the admin and stored in
 * the database.
 *
 * @param refreshInterval how long an instance keeps the calendar it read from the database before
 *                        reading it again. An admin change takes effect at once on the instance
 *                        that saved it, and within this time on the others
 */
@ConfigurationProperties("cupboard.calendar")
public record CalendarProperties(@DefaultValue("1m") Duration refreshInterval) {
}
