package io.cupboard.lead;

import java.time.Instant;

/**
 * What an outcome did to the lead: its new status and its next task, if it is still open.
 */
public record OutcomeResult(long leadId, String statusCode, boolean closed, TaskType nextTaskType, Instant nextDueAt,
                            boolean movedToPool) {
}
