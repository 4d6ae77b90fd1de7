package io.cupboard.intake.file;

/** Receives the records of a file in order. */
@FunctionalInterface
public interface RecordVisitor {

    /** Handles one record and returns whether to read on. */
    boolean visit(SourceRecord record);
}
