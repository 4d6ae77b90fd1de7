package io.cupboard.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * An admin created or changed a user: their role, team, active flag, capacity, weight or languages.
 * Published inside the admin's transaction, so a listener that must keep data consistent (such as
 * returning a deactivated agent's leads to the pool) runs in the same transaction.
 *
 * @param previousTeamId        the team before the change, or null for a new user
 * @param previouslyActiveAgent whether the user was an active agent before the change
 * @param activeAgent           whether the user is an active agent now
 * @param actorId               the admin who made the change
 */
public record UserChanged(long userId, Long previousTeamId, Long teamId, boolean previouslyActiveAgent,
                          boolean activeAgent, Long actorId, Instant at) {

    /**
     * Returns true when the user stopped working the leads of their former team: deactivated, no
     * longer an agent, or moved to another team.
     */
    public boolean leftTeamWork() {
        return previouslyActiveAgent && (!activeAgent || !Objects.equals(previousTeamId, teamId));
    }
}
