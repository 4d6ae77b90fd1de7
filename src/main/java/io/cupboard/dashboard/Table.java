package io.cupboard.dashboard;

import java.util.List;

/**
 * A dashboard table as exports write it: translated headers and rows of values (text, whole
 * numbers, shares as {@link Share}).
 */
public record Table(String name, List<String> headers, List<List<Object>> rows) {

    /** A share from 0 to 1, written as a percentage. */
    public record Share(double value) {
    }
}
