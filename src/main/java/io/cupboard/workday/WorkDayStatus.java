package io.cupboard.workday;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An agent's work day as recorded.
 *
 * @param openedAt when the agent opened the day, or null
 * @param closedAt when the day was closed (by the agent, or by the nightly job), or null
 */
public record WorkDayStatus(long agentId, LocalDate date, Instant openedAt, Instant closedAt, boolean closedClean,
                            boolean closedBySystem, int tasksCarried) {

    public boolean isOpen() {
        return openedAt != null && closedAt == null;
    }
}
