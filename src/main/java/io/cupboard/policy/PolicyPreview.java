package io.cupboard.policy;

import java.time.Instant;
import java.util.List;

import io.cupboard.lead.AttemptsEnd;

/**
 * The times a policy produces for a lead that arrives at a sample time, assuming each call is made
 * the moment it falls due and goes unanswered.
 *
 * @param attempts      when each attempt is due, the first one at the first business moment after arrival
 * @param followUps     for each status with a cadence, when each planned follow-up falls due if the
 *                      lead entered that status on arrival
 */
public record PolicyPreview(
        Instant arrival,
        Instant firstContactDeadline,
        List<Instant> attempts,
        AttemptsEnd attemptsEnd,
        int maxWaves,
        Long secondWaveTeamId,
        long unreachableReasonId,
        List<FollowUps> followUps) {

    public PolicyPreview {
        attempts = List.copyOf(attempts);
        followUps = List.copyOf(followUps);
    }

    public record FollowUps(long statusId, List<Instant> dueTimes) {

        public FollowUps {
            dueTimes = List.copyOf(dueTimes);
        }
    }
}
