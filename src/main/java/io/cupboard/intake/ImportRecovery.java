package io.cupboard.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.cupboard.shared.JobRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds imports that no run is working on, at start-up and periodically: queued ones that no
 * thread took, and running ones whose last commit is older than the stale limit (their instance
 * crashed or was stopped). Each is resumed after its last committed record, or reported as failed
 * when it has used up its attempts.
 */
@Service
public class ImportRecovery {

    private static final Logger log = LoggerFactory.getLogger(ImportRecovery.class);

    private final JdbcClient jdbc;
    private final ImportWorker worker;
    private final IntakeProperties properties;
    private final Clock clock;

    ImportRecovery(JdbcClient jdbc, ImportWorker worker, IntakeProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.worker = worker;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void recoverAtStartup() {
        List<Long> resumed = resumeInterrupted();
        if (!resumed.isEmpty()) {
            log.info("Import batches {} interrupted before start-up are resumed", resumed);
        }
    }

    /**
     * Marks interrupted batches that have used up their attempts as failed and hands the others to
     * the import threads. Returns the batches handed over.
     */
    public List<Long> resumeInterrupted() {
        JobRun run = JobRun.start(log, "intake-import-recovery");
        try {
            List<Long> resumed = resume(run);
            run.finished();
            return resumed;
        } catch (RuntimeException e) {
            run.failed(e);
            throw e;
        }
    }

    private List<Long> resume(JobRun run) {
        Instant now = clock.instant();
        Timestamp staleBefore = Timestamp.from(now.minus(properties.fileImport().staleAfter()));
        List<Long> exhausted = jdbc.sql("""
                        update import_batch set status = 'FAILED', failure = 'intake.batch.failure.attempts', finished_at = :now,
                                                version = version + 1
                        where status in ('QUEUED', 'RUNNING') and heartbeat_at < :staleBefore and attempts >= :maxAttempts
                        returning id
                        """)
                .param("now", Timestamp.from(now))
                .param("staleBefore", staleBefore)
                .param("maxAttempts", properties.fileImport().maxAttempts())
                .query(Long.class).list();
        exhausted.forEach(id -> log.error("Import batch {} failed: it was interrupted {} times", id, properties.fileImport().maxAttempts()));
        run.count("failed", exhausted.size());

        List<Long> interrupted = jdbc.sql("""
                        select id from import_batch
                        where status in ('QUEUED', 'RUNNING') and heartbeat_at < :staleBefore
                        order by created_at, id
                        """)
                .param("staleBefore", staleBefore)
                .query(Long.class).list();
        interrupted.forEach(worker::submit);
        run.count("resumed", interrupted.size());
        return interrupted;
    }
}
