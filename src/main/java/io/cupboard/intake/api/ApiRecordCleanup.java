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
        run.count("idempotency", jdbc.sql("delete from intake_idempotency where created_at < ?")
                .param(Timestamp.from(now.minus(properties.api().idempotencyRetention()))).update());
        run.count("rateWindows", jdbc.sql("delete from intake_rate_window where window_start < ?")
                .param(Timestamp.from(now.minus(RATE_WINDOW_RETENTION))).update());
        run.finished();
        return run;
    }

    @Scheduled(cron = "0 17 * * * *")
    @SchedulerLock(name = "intake-api-cleanup", lockAtMostFor = "PT10M")
    void hourly() {
        deleteExpired();
    }
}
