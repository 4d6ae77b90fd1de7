package io.cupboard.lead;

public enum TaskState {
    OPEN, DONE, CANCELLED
}
