package io.cupboard.intake;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.Role;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import io.cupboard.support.MutableClock;
import io.cupboard.support.TestTimes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample lead files with their documented results, imported into one empty database. The
 * Meta export comes before the Windows-1255 file, so it shows its results on its own, and the
 * Windows-1255 file's record 3 is then the cross-file duplicate of the Meta record 2.
 */
@IntegrationTest
@TestPropertySource(properties = "cupboard.database.embedded.database-name=cupboard_intake_samples")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleFilesImportTest {

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

    private ImportRunner runner;
    private IntakeSource source;
    private CurrentUser teamLead;

    @BeforeAll
    void createSourceAndUser() {
        clock.setInstant(TestTimes.TUESDAY_MORNING);
        runner = new ImportRunner(batches, jdbc);
        source = sources.create("samples", "קבצים לדוגמה", IntakeSource.Direction.INBOUND, null);
        teamLead = fixtures.signedIn(fixtures.user(Role.TEAM_LEAD, fixtures.team()));
    }

    @AfterAll
    void resetClock() {
        clock.reset();
    }

    @Test
    @Order(1)
    void utf8WithBomImportsFiveLeads() {
        ImportBatch batch = runner.importFile(source, "leads_utf8_bom.csv", ImportRunner.sample("leads_utf8_bom.csv"), teamLead);

        assertThat(batch.status()).isEqualTo(ImportBatch.Status.COMPLETED);
        assertThat(batch.headers().get(0)).isEqualTo("first_name");
        assertThat(batch.mapping().column(LeadField.FIRST_NAME)).isZero();
        assertThat(batch.recordsTotal()).isEqualTo(5);
        assertThat(batch.counts()).isEqualTo(new ImportBatch.Counts(5, 0, 0, 0, 0, 0, 0));
        assertThat(phones(batch)).containsExactly("+972542234567", "+972528765432", "+972533344556", "+972542233445", "+972506789012");
        assertThat(lead(batch, 4)).containsEntry("full_name", "אֱלִיאוֹר קדוש").containsEntry("city", "באר שבע");
        assertThat(lead(batch, 5)).containsEntry("email", "Rina.Sasson@Example.com").containsEntry("phone_display", "054-223-3445");
        assertThat(note(batch, 5)).isEqualTo("חזרה אחרי 17:00 🙂");
        assertThat(lead(batch, 3)).containsEntry("city", "ת\"א");
    }

    @Test
    @Order(2)
    void emailMatchesCaseInsensitively() {
        byte[] file = "name,email\nרינה ששון,rina.sasson@example.com\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        ImportBatch batch = runner.importFile(source, "rina.csv", file, teamLead);

        assertThat(batch.counts().merged()).isEqualTo(1);
        assertThat(runner.phoneOf(runner.rows(batch.id()).get(0).leadId())).isEqualTo("+972542233445");
    }

    @Test
    @Order(3)
    void windows1255PreviewShowsFates() {
        long batchId = runner.upload(source, "leads_excel_1255.csv", ImportRunner.sample("leads_excel_1255.csv"), teamLead);
        ImportBatch batch = batches.batch(batchId, teamLead);

        List<PreviewRow> preview = batches.preview(batchId, batch.mapping(), 10, teamLead);

        assertThat(batch.encoding()).isEqualTo("windows-1255");
        assertThat(batch.headers()).containsExactly("שם פרטי", "שם משפחה", "טלפון", "אימייל", "עיר", "הערות");
        assertThat(preview).extracting(PreviewRow::fate).containsExactly(Fate.IMPORTED, Fate.IMPORTED, Fate.REJECTED, Fate.IMPORTED);
        assertThat(preview.get(0).contact().phone().e164()).isEqualTo("+972543216549");
        assertThat(preview.get(1).contact().phone().e164()).isEqualTo("+972523456789");
        assertThat(preview.get(2).problem()).isEqualTo(new FieldProblem(LeadField.PHONE, RejectionReason.PHONE_SCIENTIFIC_NOTATION));
        assertThat(preview.get(3).contact().phone().e164()).isEqualTo("+972504234567");
        assertThat(preview.get(0).note()).isEqualTo("תקציב 5,000 ₪");
        batches.cancel(batchId, teamLead);
    }

    @Test
    @Order(4)
    void metaPreviewShowsRedeliveryAsDuplicate() {
        long batchId = runner.upload(source, "leads_fb_utf16.csv", ImportRunner.sample("leads_fb_utf16.csv"), teamLead);
        ImportBatch batch = batches.batch(batchId, teamLead);

        List<PreviewRow> preview = batches.preview(batchId, batch.mapping(), 10, teamLead);

        assertThat(preview).extracting(PreviewRow::fate).containsExactly(
                Fate.IMPORTED, Fate.IMPORTED, Fate.IMPORTED, Fate.IMPORTED, Fate.REJECTED, Fate.DUPLICATE);
        batches.cancel(batchId, teamLead);
    }

    @Test
    @Order(5)
    void metaExportMatchesDocumentedResult() {
        ImportBatch batch = runner.importFile(source, "leads_fb_utf16.csv", ImportRunner.sample("leads_fb_utf16.csv"), teamLead);
        List<ImportRunner.Row> rows = runner.rows(batch.id());

        assertThat(batch.encoding()).isEqualTo("UTF-16LE");
        assertThat(batch.delimiter()).isEqualTo("\t");
        assertThat(batch.counts()).isEqualTo(new ImportBatch.Counts(4, 0, 0, 1, 1, 0, 0));
        assertThat(batch.counts().total()).isEqualTo(batch.recordsTotal()).isEqualTo(6);
        assertThat(rows).extracting(ImportRunner.Row::fate).containsExactly(
                Fate.IMPORTED, Fate.IMPORTED, Fate.IMPORTED, Fate.IMPORTED, Fate.REJECTED, Fate.DUPLICATE);
        assertThat(lead(batch, 2)).containsEntry("phone_e164", "+972523456789").containsEntry("external_id", "1200000000000001")
                .containsEntry("campaign", "קמפיין לידים מרץ");
        assertThat(createdAt(batch, 2)).isEqualTo(Instant.parse("2026-03-26T12:05:11Z"));
        assertThat(lead(batch, 3)).containsEntry("phone_e164", "+972584567890");
        assertThat(createdAt(batch, 3)).isEqualTo(Instant.parse("2026-03-26T23:59:30Z"));
        assertThat(lead(batch, 4)).containsEntry("phone_e164", "+972547654321").containsEntry("full_name", "אלה ג׳אבר");
        assertThat(createdAt(batch, 4)).isEqualTo(Instant.parse("2026-03-27T00:00:30Z"));
        assertThat(lead(batch, 5)).containsEntry("phone_e164", "+972505567890");
        assertThat(rows.get(4)).extracting(ImportRunner.Row::reason).isEqualTo("TEST_LEAD");
        assertThat(rows.get(5).leadId()).isEqualTo(rows.get(0).leadId());
    }

    @Test
    @Order(6)
    void windows1255RecordThreeIsDuplicate() {
        ImportBatch batch = runner.importFile(source, "leads_excel_1255.csv", ImportRunner.sample("leads_excel_1255.csv"), teamLead);
        List<ImportRunner.Row> rows = runner.rows(batch.id());

        assertThat(batch.counts()).isEqualTo(new ImportBatch.Counts(2, 1, 0, 0, 1, 0, 0));
        assertThat(batch.counts().imported() + batch.counts().duplicates() + batch.counts().rejected()).isEqualTo(4);
        assertThat(rows).extracting(ImportRunner.Row::fate).containsExactly(Fate.IMPORTED, Fate.MERGED, Fate.REJECTED, Fate.IMPORTED);
        assertThat(runner.phoneOf(rows.get(0).leadId())).isEqualTo("+972543216549");
        assertThat(runner.phoneOf(rows.get(1).leadId())).isEqualTo("+972523456789");
        assertThat(runner.phoneOf(rows.get(3).leadId())).isEqualTo("+972504234567");
        assertThat(rows.get(2)).extracting(ImportRunner.Row::reason, ImportRunner.Row::field)
                .containsExactly("PHONE_SCIENTIFIC_NOTATION", "PHONE");
        assertThat(jdbc.sql("select count(*) from lead where phone_e164 = '+972523456789'").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select kind from activity where lead_id = ? and kind in ('CREATED', 'INQUIRY') order by id")
                .param(rows.get(1).leadId()).query(String.class).list())
                .containsExactly("CREATED", "INQUIRY");
    }

    @Test
    @Order(7)
    void xlsxImportsFiveLeadsAndSkipsBlankRow() {
        ImportBatch batch = runner.importFile(source, "leads.xlsx", ImportRunner.sample("leads.xlsx"), teamLead);
        List<ImportRunner.Row> rows = runner.rows(batch.id());

        assertThat(batch.format()).isEqualTo("XLSX");
        assertThat(batch.counts()).isEqualTo(new ImportBatch.Counts(5, 0, 0, 0, 0, 0, 1));
        assertThat(batch.counts().total()).isEqualTo(batch.recordsTotal()).isEqualTo(6);
        assertThat(rows).extracting(ImportRunner.Row::recordNumber).containsExactly(2, 3, 4, 5, 6, 7);
        assertThat(rows.get(4).fate()).isEqualTo(Fate.BLANK);
        assertThat(phones(batch)).containsExactly("+972505123456", "+972505234567", "+972505345678", "+972505456789", "+972502345678");
        assertThat(createdAt(batch, 2)).isEqualTo(Instant.parse("2026-03-26T10:00:00Z"));
        assertThat(createdAt(batch, 3)).isEqualTo(Instant.parse("2026-03-26T10:30:00Z"));
        assertThat(createdAt(batch, 4)).isEqualTo(Instant.parse("2026-03-26T11:00:00Z"));
        assertThat(createdAt(batch, 5)).isEqualTo(Instant.parse("2026-03-26T11:30:00Z"));
        assertThat(createdAt(batch, 7)).isEqualTo(Instant.parse("2026-03-27T06:00:00Z"));
    }

    @Test
    @Order(7)
    void importedLeadsHaveFirstContactTasks() {
        List<Map<String, Object>> withoutTask = jdbc.sql("""
                select l.id from lead l
                where not exists (select 1 from task t where t.lead_id = l.id and t.state = 'OPEN' and t.type = 'FIRST_CONTACT'
                                  and t.sla_deadline_at is not null)
                """).query().listOfRows();

        assertThat(withoutTask).isEmpty();
    }

    private List<String> phones(ImportBatch batch) {
        return jdbc.sql("""
                        select l.phone_e164 from import_row r join lead l on l.id = r.lead_id
                        where r.batch_id = ? and r.fate = 'IMPORTED' order by r.record_number
                        """)
                .param(batch.id()).query(String.class).list();
    }

    private Map<String, Object> lead(ImportBatch batch, int record) {
        return jdbc.sql("""
                        select l.* from import_row r join lead l on l.id = r.lead_id
                        where r.batch_id = ? and r.record_number = ?
                        """)
                .params(batch.id(), record).query().singleRow();
    }

    private Instant createdAt(ImportBatch batch, int record) {
        return ((java.sql.Timestamp) lead(batch, record).get("created_at")).toInstant();
    }

    private String note(ImportBatch batch, int record) {
        return jdbc.sql("""
                        select a.note from import_row r join activity a on a.lead_id = r.lead_id and a.kind = 'CREATED'
                        where r.batch_id = ? and r.record_number = ?
                        """)
                .params(batch.id(), record).query(String.class).single();
    }
}
