package io.cupboard.lead;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How and when a lead is contacted. Every duration is in business minutes of the center's calendar.
 *
 * @param firstContactMinutes   the first-contact SLA of a new lead
 * @param retryDelayMinutes     the wait after the first, second, … unanswered attempt; the last
 *                              entry repeats when attempts outnumber the entries
 * @param maxAttempts           unanswered attempts before the end applies
 * @param attemptsEnd           what happens after the last attempt
 * @param maxWaves              how many agents in turn work the lead before it closes as unreachable
 * @param unreachableReasonCode the disqualification reason of a lead closed as unreachable
 * @param followUpMinutes       the follow-up cadence per status code: the wait before the first,
 *                              second, … follow-up, the last entry repeating; a status without an
 *                              entry uses its own default delay
 */
public record ContactPolicy(
        int firstContactMinutes,
        List<Integer> retryDelayMinutes,
        int maxAttempts,
        AttemptsEnd attemptsEnd,
        int maxWaves,
        String unreachableReasonCode,
        Map<String, List<Integer>> followUpMinutes) {

    public ContactPolicy {
        Objects.requireNonNull(attemptsEnd, "attemptsEnd");
        Objects.requireNonNull(unreachableReasonCode, "unreachableReasonCode");
        retryDelayMinutes = List.copyOf(retryDelayMinutes);
        followUpMinutes = Map.copyOf(followUpMinutes);
        if (firstContactMinutes < 0) {
            throw new IllegalArgumentException("The first-contact deadline must not be negative, was " + firstContactMinutes);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("A policy needs at least one attempt, had " + maxAttempts);
        }
        if (retryDelayMinutes.isEmpty() || retryDelayMinutes.stream().anyMatch(minutes -> minutes < 0)) {
            throw new IllegalArgumentException("Retry delays must be given and not negative, were " + retryDelayMinutes);
        }
        if (maxWaves < 1) {
            throw new IllegalArgumentException("A policy needs at least one wave, had " + maxWaves);
        }
        followUpMinutes.forEach((status, cadence) -> {
            if (cadence.isEmpty() || cadence.stream().anyMatch(minutes -> minutes < 0)) {
                throw new IllegalArgumentException("The follow-up cadence of " + status + " must be given and not negative");
            }
        });
    }

    /** Returns the business minutes to wait after the given unanswered attempt (1 for the first). */
    public int retryDelayAfter(int attempt) {
        return retryDelayMinutes.get(Math.min(Math.max(attempt, 1), retryDelayMinutes.size()) - 1);
    }

    /**
     * Returns the business minutes until the given follow-up (1 for the first) of a status, or the
     * status's own default delay when the policy has no cadence for it.
     */
    public int followUpDelay(LeadStatus status, int followUp) {
        List<Integer> cadence = followUpMinutes.get(status.getCode());
        if (cadence == null) {
            return status.getDefaultDelayMinutes();
        }
        return cadence.get(Math.min(Math.max(followUp, 1), cadence.size()) - 1);
    }
}
