package io.cupboard.intake.file;

import java.util.List;

/**
 * One record of a lead file: its number as people count it (the header is record 1, and in a
 * sheet the number is the row number) and its values in column order, null for an empty cell.
 */
public record SourceRecord(int number, List<String> values) {

    /** Returns whether every value is empty or blank. */
    public boolean isBlank() {
        return values.stream().allMatch(value -> value == null || value.isBlank());
    }

    /** Returns the value of a column, or null when the record is shorter. */
    public String value(int column) {
        return column >= 0 && column < values.size() ? values.get(column) : null;
    }
}
