package io.cupboard.lead;

import java.util.List;

/**
 * Everything the lead card shows about one lead.
 *
 * @param ownerName the owner's display name, or null when the lead waits in a team pool
 * @param openTask  the lead's open task, or null for a closed lead
 * @param maxAttempts the attempts the lead's contact policy allows
 */
public record LeadCard(Lead lead, LeadStatus status, String ownerName, String teamName, DisqualificationReason reason,
                       Task openTask, int maxAttempts, List<ActivityEntry> timeline) {
}
