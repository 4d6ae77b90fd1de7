package io.cupboard.support;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts a lead's open task and status into an exact state by SQL, for tests of ordering and
 * sweeps that need tasks at precise times. The invariant still holds: the lead keeps one open task.
 */
public final class LeadSetup {

    private final JdbcClient jdbc;

    public LeadSetup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets the lead's open task to the given type and due time, and the lead to a status by code. */
    public void task(long leadId, String taskType, Instant dueAt, String statusCode) {
        jdbc.sql("update task set type = ?, due_at = ?, sla_deadline_at = null where lead_id = ? and state = 'OPEN'")
                .params(taskType, Timestamp.from(dueAt), leadId).update();
        jdbc.sql("update lead set status_id = (select id from lead_status where code = ?) where id = ?")
                .params(statusCode, leadId).update();
    }

    /** Makes the lead a new lead that arrived at {@code createdAt} with a first-contact SLA deadline. */
    public void newLead(long leadId, Instant createdAt, Instant slaDeadline) {
        jdbc.sql("update lead set created_at = ?, status_id = (select id from lead_status where code = 'NEW') where id = ?")
                .params(Timestamp.from(createdAt), leadId).update();
        jdbc.sql("update task set type = 'FIRST_CONTACT', due_at = ?, sla_deadline_at = ? where lead_id = ? and state = 'OPEN'")
                .params(Timestamp.from(createdAt), Timestamp.from(slaDeadline), leadId).update();
    }

    public void leadType(long leadId, String type) {
        jdbc.sql("update lead set type = ? where id = ?").params(type, leadId).update();
    }
}
