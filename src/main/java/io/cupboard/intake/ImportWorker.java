package io.cupboard.intake;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.cupboard.intake.file.FileFormat;
import io.cupboard.intake.file.FileInspector;
import io.cupboard.intake.file.LeadFiles;
import io.cupboard.intake.file.SourceRecord;
import io.cupboard.intake.file.UnreadableFileException;
import io.cupboard.lead.LeadAdmission;
import io.cupboard.lead.LeadArrival;
import io.cupboard.lead.LeadIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs file imports in the background. A run claims its batch in the database, streams the stored
 * file and commits the records in chunks: each chunk's leads, tasks, allocations, fates and the
 * batch's counters in one transaction. A crash therefore loses at most the chunk in flight, and no
 * lead exists without its fate; a later run on any instance resumes after the last committed
 * record (see {@link ImportRecovery}).
 */
@Service
public class ImportWorker {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

    /** Identifies this application instance as the owner of the batches it runs. */
    static final String WORKER_ID = UUID.randomUUID().toString();
    /** Tries of one chunk that a deadlock or lock timeout rolled back, before the batch fails. */
    private static final int CHUNK_ATTEMPTS = 3;

    /** A chunk's fates in one statement, from arrays. */
    private static final String INSERT_ROWS = """
            insert into import_row (batch_id, record_number, fate, lead_id, reason, field, raw_values)
            select :batchId, record_number, fate, lead_id, reason, field, cast(raw_values as jsonb)
            from unnest(cast(:recordNumbers as integer[]), cast(:fates as varchar[]), cast(:leadIds as bigint[]),
                        cast(:reasons as varchar[]), cast(:fields as varchar[]), cast(:rawValues as text[]))
                 as fate(record_number, fate, lead_id, reason, field, raw_values)
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final StoredFiles files;
    private final IntakeSources sources;
    private final LeadValidator validator;
    private final IntakeAdmissions admissions;
    private final LeadIntake leadIntake;
    private final TransactionTemplate transactions;
    private final Executor executor;
    private final IntakeProperties properties;
    private final Clock clock;

    ImportWorker(JdbcClient jdbc, JsonMapper json, StoredFiles files, IntakeSources sources,
                 LeadValidator validator, IntakeAdmissions admissions, LeadIntake leadIntake, TransactionTemplate transactions,
                 @Qualifier(ImportExecutorConfiguration.EXECUTOR) Executor executor, IntakeProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.files = files;
        this.sources = sources;
        this.validator = validator;
        this.admissions = admissions;
        this.leadIntake = leadIntake;
        this.transactions = transactions;
        this.executor = executor;
        this.properties = properties;
        this.clock = clock;
    }

    /** A stored file opened for reading, with its detected format. */
    record Source(FileFormat format, InputStream input) {
    }

    /**
     * Runs a batch on the import threads. When they are all busy and the queue is full, the batch
     * stays QUEUED in the database and recovery starts it later.
     */
    public void submit(long batchId) {
        try {
            executor.execute(() -> run(batchId));
        } catch (RejectedExecutionException e) {
            log.warn("Import batch {} waits for recovery: every import thread is busy and the queue is full", batchId);
        }
    }

    /**
     * Claims a queued batch, or a running one whose run stopped committing (a crash), and imports
     * its records after the last committed one. Returns whether this call ran the batch; a batch
     * that another run owns, or that is finished, is left alone.
     */
    public boolean run(long batchId) {
        if (!claim(batchId)) {
            return false;
        }
        long started = System.nanoTime();
        try {
            Batch batch = loadBatch(batchId);
            IntakeSource source = sources.find(batch.sourceId()).orElseThrow();
            log.info("Import batch {} started on worker {} after record {}", batchId, WORKER_ID, batch.lastRecordNumber());
            ChunkReader reader = new ChunkReader(batch, source);
            Source file = openSource(batchId);
            try (InputStream input = file.input()) {
                LeadFiles.read(input, file.format(), reader);
            }
            reader.flush();
            complete(batchId);
            log.info("Import batch {} completed in {} ms", batchId, (System.nanoTime() - started) / 1_000_000);
        } catch (LostClaimException e) {
            log.info("Import batch {} stopped: it was cancelled or another run took it over", batchId);
        } catch (UnreadableFileException e) {
            log.warn("Import batch {} failed: {}", batchId, e.getMessage());
            fail(batchId, e.messageKey());
        } catch (IOException | RuntimeException e) {
            log.error("Import batch {} failed; the records before the failure are imported", batchId, e);
            fail(batchId, "intake.batch.failure.unexpected");
        }
        return true;
    }

    /** Opens a stored file and detects its format again from its first bytes. */
    Source openSource(long batchId) {
        byte[] sample;
        try (InputStream head = files.open(batchId)) {
            sample = head.readNBytes(FileInspector.SAMPLE_SIZE + 1);
        } catch (IOException e) {
            throw new IllegalStateException("Reading stored file of batch " + batchId + " failed", e);
        }
        boolean complete = sample.length <= FileInspector.SAMPLE_SIZE;
        byte[] inspected = complete ? sample : java.util.Arrays.copyOf(sample, FileInspector.SAMPLE_SIZE);
        String fileName = jdbc.sql("select file_name from import_batch where id = ?").param(batchId).query(String.class).single();
        return new Source(FileInspector.inspect(inspected, complete, fileName), files.open(batchId));
    }

    /** Validates records and foresees their fates without changing anything. */
    List<PreviewRow> preview(List<SourceRecord> records, ColumnMapping mapping, IntakeSource source) {
        List<PreviewRow> rows = new ArrayList<>(records.size());
        List<LeadArrival> arrivals = new ArrayList<>();
        List<Integer> arrivalRows = new ArrayList<>();
        Map<String, Long> delivered = deliveredKeys(records, mapping, source);
        // A record delivered again further down the same file is a duplicate, as the import finds it.
        Set<String> deliveredInFile = new HashSet<>();
        for (SourceRecord record : records) {
            if (record.isBlank()) {
                rows.add(new PreviewRow(record.number(), null, null, null, Fate.BLANK, null, null));
                continue;
            }
            LeadValidator.Result result = validator.validate(mapping.toInput(record), source);
            if (!result.isValid()) {
                rows.add(new PreviewRow(record.number(), null, null, null, Fate.REJECTED, result.firstProblem(), null));
                continue;
            }
            ValidLead lead = result.lead();
            String key = deliveryKey(record, lead, source);
            if (delivered.containsKey(key) || !deliveredInFile.add(key)) {
                rows.add(new PreviewRow(record.number(), lead.contact(), lead.inquiredAt(), lead.note(), Fate.DUPLICATE, null,
                        delivered.get(key)));
                continue;
            }
            arrivalRows.add(rows.size());
            arrivals.add(new LeadArrival(lead.contact(), lead.inquiredAt(), "import", lead.note(), Map.of()));
            rows.add(new PreviewRow(record.number(), lead.contact(), lead.inquiredAt(), lead.note(), Fate.IMPORTED, null, null));
        }
        List<LeadAdmission> foreseen = leadIntake.foresee(arrivals);
        for (int i = 0; i < foreseen.size(); i++) {
            PreviewRow row = rows.get(arrivalRows.get(i));
            LeadAdmission admission = foreseen.get(i);
            Fate fate = switch (admission.disposition()) {
                case CREATED -> Fate.IMPORTED;
                case MERGED -> Fate.MERGED;
                case REOPENED -> Fate.REOPENED;
                case BLOCKED_DO_NOT_CALL, BLOCKED_REGISTRY -> Fate.BLOCKED;
            };
            FieldProblem problem = switch (admission.disposition()) {
                case BLOCKED_DO_NOT_CALL -> new FieldProblem(LeadField.PHONE, RejectionReason.DO_NOT_CALL);
                case BLOCKED_REGISTRY -> new FieldProblem(LeadField.PHONE, RejectionReason.REGISTRY);
                default -> null;
            };
            rows.set(arrivalRows.get(i), new PreviewRow(row.recordNumber(), row.contact(), row.inquiredAt(), row.note(), fate,
                    problem, admission.leadId()));
        }
        return rows;
    }

    private Map<String, Long> deliveredKeys(List<SourceRecord> records, ColumnMapping mapping, IntakeSource source) {
        List<String> keys = new ArrayList<>();
        for (SourceRecord record : records) {
            LeadValidator.Result result = record.isBlank() ? null : validator.validate(mapping.toInput(record), source);
            if (result != null && result.isValid()) {
                keys.add(deliveryKey(record, result.lead(), source));
            }
        }
        Map<String, Long> delivered = new HashMap<>();
        if (!keys.isEmpty()) {
            jdbc.sql("select delivery_key, lead_id from intake_delivery where delivery_key = any(cast(:keys as varchar[]))")
                    .param("keys", keys.toArray(String[]::new))
                    .query(row -> {
                        delivered.put(row.getString("delivery_key"), row.getLong("lead_id"));
                    });
        }
        return delivered;
    }

    private static String deliveryKey(SourceRecord record, ValidLead lead, IntakeSource source) {
        String externalId = lead.contact().externalId();
        return externalId == null ? IntakeAdmissions.recordKey(record.values()) : IntakeAdmissions.externalIdKey(source.id(), externalId);
    }

    /**
     * Takes a batch for this instance: a queued one, or a running one whose last commit is older
     * than the stale limit, as long as it has attempts left.
     */
    private boolean claim(long batchId) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        update import_batch
                        set status = 'RUNNING', worker_id = :worker, heartbeat_at = :now, started_at = coalesce(started_at, :now),
                            attempts = attempts + 1, version = version + 1
                        where id = :id and attempts < :maxAttempts
                          and (status = 'QUEUED' or (status = 'RUNNING' and heartbeat_at < :staleBefore))
                        """)
                .param("worker", WORKER_ID)
                .param("now", Timestamp.from(now))
                .param("id", batchId)
                .param("maxAttempts", properties.fileImport().maxAttempts())
                .param("staleBefore", Timestamp.from(now.minus(properties.fileImport().staleAfter())))
                .update() == 1;
    }

    private void complete(long batchId) {
        transactions.executeWithoutResult(status -> {
            int updated = jdbc.sql("""
                            update import_batch set status = 'COMPLETED', finished_at = :now, heartbeat_at = :now, version = version + 1
                            where id = :id and worker_id = :worker and status = 'RUNNING'
                            """)
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", batchId)
                    .param("worker", WORKER_ID)
                    .update();
            if (updated == 0) {
                throw new LostClaimException();
            }
            // The rejected records keep their values in import_row; the file is no longer needed.
            files.delete(batchId);
        });
    }

    private void fail(long batchId, String failureKey) {
        jdbc.sql("""
                        update import_batch set status = 'FAILED', failure = :failure, finished_at = :now, version = version + 1
                        where id = :id and worker_id = :worker and status = 'RUNNING'
                        """)
                .param("failure", failureKey)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", batchId)
                .param("worker", WORKER_ID)
                .update();
    }

    /** The stored settings of a batch that a run needs. */
    private record Batch(long id, long sourceId, long createdBy, ColumnMapping mapping, int lastRecordNumber) {
    }

    private Batch loadBatch(long batchId) {
        return jdbc.sql("select id, source_id, created_by, field_mapping::text as mapping, last_record_number from import_batch where id = ?")
                .param(batchId)
                .query((row, number) -> new Batch(row.getLong("id"), row.getLong("source_id"), row.getLong("created_by"),
                        ColumnMapping.fromStored(json.readValue(row.getString("mapping"), new TypeReference<Map<String, Integer>>() {
                        })), row.getInt("last_record_number")))
                .single();
    }

    /** Collects the records after the header and the last committed record into chunks, and imports each. */
    private final class ChunkReader implements io.cupboard.intake.file.RecordVisitor {

        private final Batch batch;
        private final IntakeSource source;
        private final List<SourceRecord> chunk = new ArrayList<>();
        private boolean headerSeen;

        ChunkReader(Batch batch, IntakeSource source) {
            this.batch = batch;
            this.source = source;
        }

        @Override
        public boolean visit(SourceRecord record) {
            if (!headerSeen) {
                headerSeen = true;
                return true;
            }
            if (record.number() <= batch.lastRecordNumber()) {
                return true;
            }
            chunk.add(record);
            if (chunk.size() >= properties.fileImport().chunkSize()) {
                flush();
            }
            return true;
        }

        void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            List<SourceRecord> records = List.copyOf(chunk);
            chunk.clear();
            for (int attempt = 1; ; attempt++) {
                try {
                    transactions.executeWithoutResult(status -> importChunk(batch, source, records));
                    return;
                } catch (ConcurrencyFailureException e) {
                    // A deadlock with another transaction (allocation locks teams' rows) rolled the whole chunk back.
                    if (attempt >= CHUNK_ATTEMPTS) {
                        throw e;
                    }
                    log.warn("Import batch {} retries records {} to {} after a concurrency failure: {}", batch.id(),
                            records.get(0).number(), records.get(records.size() - 1).number(), e.getMessage());
                }
            }
        }
    }

    /** Imports one chunk: validation, admission and allocation, every record's fate, the batch counters. */
    private void importChunk(Batch batch, IntakeSource source, List<SourceRecord> records) {
        List<RecordFate> fates = new ArrayList<>(records.size());
        List<IntakeAdmissions.Delivery> deliveries = new ArrayList<>();
        List<Integer> deliveredAt = new ArrayList<>();
        for (SourceRecord record : records) {
            if (record.isBlank()) {
                fates.add(new RecordFate(record, Fate.BLANK, null, null, false));
                continue;
            }
            LeadValidator.Result result = validator.validate(batch.mapping().toInput(record), source);
            if (!result.isValid()) {
                fates.add(new RecordFate(record, Fate.REJECTED, null, result.firstProblem(), true));
                continue;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("batchId", batch.id());
            details.put("record", record.number());
            deliveries.add(new IntakeAdmissions.Delivery(result.lead(), deliveryKey(record, result.lead(), source), details));
            deliveredAt.add(fates.size());
            fates.add(null);
        }

        List<IntakeAdmissions.Outcome> outcomes = admissions.admit(deliveries, "import", batch.createdBy());
        for (int i = 0; i < outcomes.size(); i++) {
            IntakeAdmissions.Outcome outcome = outcomes.get(i);
            int position = deliveredAt.get(i);
            FieldProblem problem = outcome.reason() == null ? null : new FieldProblem(LeadField.PHONE, outcome.reason());
            fates.set(position, new RecordFate(records.get(position), outcome.fate(), outcome.leadId(), problem, false));
        }
        insertFates(batch.id(), fates);
        updateCounters(batch, fates, records.get(records.size() - 1).number());
    }

    /** One record's fate before it is stored; only rejected records keep their values. */
    private record RecordFate(SourceRecord record, Fate fate, Long leadId, FieldProblem problem, boolean keepValues) {
    }

    private void insertFates(long batchId, List<RecordFate> fates) {
        int count = fates.size();
        Integer[] recordNumbers = new Integer[count];
        String[] names = new String[count];
        Long[] leadIds = new Long[count];
        String[] reasons = new String[count];
        String[] fields = new String[count];
        String[] rawValues = new String[count];
        for (int i = 0; i < count; i++) {
            RecordFate fate = fates.get(i);
            recordNumbers[i] = fate.record().number();
            names[i] = fate.fate().name();
            leadIds[i] = fate.leadId();
            reasons[i] = fate.problem() == null ? null : fate.problem().reason().name();
            fields[i] = fate.problem() == null || fate.problem().field() == null ? null : fate.problem().field().name();
            rawValues[i] = fate.keepValues() ? json.writeValueAsString(fate.record().values()) : null;
        }
        jdbc.sql(INSERT_ROWS)
                .param("batchId", batchId)
                .param("recordNumbers", recordNumbers)
                .param("fates", names)
                .param("leadIds", leadIds)
                .param("reasons", reasons)
                .param("fields", fields)
                .param("rawValues", rawValues)
                .update();
    }

    private void updateCounters(Batch batch, List<RecordFate> fates, int lastRecordNumber) {
        Map<Fate, Integer> counts = new EnumMap<>(Fate.class);
        fates.forEach(fate -> counts.merge(fate.fate(), 1, Integer::sum));
        int updated = jdbc.sql("""
                        update import_batch
                        set imported_count = imported_count + :imported, merged_count = merged_count + :merged,
                            reopened_count = reopened_count + :reopened, duplicate_count = duplicate_count + :duplicate,
                            rejected_count = rejected_count + :rejected, blocked_count = blocked_count + :blocked,
                            blank_count = blank_count + :blank, last_record_number = :last, heartbeat_at = :now
                        where id = :id and worker_id = :worker and status = 'RUNNING'
                        """)
                .param("imported", counts.getOrDefault(Fate.IMPORTED, 0))
                .param("merged", counts.getOrDefault(Fate.MERGED, 0))
                .param("reopened", counts.getOrDefault(Fate.REOPENED, 0))
                .param("duplicate", counts.getOrDefault(Fate.DUPLICATE, 0))
                .param("rejected", counts.getOrDefault(Fate.REJECTED, 0))
                .param("blocked", counts.getOrDefault(Fate.BLOCKED, 0))
                .param("blank", counts.getOrDefault(Fate.BLANK, 0))
                .param("last", lastRecordNumber)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", batch.id())
                .param("worker", WORKER_ID)
                .update();
        if (updated == 0) {
            // Cancelled, or taken over after this run stalled: roll the chunk back and stop.
            throw new LostClaimException();
        }
    }

    /** The batch is no longer this run's: it was cancelled or another run resumed it. */
    static final class LostClaimException extends RuntimeException {

        LostClaimException() {
            super("The import batch is no longer claimed by this run", null, false, false);
        }
    }
}
