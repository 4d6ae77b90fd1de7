package io.cupboard.allocation;

import java.time.Instant;
import java.util.Set;

/**
 * The source of absent agents: allocation gives them no leads, and the second-wave job moves their
 * untouched new leads to other agents. {@link CutoffAgentAvailability} reads the work days that
 * agents open; tests may declare another bean of this type with {@code @Primary}.
 */
public interface AgentAvailability {

    /** Returns the ids of the team's agents who count as absent at an instant. */
    Set<Long> absentAgents(long teamId, Instant at);
}
