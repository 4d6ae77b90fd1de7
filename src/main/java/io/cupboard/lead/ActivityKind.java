package io.cupboard.lead;

/** The kinds of entries on a lead's timeline. */
public enum ActivityKind {
    /** The lead was created, by import, the intake API, a user or demo data. */
    CREATED,
    /** A call with its outcome; details carry the status change and the next task. */
    CALL,
    /** A free-text note without a call. */
    NOTE,
    /** The lead moved to an agent or to a team pool. */
    ASSIGNED,
    /** A task moved to another time, with the reason. */
    TASK_CARRIED,
    /** The system changed the lead: an SLA breach, the end of attempts, a second wave. */
    SYSTEM,
    /** The same person inquired again while the lead was open. */
    INQUIRY,
    /** A closed lead came back as RENEWED. */
    REOPENED
}
