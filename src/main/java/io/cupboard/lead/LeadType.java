package io.cupboard.lead;

/** Where a lead stands in its history with the center; part of its priority class in the CUP. */
public enum LeadType {
    /** A first inquiry. */
    NEW,
    /** A closed lead that inquired again and was reopened. */
    RENEWED,
    /** A lead handed over for follow-up, for example from another campaign. */
    FOLLOW_UP
}
