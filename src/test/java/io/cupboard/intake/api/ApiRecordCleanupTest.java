package io.cupboard.intake.api;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import io.cupboard.intake.ApiKeys;
import io.cupboard.intake.IntakeSource;
import io.cupboard.intake.IntakeSources;
import io.cupboard.shared.JobRun;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import io.cupboard.support.MutableClock;
import io.cupboard.support.TestTimes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ApiRecordCleanupTest {

    @Autowired
    ApiRecordCleanup cleanup;

    @Autowired
    IntakeSources sources;

    @Autowired
    ApiKeys keys;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    private long keyId;

    @BeforeEach
    void createKey() {
        clock.setInstant(TestTimes.TUESDAY_MORNING);
        IntakeSource source = sources.create(Fixtures.unique("cleanup"), "ניקוי", IntakeSource.Direction.INBOUND, null);
        keyId = keys.create(source.id(), null).id();
        // Rows of other tests' keys would change the counts below.
        jdbc.sql("delete from intake_idempotency").update();
        jdbc.sql("delete from intake_rate_window").update();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void deletesOnlyExpiredRows() {
        Instant now = clock.instant();
        record("expired-1", now.minus(Duration.ofHours(25)));
        record("expired-2", now.minus(Duration.ofDays(3)));
        record("live", now.minus(Duration.ofHours(23)));
        window(now.minus(Duration.ofMinutes(61)));
        window(now.minus(Duration.ofMinutes(59)));

        JobRun run = cleanup.deleteExpired();

        assertThat(run.counts()).containsEntry("idempotency", 2L).containsEntry("rateWindows", 1L);
        assertThat(jdbc.sql("select idempotency_key from intake_idempotency").query(String.class).list()).containsExactly("live");
        assertThat(jdbc.sql("select window_start from intake_rate_window").query(Timestamp.class).single().toInstant())
                .isEqualTo(now.minus(Duration.ofMinutes(59)));
    }

    @Test
    void secondRunDeletesNothing() {
        record("expired", clock.instant().minus(Duration.ofHours(25)));
        cleanup.deleteExpired();

        assertThat(cleanup.deleteExpired().counts()).containsEntry("idempotency", 0L).containsEntry("rateWindows", 0L);
    }

    private void record(String idempotencyKey, Instant createdAt) {
        jdbc.sql("""
                        insert into intake_idempotency (api_key_id, idempotency_key, request_hash, response_status, response_body, created_at)
                        values (?, ?, repeat('0', 64), 201, '{}', ?)
                        """)
                .params(keyId, idempotencyKey, Timestamp.from(createdAt)).update();
    }

    private void window(Instant start) {
        jdbc.sql("insert into intake_rate_window (api_key_id, window_start, request_count) values (?, ?, 1)")
                .params(keyId, Timestamp.from(start)).update();
    }
}
