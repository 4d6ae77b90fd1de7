package io.cupboard.intake.api;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.cupboard.intake.IntakeProperties;
import io.cupboard.shared.JobRun;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes idempotency records past their retention and request counts of past minutes.
 */
@Service
class ApiRecordCleanup {

    private static final Logger log = LoggerFactory.getLogger(ApiRecordCleanup.class);
    /** Request counts older than this are of no use to the per-minute limit. */
    private static final Duration RATE_WINDOW_RETENTION = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final IntakeProperties properties;
    private final Clock clock;

    ApiRecordCleanup(JdbcClient jdbc, IntakeProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Deletes expired rows and returns the run's counts by table. */
    @Transactional
    public JobRun deleteExpired() {
        JobRun run = JobRun.start(log, "intake-api-cleanup");
        Instant now = clock.instant();
        // One statement deletes from both tables, because an idle run's time is mostly round trips.
        long[] deleted = jdbc.sql("""
                        with idempotency as (
                            delete from intake_idempotency where created_at < :expiredBefore returning 1
                        ), windows as (
                            delete from intake_rate_window where window_start < :windowBefore returning 1
                        )
                        select (select count(*) from idempotency), (select count(*) from windows)
                        """)
                .param("expiredBefore", Timestamp.from(now.minus(properties.api().idempotencyRetention())))
                .param("windowBefore", Timestamp.from(now.minus(RATE_WINDOW_RETENTION)))
                .query((row, number) -> new long[] {row.getLong(1), row.getLong(2)})
                .single();
        run.count("idempotency", deleted[0]).count("rateWindows", deleted[1]);
        run.finished();
        return run;
    }

    @Scheduled(cron = "0 17 * * * *")
    @SchedulerLock(name = "intake-api-cleanup", lockAtMostFor = "PT10M")
    void hourly() {
        deleteExpired();
    }
}
