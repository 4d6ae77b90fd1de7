package io.cupboard.intake;

/** The fate of one file record or API submission. The names are stored. */
public enum Fate {
    /** A new lead was created. */
    IMPORTED,
    /** The number or e-mail matched an open lead; the record is a new inquiry on its timeline. */
    MERGED,
    /** The number or e-mail matched a closed lead, which reopened as RENEWED. */
    REOPENED,
    /** The same delivery came before (the same source lead id, or the same record in an earlier file). */
    DUPLICATE,
    /** The record failed validation; the reason names the field. */
    REJECTED,
    /** The number is on the do-not-call list or, for an outbound source, in the national registry. */
    BLOCKED,
    /** An empty record, skipped. */
    BLANK;

    public String messageKey() {
        return "intake.fate." + name();
    }
}
