package io.cupboard.lead;

import java.time.Instant;

/**
 * A lead was created with its first-contact task.
 */
public record LeadCreated(long leadId, LeadType type, String source, Instant at) {
}
