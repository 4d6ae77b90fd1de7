package io.cupboard.lead;

/** What a status means for the lead's life: still worked, or closed and how. */
public enum StatusCategory {
    OPEN, WON, LOST, DISQUALIFIED;

    public boolean isClosed() {
        return this != OPEN;
    }
}
