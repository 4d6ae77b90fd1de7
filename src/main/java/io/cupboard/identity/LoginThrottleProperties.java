package io.cupboard.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on failed logins.
 *
 * @param maxFailuresPerUser    failures for one user name within the window that lock it
 * @param maxFailuresPerAddress failures from one client address within the window that lock it
 * @param window                how long failures are counted together
 * @param lockDuration          how long a locked user name or address stays locked
 */
@ConfigurationProperties("cupboard.security.login")
record LoginThrottleProperties(
        @DefaultValue("5") int maxFailuresPerUser,
        @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration window,
        @DefaultValue("15m") Duration lockDuration) {
}
