package io.cupboard.alert;

/** The subject of an alert, which also fixes its recipients. */
public enum AlertKind {
    /** A new lead was allocated to the agent: speed to lead. */
    NEW_LEAD(Audience.AGENT),
    /** The agent's callback is due within minutes. */
    CALLBACK_DUE(Audience.AGENT),
    /** The agent's task is overdue. */
    TASK_OVERDUE(Audience.AGENT),
    /** A task of the team is long overdue. */
    TASK_OVERDUE_ESCALATED(Audience.TEAM_LEAD),
    /** A new lead of the team was not contacted by its first-contact deadline. */
    SLA_BREACHED(Audience.TEAM_LEAD),
    /** A callback waits in the team pool for an agent to take it. */
    CALLBACK_IN_POOL(Audience.TEAM_LEAD),
    /** The person behind the agent's open lead inquired again (a form, an ad, an import). */
    NEW_INQUIRY(Audience.AGENT);

    /** The recipients of an alert: its agent, or every team lead of its team. */
    public enum Audience {
        AGENT, TEAM_LEAD
    }

    private final Audience audience;

    AlertKind(Audience audience) {
        this.audience = audience;
    }

    public Audience audience() {
        return audience;
    }

    /** Returns the message key of the alert's text; its arguments are the lead, the time and the agent. */
    public String messageKey() {
        return "alert.text." + name();
    }
}
