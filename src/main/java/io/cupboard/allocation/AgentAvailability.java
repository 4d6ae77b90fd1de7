package io.cupboard.allocation;

import java.time.Instant;
import java.util.Set;

/**
 * The source of absent agents: allocation gives them no leads, and the second-wave job moves their
 * untouched new leads to other agents. The workday module replaces the default implementation by
 * declaring its own bean of this type with {@code @Primary}.
 */
public interface AgentAvailability {

    /** Returns the ids of the team's agents who count as absent at an instant. */
    Set<Long> absentAgents(long teamId, Instant at);
}
