package io.cupboard.intake.api;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.cupboard.intake.IntakeProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Responses kept under their {@code Idempotency-Key} for {@code cupboard.intake.api.idempotency-retention}.
 * The key's row is inserted first in the request's transaction: a second request with the same key
 * waits on that row until the first commits, then replays its response. When the first request
 * rolls back, the row goes with it and the second runs as new.
 */
@Component
class IdempotencyStore {

    private final JdbcClient jdbc;
    private final IntakeProperties properties;
    private final Clock clock;

    IdempotencyStore(JdbcClient jdbc, IntakeProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** A response stored for replay, or the hash of a request whose key is in use. */
    record Stored(String requestHash, Integer status, String body) {
    }

    /**
     * Claims a key for a request, or returns what an earlier request with the key stored. A key
     * older than the retention period is claimed again.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Stored> claim(long apiKeyId, String key, String requestHash) {
        Instant now = clock.instant();
        Instant expiredBefore = now.minus(properties.api().idempotencyRetention());
        jdbc.sql("delete from intake_idempotency where api_key_id = ? and idempotency_key = ? and created_at < ?")
                .params(apiKeyId, key, Timestamp.from(expiredBefore))
                .update();
        int inserted = jdbc.sql("""
                        insert into intake_idempotency (api_key_id, idempotency_key, request_hash, created_at)
                        values (?, ?, ?, ?)
                        on conflict (api_key_id, idempotency_key) do nothing
                        """)
                .params(apiKeyId, key, requestHash, Timestamp.from(now))
                .update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select request_hash, response_status, response_body from intake_idempotency
                        where api_key_id = ? and idempotency_key = ?
                        """)
                .params(apiKeyId, key)
                .query((row, number) -> new Stored(row.getString("request_hash"), (Integer) row.getObject("response_status"),
                        row.getString("response_body")))
                .optional();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void complete(long apiKeyId, String key, int status, String body) {
        jdbc.sql("update intake_idempotency set response_status = ?, response_body = ? where api_key_id = ? and idempotency_key = ?")
                .params(status, body, apiKeyId, key)
                .update();
    }
}
