package io.cupboard.cup;

/** The sections of the CUP, in the order the agent works them. */
public enum CupSection {
    /** Callbacks booked for now, within a window around their time: a promise to a person comes first. */
    CALLBACKS_NOW,
    /** New leads still inside their first-contact SLA, oldest first (speed to lead). */
    NEW_IN_SLA,
    /** Tasks past their due time, by priority class, then oldest due. */
    OVERDUE,
    /** Tasks due later today, by priority class, then due time. */
    DUE_TODAY;

    public String messageKey() {
        return "cup.section." + name();
    }
}
