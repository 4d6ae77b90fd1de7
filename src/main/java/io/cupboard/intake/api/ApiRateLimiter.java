package io.cupboard.intake.api;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.cupboard.intake.IntakeProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts API requests per key and calendar minute in PostgreSQL, so the limit applies across every
 * application instance. Each count commits on its own, whatever the request does afterwards.
 */
@Component
class ApiRateLimiter {

    private final JdbcClient jdbc;
    private final IntakeProperties properties;
    private final Clock clock;

    ApiRateLimiter(JdbcClient jdbc, IntakeProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The decision on one request.
     *
     * @param retryAfterSeconds seconds until the next window, when the request is over the limit
     */
    record Decision(boolean allowed, int limit, int remaining, long retryAfterSeconds) {
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Decision acquire(long keyId) {
        Instant now = clock.instant();
        Instant window = now.truncatedTo(ChronoUnit.MINUTES);
        int count = jdbc.sql("""
                        insert into intake_rate_window (api_key_id, window_start, request_count) values (:keyId, :window, 1)
                        on conflict (api_key_id, window_start) do update set request_count = intake_rate_window.request_count + 1
                        returning request_count
                        """)
                .param("keyId", keyId)
                .param("window", Timestamp.from(window))
                .query(Integer.class).single();
        int limit = properties.api().requestsPerMinute();
        long retryAfter = Math.max(1, window.plus(1, ChronoUnit.MINUTES).getEpochSecond() - now.getEpochSecond());
        return new Decision(count <= limit, limit, Math.max(0, limit - count), retryAfter);
    }
}
