package io.cupboard.intake;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One lead's values as a file record or an API request gives them, by field, before cleaning.
 */
public record LeadInput(Map<LeadField, String> values) {

    public LeadInput {
        values = values.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(values));
    }

    public String get(LeadField field) {
        return values.get(field);
    }
}
