package io.cupboard.lead;

/** The kind of next step on a lead. */
public enum TaskType {
    FIRST_CONTACT, RETRY, CALLBACK, FOLLOW_UP
}
