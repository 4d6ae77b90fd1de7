package io.cupboard.intake;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.Role;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import io.cupboard.support.MutableClock;
import io.cupboard.support.TestTimes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file of 100,000 records imports in the background with every record accounted for, while the
 * heap that stays live (measured after a garbage collection every five seconds) grows by far less
 * than the parsed file would take. It shares the sample files' database, so its 100,000 leads,
 * which no allocation rule matches, never reach other tests' pool and wave jobs.
 */
@IntegrationTest
@TestPropertySource(properties = "cupboard.database.embedded.database-name=cupboard_intake_samples")
class LargeImportTest {

    private static final Logger log = LoggerFactory.getLogger(LargeImportTest.class);
    private static final int RECORDS = 100_000;
    /** Live heap the import may add; holding the parsed file would take several times this. */
    private static final long MAX_LIVE_HEAP_GROWTH = 64L * 1024 * 1024;

    @Autowired
    ImportBatches batches;

    @Autowired
    IntakeSources sources;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void hundredThousandRecordsImportWithBoundedMemory() throws Exception {
        clock.setInstant(TestTimes.TUESDAY_MORNING);
        IntakeSource source = sources.create(Fixtures.unique("bulk"), "ייבוא גדול", IntakeSource.Direction.INBOUND, null);
        CurrentUser teamLead = fixtures.signedIn(fixtures.user(Role.TEAM_LEAD, fixtures.team()));
        Path file = writeFile();
        ImportRunner runner = new ImportRunner(batches, jdbc);

        long batchId = batches.upload(source.id(), "bulk.csv", new FileSystemResource(file), teamLead);
        long baseline = liveHeap();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(liveHeap(), Math::max);
                sleepQuietly(Duration.ofSeconds(5));
            }
        }, "heap-sampler");
        long started = System.nanoTime();
        sampler.start();
        ImportBatch batch;
        try {
            batches.start(batchId, batches.batch(batchId, teamLead).mapping(), teamLead);
            batch = runner.awaitFinished(batchId, teamLead, Duration.ofMinutes(4));
        } finally {
            running.set(false);
            sampler.join();
            Files.deleteIfExists(file);
        }
        log.info("Imported {} records in {} ms; live heap grew by at most {} MB", RECORDS, (System.nanoTime() - started) / 1_000_000,
                (peak.get() - baseline) / (1024 * 1024));

        assertThat(batch.status()).isEqualTo(ImportBatch.Status.COMPLETED);
        assertThat(batch.recordsTotal()).isEqualTo(RECORDS);
        assertThat(batch.counts()).isEqualTo(new ImportBatch.Counts(RECORDS - 1, 0, 0, 0, 1, 0, 0));
        assertThat(jdbc.sql("select count(*) from import_row where batch_id = ?").param(batchId).query(Long.class).single())
                .isEqualTo(RECORDS);
        // Fresh statistics, or the planner may join 100,000 rows by nested scans before autovacuum has run.
        jdbc.sql("analyze import_row, task").update();
        assertThat(jdbc.sql("""
                select count(*) from import_row r join task t on t.lead_id = r.lead_id and t.state = 'OPEN' and t.type = 'FIRST_CONTACT'
                where r.batch_id = ? and r.fate = 'IMPORTED'
                """).param(batchId).query(Long.class).single()).isEqualTo(RECORDS - 1);
        assertThat(peak.get() - baseline).isLessThan(MAX_LIVE_HEAP_GROWTH);
    }

    /** Writes the file line by line, with numbers from 053-900-0000 that no sample file has and one invalid phone. */
    private static Path writeFile() throws IOException {
        Path file = Files.createTempFile(Path.of("target"), "bulk-", ".csv");
        long base = 9_000_000L;
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write("שם מלא,טלפון,דוא\"ל,עיר,הערות\r\n");
            for (int i = 0; i < RECORDS; i++) {
                String phone = i == 50_000 ? "12345" : "053" + String.format("%07d", base + i);
                writer.write("ליד " + i + "," + phone + ",lead" + i + "@example.com,תל אביב,שורה " + i + "\r\n");
            }
        }
        return file;
    }

    private static long liveHeap() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
