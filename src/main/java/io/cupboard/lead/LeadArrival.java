package io.cupboard.lead;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A lead as it arrives from a file import or the intake API, before it is matched against the
 * leads the center already has.
 *
 * @param inquiredAt when the person inquired, as the source reports it, or null for now
 * @param origin     what delivered it, for the timeline ({@code import}, {@code api})
 * @param note       free text that came with the lead, or null; it becomes the timeline entry's note
 * @param details    facts for the timeline entry, such as the import batch and record number
 */
public record LeadArrival(LeadContact contact, Instant inquiredAt, String origin, String note, Map<String, Object> details) {

    public LeadArrival {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(origin, "origin");
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
