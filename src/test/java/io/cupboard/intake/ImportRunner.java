package io.cupboard.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import io.cupboard.identity.CurrentUser;
import org.awaitility.Awaitility;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drives file imports in tests: upload, start with the proposed mapping, and wait for the
 * background run to finish.
 */
final class ImportRunner {

    private final ImportBatches batches;
    private final JdbcClient jdbc;

    ImportRunner(ImportBatches batches, JdbcClient jdbc) {
        this.batches = batches;
        this.jdbc = jdbc;
    }

    /** One record's stored fate. */
    record Row(int recordNumber, Fate fate, Long leadId, String reason, String field) {
    }

    static byte[] sample(String name) {
        try (InputStream input = ImportRunner.class.getResourceAsStream("/samples/" + name)) {
            if (input == null) {
                throw new IllegalStateException("Missing test resource /samples/" + name);
            }
            return input.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long upload(IntakeSource source, String fileName, byte[] content, CurrentUser user) {
        try {
            return batches.upload(source.id(), fileName, new ByteArrayResource(content), user);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads a file, starts it with the proposed mapping and returns the finished batch. */
    ImportBatch importFile(IntakeSource source, String fileName, byte[] content, CurrentUser user) {
        long batchId = upload(source, fileName, content, user);
        batches.start(batchId, batches.batch(batchId, user).mapping(), user);
        return awaitFinished(batchId, user, Duration.ofSeconds(30));
    }

    ImportBatch awaitFinished(long batchId, CurrentUser user, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> batches.batch(batchId, user).status().isFinished());
        return batches.batch(batchId, user);
    }

    List<Row> rows(long batchId) {
        return jdbc.sql("select record_number, fate, lead_id, reason, field from import_row where batch_id = ? order by record_number")
                .param(batchId)
                .query((row, number) -> new Row(row.getInt("record_number"), Fate.valueOf(row.getString("fate")),
                        (Long) row.getObject("lead_id"), row.getString("reason"), row.getString("field")))
                .list();
    }

    String phoneOf(long leadId) {
        return jdbc.sql("select phone_e164 from lead where id = ?").param(leadId).query(String.class).single();
    }
}
