package io.cupboard.lead;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Why a lead moved to an agent or a pool, as its ASSIGNED activity records it.
 *
 * @param why   a short code of the cause, such as {@code rule} or {@code reassigned}; the lead card
 *              shows the message {@code timeline.why.<code>} when a bundle has one, else the code
 * @param note  text the user gave as the reason, stored as the activity's note, or null
 * @param facts further details stored with the activity, such as the rule's id and name; values may be null
 */
public record AssignmentReason(String why, String note, Map<String, Object> facts) {

    public AssignmentReason {
        Objects.requireNonNull(why, "why");
        note = note == null || note.isBlank() ? null : note.strip();
        facts = facts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    public static AssignmentReason of(String why) {
        return new AssignmentReason(why, null, Map.of());
    }

    public static AssignmentReason of(String why, String note) {
        return new AssignmentReason(why, note, Map.of());
    }

    /** Returns a copy with one more fact. */
    public AssignmentReason with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(facts);
        more.put(key, value);
        return new AssignmentReason(why, note, more);
    }
}
