package io.cupboard.alert;

import java.time.Instant;

/**
 * An alert as the badge and the list show it.
 *
 * @param leadLabel the lead's name, or its phone when it has no name
 * @param agentName the agent whose task it is, or null for a task in the team pool
 * @param dueAt     the task's due time, or the first-contact deadline for new-lead and SLA alerts
 */
public record AlertItem(long id, AlertKind kind, long leadId, String leadLabel, String agentName, Instant dueAt, Instant createdAt) {
}
