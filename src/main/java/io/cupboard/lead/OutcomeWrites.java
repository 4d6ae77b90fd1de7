package io.cupboard.lead;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lead and task rows an outcome reads and writes, in SQL and in the caller's transaction.
 * Finding the lead with a pessimistic lock through the entity manager, saving the next task
 * through the persistence context and flushing the lead were most of an outcome's transaction in
 * a profile, for statements that need no entity state. The lead is still a {@link Lead}, whose
 * methods make the changes, but the persistence context never manages it.
 */
@Component
class OutcomeWrites {

    private final JdbcClient jdbc;

    OutcomeWrites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Loads a lead and locks its row until the transaction ends, as the entity manager's pessimistic
     * lock did. {@link LeadLocking} takes the same lock for callers that change a managed entity.
     */
    Optional<Lead> lock(long leadId) {
        return jdbc.sql("select " + LeadColumns.SELECT_LIST + " from lead where id = :id for no key update")
                .param("id", leadId)
                .query((row, number) -> new Lead(LeadColumns.read(row)))
                .optional();
    }

    /**
     * Marks the lead's open task done and raises its version, as saving the entity did. A task
     * that a concurrent transaction changed is re-read by PostgreSQL after that commit, so a task
     * it completed meanwhile is left alone.
     *
     * @return the number of tasks completed, 0 or 1 (the unique index allows one open task per lead)
     */
    int completeOpenTask(long leadId, Instant at) {
        return jdbc.sql("""
                        update task set state = 'DONE', completed_at = :at, version = version + 1
                        where lead_id = :leadId and state = 'OPEN'
                        """)
                .param("at", Timestamp.from(at))
                .param("leadId", leadId)
                .update();
    }

    /** Inserts a new open task, as persisting the entity did, without reading its generated id back. */
    void open(Task task) {
        jdbc.sql("""
                        insert into task (lead_id, type, state, owner_id, team_id, due_at, sla_deadline_at, created_at,
                                          carried_count, version)
                        values (:leadId, :type, 'OPEN', :ownerId, :teamId, :dueAt, :slaDeadlineAt, :createdAt, 0, 0)
                        """)
                .param("leadId", task.getLeadId())
                .param("type", task.getType().name())
                .param("ownerId", task.getOwnerId())
                .param("teamId", task.getTeamId())
                .param("dueAt", timestamp(task.getDueAt()))
                .param("slaDeadlineAt", timestamp(task.getSlaDeadlineAt()))
                .param("createdAt", timestamp(task.getCreatedAt()))
                .update();
    }

    /**
     * Writes the columns an outcome changes on its locked lead and raises the version, as flushing
     * the entity did.
     *
     * @return whether the row still had the version the lead was loaded with
     */
    boolean saveOutcome(Lead lead) {
        return jdbc.sql("""
                        update lead set status_id = :statusId, owner_id = :ownerId, team_id = :teamId,
                                        assigned_at = :assignedAt, attempt_count = :attemptCount,
                                        follow_up_count = :followUpCount, wave = :wave,
                                        first_contact_at = :firstContactAt, last_activity_at = :lastActivityAt,
                                        closed_at = :closedAt, disqualification_reason_id = :reasonId,
                                        version = version + 1
                        where id = :id and version = :version
                        """)
                .param("statusId", lead.getStatusId())
                .param("ownerId", lead.getOwnerId())
                .param("teamId", lead.getTeamId())
                .param("assignedAt", timestamp(lead.getAssignedAt()))
                .param("attemptCount", lead.getAttemptCount())
                .param("followUpCount", lead.getFollowUpCount())
                .param("wave", lead.getWave())
                .param("firstContactAt", timestamp(lead.getFirstContactAt()))
                .param("lastActivityAt", timestamp(lead.getLastActivityAt()))
                .param("closedAt", timestamp(lead.getClosedAt()))
                .param("reasonId", lead.getDisqualificationReasonId())
                .param("id", lead.getId())
                .param("version", lead.getVersion())
                .update() == 1;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
