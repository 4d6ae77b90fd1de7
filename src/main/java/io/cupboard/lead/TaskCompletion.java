package io.cupboard.lead;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Completes a lead's open task with one UPDATE, in the caller's transaction. Loading the task as
 * an entity, then flushing it, cost an outcome a query, an automatic flush and a second flush.
 */
@Component
class TaskCompletion {

    private final JdbcClient jdbc;

    TaskCompletion(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
}
