package io.cupboard.dashboard;

/** A figure of the team dashboard whose leads can be listed. */
public enum Figure {
    OPEN_LEADS, DUE_TODAY, OVERDUE, MISSED_CALLBACKS, WITHOUT_TASK, PAST_SLA, CALLS_TODAY, SALES_TODAY;

    public String messageKey() {
        return "dashboard.figure." + name();
    }
}
