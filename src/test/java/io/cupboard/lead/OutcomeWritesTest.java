package io.cupboard.lead;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
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
            return writes.saveOutcome(locked);
        });

        Lead stored = leads.findById(lead.getId()).orElseThrow();
        assertThat(saved).isTrue();
        assertThat(stored.getVersion()).isEqualTo(lead.getVersion() + 1);
        assertThat(stored.getAttemptCount()).isEqualTo(lead.getAttemptCount() + 1);
        assertThat(stored.getFirstContactAt()).isEqualTo(calledAt);
        assertThat(stored.getLastActivityAt()).isEqualTo(calledAt);
    }

    @Test
    void saveOutcomeOfStaleVersionWritesNothing() {
        boolean saved = transaction.execute(status -> {
            Lead locked = writes.lock(lead.getId()).orElseThrow();
            jdbc.sql("update lead set version = version + 1 where id = ?").param(lead.getId()).update();
            locked.countAttempt();
            return writes.saveOutcome(locked);
        });

        assertThat(saved).isFalse();
        assertThat(leads.findById(lead.getId()).orElseThrow().getAttemptCount()).isEqualTo(lead.getAttemptCount());
    }

    /** Tries to lock the lead from a connection of its own, without waiting. */
    private void lockElsewhere(long leadId) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("select id from lead where id = " + leadId + " for update nowait");
        }
    }
}
