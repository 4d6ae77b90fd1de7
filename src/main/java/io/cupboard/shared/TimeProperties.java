package io.cupboard.shared;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Time settings of the center.
 *
 * @param zone the center's time zone: working hours, "today" and every displayed time use it
 */
@ConfigurationProperties("cupboard.time")
public record TimeProperties(@DefaultValue("Asia/Jerusalem") ZoneId zone) {
}
