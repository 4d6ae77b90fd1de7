package io.cupboard.lead;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
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

    private static final String COMPLETE_OPEN_TASK = """
            update task set state = 'DONE', completed_at = ?, version = version + 1
            where lead_id = ? and state = 'OPEN';
            """;

    private static final String OPEN_TASK = """
            insert into task (lead_id, type, state, owner_id, team_id, due_at, sla_deadline_at, created_at,
                              carried_count, version)
            values (?, ?, 'OPEN', ?, ?, ?, ?, ?, 0, 0);
            """;

    private static final String SAVE_LEAD = """
            update lead set status_id = ?, owner_id = ?, team_id = ?, assigned_at = ?, attempt_count = ?,
                            follow_up_count = ?, wave = ?, first_contact_at = ?, last_activity_at = ?,
                            closed_at = ?, disqualification_reason_id = ?, version = version + 1
            where id = ? and version = ?
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    OutcomeWrites(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
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
     * Writes an outcome's rows. It marks the lead's open task done and inserts the next task if
     * there is one. It writes the columns an outcome changes on the locked lead and raises the
     * version, as flushing the entity did, then appends the call to the timeline. The statements
     * travel to PostgreSQL in one round trip and run in this order, so the done task has left the
     * unique index of open tasks before the next one arrives. That is three round trips fewer than
     * one statement each, two when no task follows.
     *
     * @param doneAt the time the open task was done
     * @param next   the lead's next task, or null when the outcome leaves none
     * @param call   the timeline entry of the call
     * @return whether the lead's row still had the version the lead was loaded with. When it had
     *         not, the other statements have run anyway, so the caller must roll back.
     */
    boolean saveOutcome(Lead lead, Instant doneAt, Task next, Timeline.Entry call) {
        String sql = COMPLETE_OPEN_TASK + (next == null ? "" : OPEN_TASK) + SAVE_LEAD + ";\n" + Timeline.INSERT_ENTRY;
        return Boolean.TRUE.equals(jdbcTemplate.execute(sql, (PreparedStatement statement) -> {
            Parameters parameters = new Parameters(statement);
            parameters.timestamp(doneAt).number(lead.getId());
            if (next != null) {
                parameters.number(next.getLeadId()).text(next.getType().name()).number(next.getOwnerId())
                        .number(next.getTeamId()).timestamp(next.getDueAt()).timestamp(next.getSlaDeadlineAt())
                        .timestamp(next.getCreatedAt());
            }
            parameters.number(lead.getStatusId()).number(lead.getOwnerId()).number(lead.getTeamId())
                    .timestamp(lead.getAssignedAt()).number(lead.getAttemptCount()).number(lead.getFollowUpCount())
                    .number(lead.getWave()).timestamp(lead.getFirstContactAt()).timestamp(lead.getLastActivityAt())
                    .timestamp(lead.getClosedAt()).number(lead.getDisqualificationReasonId()).number(lead.getId())
                    .number(lead.getVersion());
            parameters.number(call.leadId()).text(call.kind()).text(call.outcome()).text(call.note()).number(call.actorId())
                    .timestamp(call.at()).text(call.details());
            return leadUpdateCount(statement) == 1;
        }));
    }

    /** Runs the statements and returns the row count of the lead's update, the one before last. */
    private static int leadUpdateCount(PreparedStatement statement) throws SQLException {
        statement.execute();
        int beforeLast = -1;
        int last = statement.getUpdateCount();
        while (statement.getMoreResults() || statement.getUpdateCount() != -1) {
            beforeLast = last;
            last = statement.getUpdateCount();
        }
        return beforeLast;
    }

    /** Binds positional parameters in order, with the SQL type of each null given, so that the driver need not ask. */
    private static final class Parameters {

        private final PreparedStatement statement;
        private int index;

        Parameters(PreparedStatement statement) {
            this.statement = statement;
        }

        Parameters number(Number value) throws SQLException {
            if (value == null) {
                statement.setNull(++index, Types.BIGINT);
            } else if (value instanceof Integer integer) {
                statement.setInt(++index, integer);
            } else {
                statement.setLong(++index, value.longValue());
            }
            return this;
        }

        Parameters text(String value) throws SQLException {
            statement.setString(++index, value);
            return this;
        }

        Parameters timestamp(Instant value) throws SQLException {
            statement.setTimestamp(++index, OutcomeWrites.timestamp(value));
            return this;
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
