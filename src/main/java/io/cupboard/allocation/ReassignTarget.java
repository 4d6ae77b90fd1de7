package io.cupboard.allocation;

/**
 * The destination of leads that a team lead or manager moves: an agent, or a team's pool.
 *
 * @param agentId the agent, or null for the pool of {@code teamId}
 * @param teamId  the team whose pool receives the leads; ignored for an agent, whose own team counts
 */
public record ReassignTarget(Long agentId, Long teamId) {

    public static ReassignTarget agent(long agentId) {
        return new ReassignTarget(agentId, null);
    }

    public static ReassignTarget pool(long teamId) {
        return new ReassignTarget(null, teamId);
    }

    public boolean isPool() {
        return agentId == null;
    }
}
