package io.cupboard.allocation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives a new or renewed lead an owner, or a team pool when no agent can take it. Called inside
 * the transaction that created the lead, so a lead never exists without its allocation.
 */
@Service
public class LeadAllocator {

    /**
     * Allocates one lead by the admin's rules.
     *
     * @return the outcome: the agent and team, or the pool it waits in
     */
    // TODO: allocation rules are not implemented yet: every lead stays unassigned with no team.
    @Transactional(propagation = Propagation.MANDATORY)
    public Allocation allocate(long leadId) {
        return new Allocation(leadId, null, null, null);
    }

    /**
     * What allocation decided for a lead.
     *
     * @param ownerId the agent, or null when the lead waits in a pool or nobody could take it
     * @param teamId  the team, or null when no rule matched
     * @param ruleId  the rule that decided, or null for the default
     */
    public record Allocation(long leadId, Long ownerId, Long teamId, Long ruleId) {
    }
}
