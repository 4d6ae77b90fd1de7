package io.cupboard.sla;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which agents are absent on a work date. The SLA sweep offers the callbacks of absent agents
 * that are due that day to their team, so that a callback never stays with an agent who is not
 * there.
 */
public interface AgentPresence {

    /** Returns the ids of the agents who are absent on a date in the center's zone. */
    Set<Long> absentAgents(LocalDate workDate);
}
