package io.cupboard.policy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cupboard.lead.AttemptsEnd;
import io.cupboard.lead.ContactPolicy;
import io.cupboard.lead.LeadType;
import io.cupboard.lead.RetryStep;

/**
 * A contact policy as stored, with the ids the admin pages edit.
 *
 * @param source the lead source it applies to, or null for every source of its lead type
 */
public record StoredPolicy(
        long id,
        int version,
        LeadType leadType,
        String source,
        int firstContactMinutes,
        List<RetryStep> retrySchedule,
        int maxAttempts,
        AttemptsEnd attemptsEnd,
        int maxWaves,
        Long secondWaveTeamId,
        long unreachableReasonId,
        String unreachableReasonCode,
        List<FollowUpCadence> followUps,
        Instant updatedAt) {

    public StoredPolicy {
        retrySchedule = List.copyOf(retrySchedule);
        followUps = List.copyOf(followUps);
    }

    /** Returns whether this is the lead type's policy for every source, which cannot be deleted. */
    public boolean isBasePolicy() {
        return source == null;
    }

    public ContactPolicy toContactPolicy() {
        Map<String, List<Integer>> cadences = new LinkedHashMap<>();
        followUps.forEach(cadence -> cadences.put(cadence.statusCode(), cadence.delayMinutes()));
        return new ContactPolicy(firstContactMinutes, retrySchedule, maxAttempts, attemptsEnd, maxWaves, secondWaveTeamId,
                unreachableReasonCode, cadences);
    }

    /** The business minutes before the first, second, … follow-up in one status. */
    public record FollowUpCadence(long statusId, String statusCode, List<Integer> delayMinutes) {

        public FollowUpCadence {
            delayMinutes = List.copyOf(delayMinutes);
        }
    }
}
