package io.cupboard.policy;

import java.util.List;
import java.util.Map;

import io.cupboard.lead.AttemptsEnd;
import io.cupboard.lead.LeadType;
import io.cupboard.lead.RetryStep;

/**
 * A policy definition that passed validation, ready to store.
 *
 * @param followUps delays per status id, in the order the admin entered the statuses
 */
record ValidPolicy(LeadType leadType, String source, int firstContactMinutes, List<RetryStep> retrySchedule, int maxAttempts,
                   AttemptsEnd attemptsEnd, int maxWaves, Long secondWaveTeamId, long unreachableReasonId,
                   Map<Long, List<Integer>> followUps) {
}
