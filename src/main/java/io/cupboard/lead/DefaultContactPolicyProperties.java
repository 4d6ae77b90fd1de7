package io.cupboard.lead;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The contact policy used for every lead until the admin configures others. Minutes are business
 * minutes. The default retries come 30 minutes, 2 hours, the next business day an hour and a half
 * later in the day, and 2 business days after the previous attempt: calls spread over different
 * times of day reach more people than calls at the same hour.
 */
@ConfigurationProperties("cupboard.contact-policy")
record DefaultContactPolicyProperties(
        @DefaultValue("5") int firstContactMinutes,
        @DefaultValue({"30", "120", "690", "1200"}) List<Integer> retryDelayMinutes,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("SECOND_WAVE") AttemptsEnd attemptsEnd,
        @DefaultValue("2") int maxWaves,
        @DefaultValue("NO_CONTACT") String unreachableReasonCode,
        Map<String, List<Integer>> followUpMinutes) {

    ContactPolicy toPolicy() {
        return new ContactPolicy(firstContactMinutes, retryDelayMinutes, maxAttempts, attemptsEnd, maxWaves,
                unreachableReasonCode, followUpMinutes == null ? Map.of() : followUpMinutes);
    }
}
