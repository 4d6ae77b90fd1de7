package io.cupboard.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.Role;
import io.cupboard.lead.DoNotCallRegistry;
import io.cupboard.lead.LeadRuleException;
import io.cupboard.lead.RegistryRule;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import io.cupboard.support.MutableClock;
import io.cupboard.support.TestTimes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The national do-not-call registry: extracts, blocking outbound leads, and the 15-day rule. The
 * current extract is shared by every test in the database, so each test starts the clock a month
 * after the latest extract.
 */
@IntegrationTest
class RegistryTest {

    private static final ZoneId ISRAEL = ZoneId.of("Asia/Jerusalem");

    @Autowired
    RegistryUploads uploads;

    @Autowired
    DoNotCallRegistry registry;

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
    private IntakeSource outbound;
    private CurrentUser admin;
    private LocalDate today;

    @BeforeEach
    void startAfterLatestExtract() {
        LocalDate start = registry.current().map(extract -> extract.extractedOn().plusDays(30))
                .orElse(TestTimes.TUESDAY_MORNING.atZone(ISRAEL).toLocalDate());
        clock.setInstant(start.atTime(10, 0).atZone(ISRAEL).toInstant());
        today = start;
        runner = new ImportRunner(batches, jdbc);
        outbound = sources.create(Fixtures.unique("cold"), "רשימה קרה", IntakeSource.Direction.OUTBOUND, null);
        admin = fixtures.signedIn(fixtures.user(Role.ADMIN, null));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void listedOutboundNumbersAreBlockedAndOthersChecked() throws Exception {
        String listed = phone();
        String clear = phone();
        upload(today, "מספר\n" + listed + "\nלא מספר\n");
        byte[] file = ("name,phone\nרשום," + listed + "\nנקי," + clear + "\n").getBytes(StandardCharsets.UTF_8);

        ImportBatch batch = runner.importFile(outbound, "cold.csv", file, admin);
        List<ImportRunner.Row> rows = runner.rows(batch.id());

        assertThat(rows).extracting(ImportRunner.Row::fate).containsExactly(Fate.BLOCKED, Fate.IMPORTED);
        assertThat(rows.get(0).reason()).isEqualTo("REGISTRY");
        Map<String, Object> lead = jdbc.sql("select consent_basis, registry_checked_at from lead where id = ?")
                .param(rows.get(1).leadId()).query().singleRow();
        assertThat(lead).containsEntry("consent_basis", "OUTBOUND");
        assertThat(((java.sql.Timestamp) lead.get("registry_checked_at")).toInstant())
                .isEqualTo(today.atStartOfDay(ISRAEL).toInstant());
        assertThat(callable(rows.get(1).leadId(), clock.instant())).isTrue();
        assertThat(callable(rows.get(1).leadId(), clock.instant().plus(Duration.ofDays(16)))).isFalse();
        assertThat(registry.current()).get().extracting(DoNotCallRegistry.Extract::numberCount, DoNotCallRegistry.Extract::invalidCount)
                .containsExactly(1, 2);
    }

    @Test
    void inboundLeadWithListedNumberIsImported() throws Exception {
        String listed = phone();
        upload(today, listed + "\n");
        IntakeSource inbound = sources.create(Fixtures.unique("form"), "טופס", IntakeSource.Direction.INBOUND, null);

        ImportBatch batch = runner.importFile(inbound, "form.csv", ("name,phone\nפנה בעצמו," + listed + "\n").getBytes(StandardCharsets.UTF_8),
                admin);

        assertThat(batch.counts().imported()).isEqualTo(1);
        assertThat(callable(runner.rows(batch.id()).get(0).leadId(), clock.instant())).isTrue();
    }

    @Test
    void newExtractClearsOrRevokesOpenOutboundLeads() throws Exception {
        String staysClear = phone();
        String becomesListed = phone();
        upload(today.minusDays(20), "phone\n");
        ImportBatch batch = runner.importFile(outbound, "cold.csv",
                ("name,phone\nא," + staysClear + "\nב," + becomesListed + "\n").getBytes(StandardCharsets.UTF_8), admin);
        long clearLead = runner.rows(batch.id()).get(0).leadId();
        long listedLead = runner.rows(batch.id()).get(1).leadId();
        assertThat(callable(clearLead, clock.instant())).as("checked 20 days ago").isFalse();

        DoNotCallRegistry.LoadResult result = upload(today, becomesListed + "\n");

        assertThat(result.listed()).isEqualTo(1);
        assertThat(result.cleared()).isGreaterThanOrEqualTo(1);
        assertThat(callable(clearLead, clock.instant())).isTrue();
        assertThat(callable(listedLead, clock.instant())).isFalse();
        assertThat(jdbc.sql("select details ->> 'registry' from activity where lead_id = ? and kind = 'SYSTEM' and details ->> 'registry' is not null").param(listedLead)
                .query(String.class).list()).containsExactly("LISTED");
    }

    @Test
    void olderExtractIsRejected() throws Exception {
        upload(today, "phone\n");

        assertThatThrownBy(() -> upload(today.minusDays(1), "phone\n"))
                .isInstanceOfSatisfying(LeadRuleException.class, e -> assertThat(e.messageKey()).isEqualTo("registry.error.older"));
    }

    private DoNotCallRegistry.LoadResult upload(LocalDate date, String content) throws Exception {
        return uploads.upload(date, "registry.csv", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)), admin);
    }

    private boolean callable(long leadId, Instant now) {
        boolean bySql = jdbc.sql("select exists (select 1 from lead l where l.id = :id and " + RegistryRule.callableSql("l") + ")")
                .param("id", leadId)
                .param(RegistryRule.CHECKED_SINCE_PARAMETER, java.sql.Timestamp.from(RegistryRule.checkedSince(now)))
                .query(Boolean.class).single();
        Map<String, Object> lead = jdbc.sql("select consent_basis, registry_checked_at from lead where id = ?").param(leadId)
                .query().singleRow();
        java.sql.Timestamp checkedAt = (java.sql.Timestamp) lead.get("registry_checked_at");
        boolean byJava = RegistryRule.isCallable(io.cupboard.lead.ConsentBasis.valueOf((String) lead.get("consent_basis")),
                checkedAt == null ? null : checkedAt.toInstant(), now);
        assertThat(bySql).as("SQL and Java agree").isEqualTo(byJava);
        return bySql;
    }

    private static String phone() {
        return "0" + Fixtures.uniquePhone().e164().substring(4);
    }
}
