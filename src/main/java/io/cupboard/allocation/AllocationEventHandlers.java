package io.cupboard.allocation;

import java.util.ArrayList;
import java.util.List;

import io.cupboard.identity.UserChanged;
import io.cupboard.lead.OutcomeRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Reactions of allocation to other modules: a closed lead frees room in its team, a lead whose
 * attempts ran out starts its next wave, and a user who stops working a team gives back their leads.
 */
@Component
class AllocationEventHandlers {

    private final PoolDrain drain;
    private final WaveHandover handover;
    private final TeamReassignments reassignments;

    AllocationEventHandlers(PoolDrain drain, WaveHandover handover, TeamReassignments reassignments) {
        this.drain = drain;
        this.handover = handover;
        this.reassignments = reassignments;
    }

    /**
     * Drains the team pool after an outcome that closed a lead, because a place in its owner's CUP
     * is free. A lead that the last unanswered attempt put in the pool moves on to its next agent or team.
     */
    @TransactionalEventListener
    void on(OutcomeRecorded event) {
        if (event.teamId() == null) {
            return;
        }
        // The outcome's transaction has committed: drain at once, each lead in a transaction of its own.
        if (event.closed()) {
            drain.drainNow(event.teamId());
        } else if (event.ownerId() == null) {
            Long poolTeam = handover.afterLastAttempt(event.leadId());
            if (poolTeam != null) {
                drain.drainNow(poolTeam);
            }
        }
    }

    /**
     * Returns the open leads of a user who was deactivated, stopped being an agent or changed team to
     * their pools, in the admin's transaction, so that no lead waits with a person who no longer
     * works it. After the commit, the pools that may have gained room or leads drain.
     */
    @EventListener
    void on(UserChanged event) {
        List<Long> teams = new ArrayList<>();
        if (event.leftTeamWork()) {
            teams.addAll(reassignments.returnToPools(event.userId(), event.activeAgent() ? "ownerLeftTeam" : "ownerDeactivated",
                    event.actorId()));
        }
        if (event.activeAgent() && event.teamId() != null) {
            teams.add(event.teamId());
        }
        if (!teams.isEmpty()) {
            drain.drainAfterCommit(teams);
        }
    }
}
