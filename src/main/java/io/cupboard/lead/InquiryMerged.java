package io.cupboard.lead;

import java.time.Instant;

/**
 * A person inquired again while their lead was open; the inquiry joined the lead's timeline.
 *
 * @param ownerId the agent who owns the lead, or null when it waits in a team pool
 * @param source  the intake source of the new inquiry
 */
public record InquiryMerged(long leadId, Long ownerId, String source, Instant at) {
}
