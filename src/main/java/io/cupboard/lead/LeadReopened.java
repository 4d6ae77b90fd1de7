package io.cupboard.lead;

import java.time.Instant;

/**
 * A closed lead inquired again and reopened as RENEWED with a FIRST_CONTACT task. Allocation runs
 * in the same transaction after this event is published.
 *
 * @param previousOwnerId the agent who owned the lead when it closed, or null
 * @param source          the intake source of the new inquiry
 */
public record LeadReopened(long leadId, Long previousOwnerId, String source, Instant at) {
}
