package io.cupboard.lead;

import java.time.Instant;

/**
 * A call outcome was logged on a lead and its next task created (or the lead closed).
 *
 * @param ownerId the lead's owner after the outcome, or null when it moved to a team pool
 */
public record OutcomeRecorded(long leadId, CallOutcome outcome, Long actorId, Long ownerId, Long teamId,
                              boolean closed, Instant at) {
}
