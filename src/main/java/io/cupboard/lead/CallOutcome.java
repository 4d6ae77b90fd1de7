package io.cupboard.lead;

/**
 * What came of a call, as the agent logs it. Each outcome decides the lead's next status and task.
 */
public enum CallOutcome {
    NO_ANSWER(1, false),
    BUSY(2, false),
    CALLBACK(3, false),
    FOLLOW_UP(4, false),
    SALE(5, true),
    NOT_RELEVANT(6, true),
    WRONG_NUMBER(7, true),
    DO_NOT_CALL(8, true);

    private final int shortcut;
    private final boolean closesLead;

    CallOutcome(int shortcut, boolean closesLead) {
        this.shortcut = shortcut;
        this.closesLead = closesLead;
    }

    /** Returns the keyboard key that logs this outcome on the lead card. */
    public int shortcut() {
        return shortcut;
    }

    public boolean closesLead() {
        return closesLead;
    }

    /** Whether the call reached nobody, so it counts as a contact attempt. */
    public boolean isUnanswered() {
        return this == NO_ANSWER || this == BUSY;
    }

    /** Whether the call reached the person (everything except no answer, busy and a wrong number). */
    public boolean isContact() {
        return !isUnanswered() && this != WRONG_NUMBER;
    }

    public String messageKey() {
        return "outcome." + name();
    }
}
