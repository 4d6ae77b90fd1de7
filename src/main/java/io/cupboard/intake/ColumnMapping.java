package io.cupboard.intake;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cupboard.intake.file.SourceRecord;

/**
 * The file column that fills each lead field, by column index. A column fills at most one field.
 */
public record ColumnMapping(Map<LeadField, Integer> columns) {

    public ColumnMapping {
        EnumMap<LeadField, Integer> copy = new EnumMap<>(LeadField.class);
        Set<Integer> used = new HashSet<>();
        columns.forEach((field, column) -> {
            if (column != null && column >= 0) {
                if (!used.add(column)) {
                    throw new IntakeRuleException("intake.mapping.error.columnTwice", "Column " + column + " is mapped twice");
                }
                copy.put(field, column);
            }
        });
        columns = Collections.unmodifiableMap(copy);
    }

    /**
     * Proposes a mapping for a file's headers: the header the source used last time for a field
     * when the file has it, otherwise the first header that is a known name of the field.
     */
    public static ColumnMapping propose(List<String> headers, Map<LeadField, String> remembered) {
        Map<LeadField, Integer> columns = new EnumMap<>(LeadField.class);
        Set<Integer> taken = new HashSet<>();
        remembered.forEach((field, header) -> {
            int column = indexOf(headers, header);
            if (column >= 0 && taken.add(column)) {
                columns.put(field, column);
            }
        });
        for (LeadField field : LeadField.values()) {
            if (columns.containsKey(field)) {
                continue;
            }
            for (int column = 0; column < headers.size(); column++) {
                if (!taken.contains(column) && field.matchesHeader(headers.get(column))) {
                    columns.put(field, column);
                    taken.add(column);
                    break;
                }
            }
        }
        return new ColumnMapping(columns);
    }

    public boolean isEmpty() {
        return columns.isEmpty();
    }

    public Integer column(LeadField field) {
        return columns.get(field);
    }

    /** Returns whether a name or a phone can come from the file; without either, every record would be rejected. */
    public boolean coversNameOrPhone() {
        return columns.containsKey(LeadField.PHONE) || columns.containsKey(LeadField.FULL_NAME)
                || columns.containsKey(LeadField.FIRST_NAME) || columns.containsKey(LeadField.LAST_NAME);
    }

    /** Returns the header names by field, for the source to remember. */
    public Map<LeadField, String> headersByField(List<String> headers) {
        Map<LeadField, String> result = new EnumMap<>(LeadField.class);
        columns.forEach((field, column) -> {
            if (column < headers.size()) {
                result.put(field, headers.get(column));
            }
        });
        return result;
    }

    /** Returns the mapping as stored in JSON: field name to column index. */
    public Map<String, Integer> toStored() {
        Map<String, Integer> stored = new LinkedHashMap<>();
        columns.forEach((field, column) -> stored.put(field.name(), column));
        return stored;
    }

    /** Reads a stored mapping; fields that no longer exist are dropped. */
    public static ColumnMapping fromStored(Map<String, Integer> stored) {
        Map<LeadField, Integer> columns = new EnumMap<>(LeadField.class);
        stored.forEach((field, column) -> {
            try {
                columns.put(LeadField.valueOf(field), column);
            } catch (IllegalArgumentException removedField) {
                // A field that no longer exists is dropped.
            }
        });
        return new ColumnMapping(columns);
    }

    public LeadInput toInput(SourceRecord record) {
        Map<LeadField, String> values = new EnumMap<>(LeadField.class);
        columns.forEach((field, column) -> {
            String value = record.value(column);
            if (value != null) {
                values.put(field, value);
            }
        });
        return new LeadInput(values);
    }

    private static int indexOf(List<String> headers, String header) {
        for (int column = 0; column < headers.size(); column++) {
            if (headers.get(column).equals(header)) {
                return column;
            }
        }
        return -1;
    }
}
