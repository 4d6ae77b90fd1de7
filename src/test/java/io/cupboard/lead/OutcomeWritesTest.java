package io.cupboard.lead;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import io.cupboard.identity.Team;
import io.cupboard.identity.User;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class OutcomeWritesTest {

    @Autowired
    OutcomeWrites writes;

    @Autowired
    LeadRepository leads;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DataSource dataSource;

    @Autowired
    Timeline timeline;

    private Lead lead;

    @BeforeEach
    void createLead() {
        Team team = fixtures.team();
        User agent = fixtures.agent(team);
        // Read back, because the assignment raised the version of the lead that registration returned.
        lead = leads.findById(fixtures.lead(agent).getId()).orElseThrow();
    }

    @Test
    void lockReadsEveryColumnAsTheEntity() {
        transaction.executeWithoutResult(status -> {
            // Every nullable column gets a value, so that a column the mapping skips shows as a
            // difference. The transaction rolls back: a closed lead with an open task, and its
            // contact details, would disturb other tests' duplicate checks.
            jdbc.sql("""
                    update lead set email = 'columns@example.com', city = 'חיפה', alternate_phone_e164 = '+972521234567',
                                    campaign = 'spring', external_id = 'crm-7', consent_basis = 'OUTBOUND', type = 'RENEWED',
                                    registry_checked_at = now() - interval '1 day', attempt_count = 3, follow_up_count = 2,
                                    wave = 2, first_contact_at = now() - interval '2 hours', last_activity_at = now(),
                                    closed_at = now(), disqualification_reason_id = (select min(id) from disqualification_reason)
                    where id = ?
                    """).param(lead.getId()).update();

            Lead locked = writes.lock(lead.getId()).orElseThrow();
            Lead loaded = leads.findById(lead.getId()).orElseThrow();

            assertThat(locked).usingRecursiveComparison().isEqualTo(loaded);
            assertThat(locked.getDisqualificationReasonId()).isNotNull();
            status.setRollbackOnly();
        });
    }

    @Test
    void lockOfMissingLeadIsEmpty() {
        Optional<Lead> locked = transaction.execute(status -> writes.lock(-1));

        assertThat(locked).isEmpty();
    }

    @Test
    void lockHoldsTheRowUntilCommit() {
        transaction.executeWithoutResult(status -> {
            writes.lock(lead.getId()).orElseThrow();

            assertThatThrownBy(() -> lockElsewhere(lead.getId())).isInstanceOf(SQLException.class)
                    .hasMessageContaining("could not obtain lock");
        });
    }

    @Test
    void saveOutcomeWritesTheChangesAndVersion() {
        Instant calledAt = Instant.parse("2026-03-03T08:00:00Z");

        boolean saved = transaction.execute(status -> {
            Lead locked = writes.lock(lead.getId()).orElseThrow();
            locked.recordCall(calledAt);
            locked.countAttempt();
            return writes.saveOutcome(locked, calledAt, null, call(calledAt));
        });

        Lead stored = leads.findById(lead.getId()).orElseThrow();
        assertThat(saved).isTrue();
        assertThat(stored.getVersion()).isEqualTo(lead.getVersion() + 1);
        assertThat(stored.getAttemptCount()).isEqualTo(lead.getAttemptCount() + 1);
        assertThat(stored.getFirstContactAt()).isEqualTo(calledAt);
        assertThat(stored.getLastActivityAt()).isEqualTo(calledAt);
    }

    @Test
    void saveOutcomeReportsStaleVersion() {
        boolean saved = transaction.execute(status -> {
            Lead locked = writes.lock(lead.getId()).orElseThrow();
            jdbc.sql("update lead set version = version + 1 where id = ?").param(lead.getId()).update();
            locked.countAttempt();
            // The task statement has run anyway. The caller's exception rolls it back, as this rollback does.
            status.setRollbackOnly();
            return writes.saveOutcome(locked, Instant.now(), null, call(Instant.now()));
        });

        assertThat(saved).isFalse();
        assertThat(openTaskId()).isPositive();
        assertThat(leads.findById(lead.getId()).orElseThrow().getAttemptCount()).isEqualTo(lead.getAttemptCount());
    }

    @Test
    void saveOutcomeReplacesTheOpenTask() {
        Instant calledAt = Instant.parse("2026-03-03T08:00:00Z");
        Instant due = Instant.parse("2026-03-04T08:00:00Z");
        long openBefore = openTaskId();

        boolean saved = transaction.execute(status -> {
            Lead locked = writes.lock(lead.getId()).orElseThrow();
            locked.recordCall(calledAt);
            return writes.saveOutcome(locked, calledAt, new Task(locked, TaskType.RETRY, due, null, calledAt), call(calledAt));
        });

        assertThat(saved).isTrue();
        assertThat(jdbc.sql("select state, completed_at from task where id = ?").param(openBefore)
                .query((row, number) -> row.getString("state") + " " + row.getTimestamp("completed_at").toInstant()).single())
                .isEqualTo("DONE " + calledAt);
        long openAfter = openTaskId();
        assertThat(openAfter).isNotEqualTo(openBefore);
        assertThat(jdbc.sql("select type, due_at, owner_id, team_id from task where id = ?").param(openAfter)
                .query((row, number) -> row.getString("type") + " " + row.getTimestamp("due_at").toInstant() + " "
                        + row.getLong("owner_id") + " " + row.getLong("team_id")).single())
                .isEqualTo("RETRY " + due + " " + lead.getOwnerId() + " " + lead.getTeamId());
        assertThat(leads.findById(lead.getId()).orElseThrow().getVersion()).isEqualTo(lead.getVersion() + 1);
    }

    @Test
    void saveOutcomeAppendsTheCallToTheTimeline() {
        Instant calledAt = Instant.parse("2026-03-03T08:00:00Z");

        transaction.executeWithoutResult(status -> {
            Lead locked = writes.lock(lead.getId()).orElseThrow();
            locked.recordCall(calledAt);
            writes.saveOutcome(locked, calledAt, null, call(calledAt));
        });

        assertThat(jdbc.sql("""
                        select kind || ' ' || outcome || ' ' || note || ' ' || (details ->> 'toStatus')
                        from activity where lead_id = ? and created_at = ?
                        """)
                .params(lead.getId(), Timestamp.from(calledAt)).query(String.class).single())
                .isEqualTo("CALL NO_ANSWER no answer, \"call\" later ATTEMPTING");
    }

    private Timeline.Entry call(Instant at) {
        return timeline.entry(lead.getId(), ActivityKind.CALL, CallOutcome.NO_ANSWER, "no answer, \"call\" later", null, at,
                Map.of("toStatus", "ATTEMPTING"));
    }

    private long openTaskId() {
        return jdbc.sql("select id from task where lead_id = ? and state = 'OPEN'").param(lead.getId()).query(Long.class).single();
    }

    /** Tries to lock the lead from a connection of its own, without waiting. */
    private void lockElsewhere(long leadId) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("select id from lead where id = " + leadId + " for update nowait");
        }
    }
}
