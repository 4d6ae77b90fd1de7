package io.cupboard.intake;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cupboard.allocation.AllocationRules;
import io.cupboard.allocation.AllocationStrategy;
import io.cupboard.allocation.RuleDefinition;
import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.Role;
import io.cupboard.identity.User;
import io.cupboard.lead.CallOutcome;
import io.cupboard.lead.DoNotCallList;
import io.cupboard.lead.Lead;
import io.cupboard.lead.OutcomeRequest;
import io.cupboard.lead.Outcomes;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import io.cupboard.support.MutableClock;
import io.cupboard.support.TestTimes;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class FileImportTest {

    @Autowired
    ImportBatches batches;

    @Autowired
    IntakeSources sources;

    @Autowired
    ImportRecovery recovery;

    @Autowired
    RejectedRows rejectedRows;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    DoNotCallList doNotCall;

    @Autowired
    Outcomes outcomes;

    @Autowired
    AllocationRules rules;

    private ImportRunner runner;
    private IntakeSource source;
    private CurrentUser teamLead;

    @BeforeEach
    void createSourceAndUser() {
        clock.setInstant(TestTimes.TUESDAY_MORNING);
        runner = new ImportRunner(batches, jdbc);
        source = sources.create(Fixtures.unique("file"), "רשימה", IntakeSource.Direction.INBOUND, null);
        teamLead = fixtures.signedIn(fixtures.user(Role.TEAM_LEAD, fixtures.team()));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void reuploadOfSameFileCreatesNoDuplicates() {
        byte[] file = csv("שם,טלפון,עיר", List.of(
                row("דנה", phone(), "חיפה"), row("רון", phone(), "עכו"), row("גל", "123", "צפת"), row("נוי", phone(), "")));
        ImportBatch first = runner.importFile(source, "list.csv", file, teamLead);
        long leads = leadCount();

        long secondId = runner.upload(source, "list-again.csv", file, teamLead);
        ImportBatch second = batches.batch(secondId, teamLead);
        assertThat(batches.earlierImportOfSameFile(second)).get().extracting(ImportBatch::id).isEqualTo(first.id());
        batches.start(secondId, second.mapping(), teamLead);
        second = runner.awaitFinished(secondId, teamLead, Duration.ofSeconds(20));

        assertThat(first.counts()).isEqualTo(new ImportBatch.Counts(3, 0, 0, 0, 1, 0, 0));
        assertThat(second.counts()).isEqualTo(new ImportBatch.Counts(0, 0, 0, 3, 1, 0, 0));
        assertThat(leadCount()).isEqualTo(leads);
        assertThat(runner.rows(secondId)).filteredOn(row -> row.fate() == Fate.DUPLICATE)
                .extracting(ImportRunner.Row::leadId)
                .containsExactlyElementsOf(runner.rows(first.id()).stream().filter(row -> row.fate() == Fate.IMPORTED)
                        .map(ImportRunner.Row::leadId).toList());
        assertThat(jdbc.sql("""
                select count(*) from activity a join import_row r on r.lead_id = a.lead_id
                where r.batch_id = ? and a.kind = 'INQUIRY'
                """).param(first.id()).query(Long.class).single()).isZero();
    }

    @Test
    void rejectedRowsDownloadAndImportOnceFixed() throws Exception {
        String good = phone();
        byte[] file = csv("שם,טלפון,הערות", List.of(row("דנה", good, ""), row("=HYPERLINK(\"http://example.com\")", "9.72523E+11",
                "=1+2"), row("", "", "רק הערה")));
        ImportBatch batch = runner.importFile(source, "leads.csv", file, teamLead);

        ByteArrayOutputStream download = new ByteArrayOutputStream();
        rejectedRows.write(batch.id(), teamLead, Locale.forLanguageTag("he"), download);
        String text = download.toString(StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();

        assertThat(text).startsWith("\uFEFF");
        assertThat(rejectedRows.fileName(batch)).isEqualTo("leads-rejected.csv");
        assertThat(records.get(0).values()).containsExactly("שם", "טלפון", "הערות", "סיבת הדחייה");
        assertThat(records).hasSize(3);
        assertThat(records.get(1).values()).containsExactly("'=HYPERLINK(\"http://example.com\")", "9.72523E+11", "'=1+2",
                "טלפון: המספר נשמר בכתיב מדעי (למשל 9.72523E+11) וספרות אבדו. הקלידו את המספר המלא.");
        assertThat(records.get(2).get(3)).isEqualTo("חסרים גם שם וגם טלפון; נדרש לפחות אחד מהם.");

        String fixedPhone = phone();
        String fixed = text.replace("9.72523E+11", fixedPhone).replace("\r\n,,רק הערה", "\r\nנוי,,רק הערה");
        ImportBatch again = runner.importFile(source, "leads-rejected.csv", fixed.getBytes(StandardCharsets.UTF_8), teamLead);

        assertThat(again.counts().imported()).isEqualTo(2);
        assertThat(again.counts().rejected()).isZero();
        assertThat(jdbc.sql("select full_name from lead where phone_e164 = ?").param(e164(fixedPhone)).query(String.class).single())
                .isEqualTo("=HYPERLINK(\"http://example.com\")");
    }

    @Test
    void recordsMatchingLeadsMergeReopenOrBlock() {
        User agent = fixtures.agent(fixtures.team());
        Lead open = fixtures.lead(agent);
        Lead closed = fixtures.lead(agent);
        outcomes.record(closed.getId(), version(closed.getId()), OutcomeRequest.of(CallOutcome.SALE), fixtures.signedIn(agent));
        String blocked = phone();
        doNotCall.add(e164(blocked), DoNotCallList.Reason.REQUESTED, null, clock.instant());
        String fresh = phone();
        byte[] file = csv("name,phone", List.of(row("פתוח", open.getPhoneE164()), row("סגור", closed.getPhoneE164()),
                row("חסום", blocked), row("חדש", fresh), row("חדש שוב", fresh), row("סגור שוב", closed.getPhoneE164())));

        ImportBatch batch = runner.importFile(source, "mixed.csv", file, teamLead);
        List<ImportRunner.Row> rows = runner.rows(batch.id());

        assertThat(rows).extracting(ImportRunner.Row::fate).containsExactly(
                Fate.MERGED, Fate.REOPENED, Fate.BLOCKED, Fate.IMPORTED, Fate.MERGED, Fate.MERGED);
        assertThat(rows.get(0).leadId()).isEqualTo(open.getId());
        assertThat(rows.get(1).leadId()).isEqualTo(closed.getId());
        assertThat(rows.get(2)).extracting(ImportRunner.Row::reason, ImportRunner.Row::field).containsExactly("DO_NOT_CALL", "PHONE");
        assertThat(rows.get(4).leadId()).isEqualTo(rows.get(3).leadId());
        assertThat(rows.get(5).leadId()).isEqualTo(closed.getId());
        assertThat(batch.counts()).isEqualTo(new ImportBatch.Counts(1, 3, 1, 0, 0, 1, 0));
        assertThat(jdbc.sql("select type from lead where id = ?").param(closed.getId()).query(String.class).single()).isEqualTo("RENEWED");
        for (long leadId : List.of(open.getId(), closed.getId(), rows.get(3).leadId())) {
            assertThat(jdbc.sql("select count(*) from task where lead_id = ? and state = 'OPEN'").param(leadId).query(Long.class).single())
                    .as("open tasks of lead %d", leadId).isEqualTo(1);
        }
        assertThat(jdbc.sql("select actor_id from activity where lead_id = ? and kind = 'INQUIRY'").param(open.getId())
                .query(Long.class).single()).isEqualTo(teamLead.id());
    }

    @Test
    void importedLeadsAreAllocatedInTheirTransaction() {
        io.cupboard.identity.Team team = fixtures.team();
        User agent = fixtures.agent(team);
        fixtures.openDay(agent);
        User admin = fixtures.user(Role.ADMIN, null);
        rules.create(new RuleDefinition("ייבוא " + source.code(), List.of(source.code()), List.of(), null, null, team.getId(),
                AllocationStrategy.ROUND_ROBIN, null), fixtures.signedIn(admin));

        ImportBatch batch = runner.importFile(source, "allocate.csv", csv("name,phone", List.of(row("דנה", phone()))), teamLead);
        long leadId = runner.rows(batch.id()).get(0).leadId();

        Map<String, Object> lead = jdbc.sql("select owner_id, team_id from lead where id = ?").param(leadId).query().singleRow();
        assertThat(lead.get("team_id")).as("allocated to a team").isNotNull();
        assertThat(jdbc.sql("select count(*) from activity where lead_id = ? and kind = 'ASSIGNED'").param(leadId).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(jdbc.sql("select owner_id from task where lead_id = ? and state = 'OPEN'").param(leadId).query().singleRow()
                .get("owner_id")).isEqualTo(lead.get("owner_id"));
    }

    @Test
    void sourceRemembersMappingForNextFile() {
        byte[] file = csv("Client,Mobile of client,Where", List.of(row("דנה", phone(), "חיפה")));
        long firstId = runner.upload(source, "custom.csv", file, teamLead);
        assertThat(batches.batch(firstId, teamLead).mapping().isEmpty()).isTrue();
        Map<LeadField, Integer> columns = new EnumMap<>(LeadField.class);
        columns.put(LeadField.FULL_NAME, 0);
        columns.put(LeadField.PHONE, 1);
        columns.put(LeadField.CITY, 2);
        batches.start(firstId, new ColumnMapping(columns), teamLead);
        runner.awaitFinished(firstId, teamLead, Duration.ofSeconds(20));

        long secondId = runner.upload(source, "custom-2.csv", csv("Where,Client,Mobile of client", List.of(row("עכו", "רון", phone()))),
                teamLead);

        assertThat(batches.batch(secondId, teamLead).mapping().columns())
                .containsExactlyInAnyOrderEntriesOf(Map.of(LeadField.CITY, 0, LeadField.FULL_NAME, 1, LeadField.PHONE, 2));
    }

    @Test
    void duplicateAcrossChunksIsMerged() {
        List<String> rows = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            String phone = phone();
            phones.add(phone);
            rows.add(row("ליד " + i, phone));
        }
        rows.set(1100, row("שוב", phones.get(3)));
        rows.set(700, "");

        ImportBatch batch = runner.importFile(source, "big.csv", csv("name,phone", rows), teamLead);

        assertThat(batch.recordsTotal()).isEqualTo(1200);
        assertThat(batch.counts()).isEqualTo(new ImportBatch.Counts(1198, 1, 0, 0, 0, 0, 1));
        assertThat(runner.rows(batch.id())).hasSize(1200);
        assertThat(runner.rows(batch.id()).get(1100).leadId()).isEqualTo(runner.rows(batch.id()).get(3).leadId());
    }

    @Test
    void crashMidChunkResumesCleanly() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            rows.add(row("ליד " + i, phone()));
        }
        byte[] file = csv("name,phone", rows);
        long batchId = runner.upload(source, "crash.csv", file, teamLead);
        String trigger = "import_crash_" + batchId;
        jdbc.sql("""
                create function %s() returns trigger language plpgsql as $$
                begin raise exception 'simulated crash'; end; $$
                """.formatted(trigger)).update();
        jdbc.sql("create trigger %s before insert on import_row for each row when (new.batch_id = %d and new.record_number = 700) execute function %s()"
                .formatted(trigger, batchId, trigger)).update();
        try {
            batches.start(batchId, batches.batch(batchId, teamLead).mapping(), teamLead);
            runner.awaitFinished(batchId, teamLead, Duration.ofSeconds(30));
        } finally {
            jdbc.sql("drop trigger %s on import_row".formatted(trigger)).update();
            jdbc.sql("drop function %s()".formatted(trigger)).update();
        }
        // What a killed process leaves: a running batch whose last commit gets older.
        jdbc.sql("update import_batch set status = 'RUNNING', worker_id = 'killed', failure = null, finished_at = null where id = ?")
                .param(batchId).update();

        assertThat(runner.rows(batchId)).hasSize(500);
        assertThat(leadsOf(rows)).isEqualTo(500);
        assertThat(jdbc.sql("select last_record_number from import_batch where id = ?").param(batchId).query(Integer.class).single())
                .isEqualTo(501);

        assertThat(recovery.resumeInterrupted()).doesNotContain(batchId);
        clock.advance(Duration.ofMinutes(3));
        assertThat(recovery.resumeInterrupted()).contains(batchId);
        ImportBatch resumed = runner.awaitFinished(batchId, teamLead, Duration.ofSeconds(30));

        assertThat(resumed.status()).isEqualTo(ImportBatch.Status.COMPLETED);
        assertThat(resumed.counts()).isEqualTo(new ImportBatch.Counts(1200, 0, 0, 0, 0, 0, 0));
        assertThat(runner.rows(batchId)).hasSize(1200);
        assertThat(leadsOf(rows)).isEqualTo(1200);
        assertThat(jdbc.sql("select count(*) from import_file_chunk where batch_id = ?").param(batchId).query(Long.class).single()).isZero();
    }

    @Test
    void importInterruptedTooOftenIsReportedFailed() {
        long batchId = runner.upload(source, "poison.csv", csv("name,phone", List.of(row("דנה", phone()))), teamLead);
        jdbc.sql("""
                update import_batch set status = 'RUNNING', worker_id = 'killed', attempts = 3, heartbeat_at = ?
                where id = ?
                """).params(java.sql.Timestamp.from(clock.instant().minus(Duration.ofMinutes(10))), batchId).update();

        assertThat(recovery.resumeInterrupted()).doesNotContain(batchId);

        ImportBatch batch = batches.batch(batchId, teamLead);
        assertThat(batch.status()).isEqualTo(ImportBatch.Status.FAILED);
        assertThat(batch.failure()).isEqualTo("intake.batch.failure.attempts");
    }

    @Test
    void otherTeamLeadCannotSeeBatch() {
        long batchId = runner.upload(source, "mine.csv", csv("name,phone", List.of(row("דנה", phone()))), teamLead);
        CurrentUser other = fixtures.signedIn(fixtures.user(Role.TEAM_LEAD, fixtures.team()));
        CurrentUser manager = fixtures.signedIn(fixtures.user(Role.MANAGER, null));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> batches.batch(batchId, other))
                .isInstanceOf(ImportNotFoundException.class);
        assertThat(batches.batch(batchId, manager).id()).isEqualTo(batchId);
        assertThat(batches.recent(other, 50)).extracting(ImportBatch::id).doesNotContain(batchId);
    }

    private long leadsOf(List<String> rows) {
        String[] phones = rows.stream().map(row -> e164(row.substring(row.indexOf(',') + 1))).toArray(String[]::new);
        return jdbc.sql("select count(*) from lead where phone_e164 = any(cast(? as varchar[]))").param(phones).query(Long.class).single();
    }

    private long leadCount() {
        return jdbc.sql("select count(*) from lead where source = ?").param(source.code()).query(Long.class).single();
    }

    private int version(long leadId) {
        return jdbc.sql("select version from lead where id = ?").param(leadId).query(Integer.class).single();
    }

    /** Returns a unique mobile number in the national form, as files usually have it. */
    private static String phone() {
        return "0" + Fixtures.uniquePhone().e164().substring(4);
    }

    private static String e164(String national) {
        return "+972" + national.substring(1);
    }

    private static String row(String... values) {
        return String.join(",", values);
    }

    private static byte[] csv(String header, List<String> rows) {
        return (header + "\r\n" + String.join("\r\n", rows) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
