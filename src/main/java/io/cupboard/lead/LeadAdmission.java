package io.cupboard.lead;

/**
 * The result of admitting one {@link LeadArrival}.
 *
 * @param leadId  the created, merged or reopened lead, or null when the arrival was blocked
 * @param ownerId the lead's owner after admission (before allocation for a created or reopened lead)
 */
public record LeadAdmission(Disposition disposition, Long leadId, Long ownerId) {

    public enum Disposition {
        /** A new lead in status NEW with its FIRST_CONTACT task. */
        CREATED,
        /** The number or e-mail matched an open lead: the arrival is a new inquiry on its timeline. */
        MERGED,
        /** The number or e-mail matched a closed lead, which reopened as RENEWED with a FIRST_CONTACT task. */
        REOPENED,
        /** The number is on the center's do-not-call list. */
        BLOCKED_DO_NOT_CALL,
        /** An outbound lead whose number is listed in the national do-not-call registry. */
        BLOCKED_REGISTRY
    }

    /** Returns whether the lead needs allocation now, because it is new or has just reopened. */
    public boolean needsAllocation() {
        return disposition == Disposition.CREATED || disposition == Disposition.REOPENED;
    }
}
