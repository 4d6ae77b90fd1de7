package io.cupboard.policy;

import java.util.List;

import io.cupboard.lead.AttemptsEnd;
import io.cupboard.lead.LeadType;
import io.cupboard.lead.RetryStep;

/**
 * A contact policy as the admin entered it, before validation; any value may be missing.
 * Validation errors name the fields as these components are named, with list positions such as
 * {@code retrySchedule[1].amount} and {@code followUps[0].delayMinutes}.
 *
 * @param source             the lead source, or blank for every source of the lead type
 * @param retrySchedule      the steps after the first, second, … unanswered attempt. A step with
 *                           neither kind nor amount is a blank form row, which is skipped
 * @param secondWaveTeamId   the team whose pool receives the next wave, or null for the lead's own team
 * @param followUps          cadences per follow-up status; a status with no delays has no cadence
 */
public record PolicyDefinition(
        LeadType leadType,
        String source,
        Integer firstContactMinutes,
        List<Step> retrySchedule,
        Integer maxAttempts,
        AttemptsEnd attemptsEnd,
        Integer maxWaves,
        Long secondWaveTeamId,
        Long unreachableReasonId,
        List<Cadence> followUps) {

    public PolicyDefinition {
        retrySchedule = retrySchedule == null ? List.of() : List.copyOf(retrySchedule);
        followUps = followUps == null ? List.of() : List.copyOf(followUps);
    }

    /** One retry step; both values may be missing. */
    public record Step(RetryStep.Kind kind, Integer amount) {
    }

    /** The follow-up delays of one status, in business minutes. */
    public record Cadence(Long statusId, List<Integer> delayMinutes) {

        public Cadence {
            delayMinutes = delayMinutes == null ? List.of() : List.copyOf(delayMinutes);
        }
    }
}
