package io.cupboard.allocation;

import java.time.Instant;

/**
 * Allocation gave a lead an agent, or put it in a team pool because no agent could take it.
 *
 * @param ownerId the agent, or null when the lead waits in the team's pool
 * @param ruleId  the rule that decided, or null when the lead was already in the team and no rule matched
 */
public record LeadAllocated(long leadId, Long ownerId, long teamId, Long ruleId, Instant at) {
}
