package io.cupboard.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.Role;
import io.cupboard.intake.file.FileFormat;
import io.cupboard.intake.file.FileInspector;
import io.cupboard.intake.file.LeadFiles;
import io.cupboard.intake.file.SourceRecord;
import io.cupboard.intake.file.UnreadableFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The steps of a file import that people take: upload, mapping with a preview, start, and cancel
 * or resume. The import itself runs in the background ({@link ImportWorker}).
 */
@Service
public class ImportBatches {

    private static final Logger log = LoggerFactory.getLogger(ImportBatches.class);

    private static final String SELECT = """
            select b.id, b.source_id, s.name as source_name, b.file_name, b.file_size, b.checksum, b.format, b.encoding,
                   b.delimiter, b.headers::text as headers, b.field_mapping::text as field_mapping, b.status, b.records_total,
                   b.imported_count, b.merged_count, b.reopened_count, b.duplicate_count, b.rejected_count, b.blocked_count,
                   b.blank_count, b.created_at, b.created_by, u.display_name as created_by_name, b.started_at, b.finished_at,
                   b.failure
            from import_batch b
            join intake_source s on s.id = b.source_id
            join app_user u on u.id = b.created_by
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final StoredFiles files;
    private final IntakeSources sources;
    private final ImportWorker worker;
    private final Clock clock;

    ImportBatches(JdbcClient jdbc, JsonMapper json, StoredFiles files, IntakeSources sources, ImportWorker worker, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.files = files;
        this.sources = sources;
        this.worker = worker;
        this.clock = clock;
    }

    /**
     * Stores an uploaded file, detects its format, reads its header and counts its records, and
     * proposes a column mapping. The batch waits in status MAPPING.
     *
     * @throws UnreadableFileException when the file is no lead file this application reads
     * @throws IntakeRuleException     when the source is inactive or the file has no data records
     */
    @Transactional
    public long upload(long sourceId, String fileName, InputStreamSource file, CurrentUser user) throws IOException {
        IntakeSource source = sources.find(sourceId).filter(IntakeSource::active)
                .orElseThrow(() -> new IntakeRuleException("intake.upload.error.source", "Source " + sourceId + " is missing or inactive"));
        String name = fileName == null || fileName.isBlank() ? "upload" : truncate(fileName.strip(), 255);
        long batchId = jdbc.sql("""
                        insert into import_batch (source_id, file_name, file_size, checksum, format, headers, status, created_at, created_by)
                        values (:sourceId, :fileName, 0, repeat('0', 64), 'CSV', '[]', 'MAPPING', :now, :userId)
                        returning id
                        """)
                .param("sourceId", sourceId)
                .param("fileName", name)
                .param("now", Timestamp.from(clock.instant()))
                .param("userId", user.id())
                .query(Long.class).single();

        StoredFiles.Stored stored;
        try (InputStream input = file.getInputStream()) {
            stored = files.store(batchId, input, FileInspector.SAMPLE_SIZE);
        }
        FileFormat format = FileInspector.inspect(stored.sample(), stored.sampleIsWholeFile(), name);
        FileShape shape = readShape(batchId, format);
        if (shape.records() == 0) {
            throw new IntakeRuleException("intake.upload.error.noRecords", "The file has a header but no records");
        }
        ColumnMapping proposed = ColumnMapping.propose(shape.headers(), source.fieldMapping());
        jdbc.sql("""
                        update import_batch
                        set file_size = :size, checksum = :checksum, format = :format, encoding = :encoding, delimiter = :delimiter,
                            headers = cast(:headers as jsonb), field_mapping = cast(:mapping as jsonb), records_total = :records
                        where id = :id
                        """)
                .param("size", stored.size())
                .param("checksum", stored.checksum())
                .param("format", format.kind().name())
                .param("encoding", format.charset() == null ? null : format.charset().name())
                .param("delimiter", format.kind() == FileFormat.Kind.CSV ? String.valueOf(format.delimiter()) : null)
                .param("headers", json.writeValueAsString(shape.headers()))
                .param("mapping", mappingJson(proposed))
                .param("records", shape.records())
                .param("id", batchId)
                .update();
        log.info("Import batch {} uploaded by user {}: {} bytes, {} {}, {} records", batchId, user.id(), stored.size(),
                format.kind(), format.charset() == null ? "" : format.charset().name(), shape.records());
        return batchId;
    }

    /** Returns a batch the user may see, or throws {@link ImportNotFoundException}. */
    @Transactional(readOnly = true)
    public ImportBatch batch(long batchId, CurrentUser user) {
        ImportBatch batch = jdbc.sql(SELECT + " where b.id = ?").param(batchId).query(this::batch).optional()
                .orElseThrow(() -> new ImportNotFoundException(batchId));
        if (!mayAccess(batch, user)) {
            throw new ImportNotFoundException(batchId);
        }
        return batch;
    }

    /** Returns the latest batches the user may see: a team lead's own, every batch for managers and admins. */
    @Transactional(readOnly = true)
    public List<ImportBatch> recent(CurrentUser user, int limit) {
        if (user.is(Role.MANAGER) || user.is(Role.ADMIN)) {
            return jdbc.sql(SELECT + " order by b.created_at desc, b.id desc limit ?").param(limit).query(this::batch).list();
        }
        return jdbc.sql(SELECT + " where b.created_by = ? order by b.created_at desc, b.id desc limit ?")
                .params(user.id(), limit).query(this::batch).list();
    }

    /** Returns an earlier import of the same file (by checksum) that was not cancelled, if any. */
    @Transactional(readOnly = true)
    public Optional<ImportBatch> earlierImportOfSameFile(ImportBatch batch) {
        return jdbc.sql(SELECT + """
                         where b.checksum = :checksum and b.id <> :id and b.status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')
                         order by b.created_at desc limit 1
                        """)
                .param("checksum", batch.checksum())
                .param("id", batch.id())
                .query(this::batch).optional();
    }

    /**
     * Returns the first records as the import would save them with the given mapping, each with
     * its validation result and what would happen to it now.
     */
    @Transactional(readOnly = true)
    public List<PreviewRow> preview(long batchId, ColumnMapping mapping, int rows, CurrentUser user) {
        ImportBatch batch = batch(batchId, user);
        IntakeSource source = sources.find(batch.sourceId()).orElseThrow();
        List<SourceRecord> records = firstRecords(batchId, rows);
        return worker.preview(records, mapping, source);
    }

    /**
     * Starts the import with the confirmed mapping, and remembers the mapping for the source.
     *
     * @throws IntakeRuleException when the batch is not waiting for its mapping, or the mapping
     *                             maps neither a name nor a phone column
     */
    @Transactional
    public void start(long batchId, ColumnMapping mapping, CurrentUser user) {
        ImportBatch batch = batch(batchId, user);
        if (!mapping.coversNameOrPhone()) {
            throw new IntakeRuleException("intake.mapping.error.nameOrPhone", "The mapping has neither a name nor a phone column");
        }
        int updated = jdbc.sql("""
                        update import_batch set status = 'QUEUED', field_mapping = cast(:mapping as jsonb), heartbeat_at = :now,
                                                version = version + 1
                        where id = :id and status = 'MAPPING'
                        """)
                .param("mapping", mappingJson(mapping))
                .param("now", Timestamp.from(clock.instant()))
                .param("id", batchId)
                .update();
        if (updated == 0) {
            throw new IntakeRuleException("intake.batch.error.started", "Batch " + batchId + " is not waiting for its mapping");
        }
        sources.rememberMapping(batch.sourceId(), mapping.headersByField(batch.headers()));
        log.info("Import batch {} queued by user {}", batchId, user.id());
        submitAfterCommit(batchId);
    }

    /** Stops a batch that has not finished; records already imported stay. */
    @Transactional
    public void cancel(long batchId, CurrentUser user) {
        batch(batchId, user);
        int updated = jdbc.sql("""
                        update import_batch set status = 'CANCELLED', finished_at = :now, version = version + 1
                        where id = :id and status in ('MAPPING', 'QUEUED', 'RUNNING', 'FAILED')
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", batchId)
                .update();
        if (updated == 0) {
            throw new IntakeRuleException("intake.batch.error.finished", "Batch " + batchId + " has finished");
        }
        files.delete(batchId);
        log.info("Import batch {} cancelled by user {}", batchId, user.id());
    }

    /** Queues a failed batch again; it continues after the last committed record. */
    @Transactional
    public void resume(long batchId, CurrentUser user) {
        batch(batchId, user);
        int updated = jdbc.sql("""
                        update import_batch set status = 'QUEUED', failure = null, finished_at = null, attempts = 0,
                                                heartbeat_at = :now, version = version + 1
                        where id = :id and status = 'FAILED'
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", batchId)
                .update();
        if (updated == 0 || !files.exists(batchId)) {
            throw new IntakeRuleException("intake.batch.error.notResumable", "Batch " + batchId + " cannot be resumed");
        }
        log.info("Import batch {} resumed by user {}", batchId, user.id());
        submitAfterCommit(batchId);
    }

    /**
     * A rejected or blocked record as the batch page lists it.
     *
     * @param field the field the reason concerns, or null for the whole record
     */
    public record Problem(int recordNumber, Fate fate, LeadField field, RejectionReason reason) {
    }

    /** Returns the first rejected and blocked records of a batch, in record order. */
    @Transactional(readOnly = true)
    public List<Problem> problems(long batchId, CurrentUser user, int limit) {
        batch(batchId, user);
        return jdbc.sql("""
                        select record_number, fate, field, reason from import_row
                        where batch_id = ? and fate in ('REJECTED', 'BLOCKED')
                        order by record_number limit ?
                        """)
                .params(batchId, limit)
                .query((row, number) -> new Problem(row.getInt("record_number"), Fate.valueOf(row.getString("fate")),
                        row.getString("field") == null ? null : LeadField.valueOf(row.getString("field")),
                        RejectionReason.valueOf(row.getString("reason"))))
                .list();
    }

    private void submitAfterCommit(long batchId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                worker.submit(batchId);
            }
        });
    }

    private static boolean mayAccess(ImportBatch batch, CurrentUser user) {
        return user.is(Role.MANAGER) || user.is(Role.ADMIN) || (user.is(Role.TEAM_LEAD) && batch.createdBy() == user.id());
    }

    /** The header of a file and how many data records follow it. */
    private record FileShape(List<String> headers, int records) {
    }

    private FileShape readShape(long batchId, FileFormat format) throws IOException {
        List<String> headers = new ArrayList<>();
        int[] records = {0};
        boolean[] headerRead = {false};
        try (InputStream input = files.open(batchId)) {
            LeadFiles.read(input, format, record -> {
                if (!headerRead[0]) {
                    if (record.isBlank()) {
                        throw new UnreadableFileException("intake.file.error.noHeader", "The first record is blank");
                    }
                    for (String value : record.values()) {
                        String header = ValueCleaner.clean(value);
                        headers.add(header == null ? "" : header);
                    }
                    headerRead[0] = true;
                } else {
                    records[0]++;
                }
                return true;
            });
        }
        if (!headerRead[0]) {
            throw new UnreadableFileException("intake.file.error.empty", "The file has no records");
        }
        return new FileShape(List.copyOf(headers), records[0]);
    }

    private List<SourceRecord> firstRecords(long batchId, int count) {
        ImportWorker.Source file = worker.openSource(batchId);
        List<SourceRecord> records = new ArrayList<>();
        boolean[] headerSkipped = {false};
        try (InputStream input = file.input()) {
            LeadFiles.read(input, file.format(), record -> {
                if (!headerSkipped[0]) {
                    headerSkipped[0] = true;
                    return true;
                }
                records.add(record);
                return records.size() < count;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    private String mappingJson(ColumnMapping mapping) {
        return json.writeValueAsString(mapping.toStored());
    }

    private ColumnMapping readMapping(String text) {
        return ColumnMapping.fromStored(json.readValue(text, new TypeReference<Map<String, Integer>>() {
        }));
    }

    private ImportBatch batch(ResultSet row, int number) throws SQLException {
        List<String> headers = json.readValue(row.getString("headers"), new TypeReference<List<String>>() {
        });
        return new ImportBatch(row.getLong("id"), row.getLong("source_id"), row.getString("source_name"),
                row.getString("file_name"), row.getLong("file_size"), row.getString("checksum"), row.getString("format"),
                row.getString("encoding"), row.getString("delimiter"), headers, readMapping(row.getString("field_mapping")),
                ImportBatch.Status.valueOf(row.getString("status")), row.getInt("records_total"),
                new ImportBatch.Counts(row.getInt("imported_count"), row.getInt("merged_count"), row.getInt("reopened_count"),
                        row.getInt("duplicate_count"), row.getInt("rejected_count"), row.getInt("blocked_count"),
                        row.getInt("blank_count")),
                instant(row, "created_at"), row.getLong("created_by"), row.getString("created_by_name"),
                instant(row, "started_at"), instant(row, "finished_at"), row.getString("failure"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
