package io.cupboard.lead;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.cupboard.calendar.BusinessCalendar;

/**
 * How and when a lead is contacted. Every duration is in business time of the center's calendar.
 *
 * @param firstContactMinutes   the first-contact SLA of a new lead, in business minutes
 * @param retrySchedule         when the call after the first, second, … unanswered attempt is due;
 *                              the last step repeats when attempts outnumber the steps. Empty only
 *                              when the policy allows a single attempt
 * @param maxAttempts           unanswered attempts before the end applies
 * @param attemptsEnd           what happens after the last attempt
 * @param maxWaves              how many agents in turn work the lead before it closes as unreachable
 * @param secondWaveTeamId      the team whose pool receives a lead for its next wave, or null for
 *                              the lead's own team
 * @param unreachableReasonCode the disqualification reason of a lead closed as unreachable
 * @param followUpMinutes       the follow-up cadence per status code: the business minutes before
 *                              the first, second, … follow-up. The number of entries is how many
 *                              follow-ups the procedure plans; later ones repeat the last entry. A
 *                              status without an entry uses its own default delay
 */
public record ContactPolicy(
        int firstContactMinutes,
        List<RetryStep> retrySchedule,
        int maxAttempts,
        AttemptsEnd attemptsEnd,
        int maxWaves,
        Long secondWaveTeamId,
        String unreachableReasonCode,
        Map<String, List<Integer>> followUpMinutes) {

    public ContactPolicy {
        Objects.requireNonNull(attemptsEnd, "attemptsEnd");
        Objects.requireNonNull(unreachableReasonCode, "unreachableReasonCode");
        retrySchedule = List.copyOf(retrySchedule);
        followUpMinutes = Map.copyOf(followUpMinutes);
        if (firstContactMinutes < 0) {
            throw new IllegalArgumentException("The first-contact deadline must not be negative, was " + firstContactMinutes);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("A policy needs at least one attempt, had " + maxAttempts);
        }
        if (maxAttempts > 1 && retrySchedule.isEmpty()) {
            throw new IllegalArgumentException("A policy with " + maxAttempts + " attempts needs a retry schedule");
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

    /** Returns the step that follows the given unanswered attempt (1 for the first). */
    public RetryStep retryStepAfter(int attempt) {
        if (retrySchedule.isEmpty()) {
            throw new IllegalStateException("A single-attempt policy has no retries");
        }
        return retrySchedule.get(Math.min(Math.max(attempt, 1), retrySchedule.size()) - 1);
    }

    /**
     * Returns when the call after an unanswered attempt is due.
     *
     * @param attempt        the number of the unanswered attempt, 1 for the first
     * @param attemptAt      when it was made
     * @param firstAttemptAt when the lead's first call was made
     */
    public Instant retryDueAt(int attempt, Instant attemptAt, Instant firstAttemptAt, BusinessCalendar calendar) {
        return retryStepAfter(attempt).dueAfter(attemptAt, firstAttemptAt == null ? attemptAt : firstAttemptAt, calendar);
    }

    /**
     * Returns the business minutes until the given follow-up (1 for the first) of a status, or the
     * status's own default delay when the policy has no cadence for it.
     */
    public int followUpDelay(LeadStatus status, int followUp) {
        return followUpDelay(status.getCode(), status.getDefaultDelayMinutes(), followUp);
    }

    /** Returns the business minutes until a follow-up, or {@code defaultDelay} without a cadence for the status. */
    public int followUpDelay(String statusCode, int defaultDelay, int followUp) {
        List<Integer> cadence = followUpMinutes.get(statusCode);
        if (cadence == null) {
            return defaultDelay;
        }
        return cadence.get(Math.min(Math.max(followUp, 1), cadence.size()) - 1);
    }
}
