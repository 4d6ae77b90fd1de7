package io.cupboard.allocation;

/** The method by which a rule picks the agent within its team, among the agents who may take the lead. */
public enum AllocationStrategy {
    /** Each agent in turn, in the order of their ids; the position survives restarts. */
    ROUND_ROBIN,
    /** Each agent in turn, as many leads in a row as their allocation weight. */
    WEIGHTED_ROUND_ROBIN,
    /** The agent with the fewest open leads; ties go in round-robin order. */
    LEAST_LOADED
}
