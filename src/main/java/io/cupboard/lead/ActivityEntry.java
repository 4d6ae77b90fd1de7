package io.cupboard.lead;

import java.time.Instant;
import java.util.Map;

/**
 * One timeline entry as the lead card shows it.
 *
 * @param actorName the display name of the user who acted, or null for the system
 * @param details   facts of the entry, such as {@code fromStatus}, {@code toStatus}, {@code nextTask}
 */
public record ActivityEntry(long id, ActivityKind kind, CallOutcome outcome, String note, Instant at,
                            Long actorId, String actorName, Map<String, Object> details) {

    public Object detail(String key) {
        return details.get(key);
    }
}
