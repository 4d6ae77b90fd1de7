package io.cupboard.intake.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import io.cupboard.identity.Role;
import io.cupboard.identity.User;
import io.cupboard.intake.ImportBatch;
import io.cupboard.intake.ImportBatches;
import io.cupboard.intake.IntakeSource;
import io.cupboard.intake.IntakeSources;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import io.cupboard.support.MutableClock;
import io.cupboard.support.TestTimes;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

@IntegrationTest
class ImportWebTest {

    @Autowired
    MessageSource messages;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    IntakeSources sources;

    @Autowired
    ImportBatches batches;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    private IntakeSource source;
    private User teamLead;

    @BeforeEach
    void createSourceAndTeamLead() {
        clock.setInstant(TestTimes.TUESDAY_MORNING);
        source = sources.create(Fixtures.unique("web"), "קמפיין " + Fixtures.unique("x"), IntakeSource.Direction.INBOUND, null);
        teamLead = fixtures.user(Role.TEAM_LEAD, fixtures.team());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void agentIsForbiddenAndSeesNoImportLink() throws Exception {
        User agent = fixtures.agent(fixtures.team());

        assertThat(mvc.perform(get("/intake").with(signedIn(agent))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(page(get("/leads/" + fixtures.lead(agent).getId()), agent).select("a[href='/intake']")).isEmpty();
        assertThat(page(get("/team"), teamLead).select("a[href='/intake']")).hasSize(1);
    }

    @Test
    void uploadLeadsToMappingWithProposalAndPreview() throws Exception {
        String phone = phone();
        long batchId = upload(("שם מלא,נייד,הערות\r\nדנה לוי," + phone + ",מחכה\r\nרון,123,\r\n").getBytes(StandardCharsets.UTF_8));

        Document mapping = page(get("/intake/batches/" + batchId + "/mapping"), teamLead);

        assertThat(mapping.selectFirst("#column-FULL_NAME option[selected]").text()).isEqualTo("שם מלא");
        assertThat(mapping.selectFirst("#column-PHONE option[selected]").text()).isEqualTo("נייד");
        assertThat(mapping.selectFirst("#column-EMAIL option[selected]").attr("value")).isEqualTo("-1");
        assertThat(mapping.select(".preview-row").eachAttr("data-fate")).containsExactly("IMPORTED", "REJECTED");
        assertThat(mapping.selectFirst(".preview-row .preview-phone").text()).isEqualTo(phone.substring(0, 3) + "-"
                + phone.substring(3, 6) + "-" + phone.substring(6));
        assertThat(mapping.select(".preview-reason").text()).isEqualTo("טלפון: מספר הטלפון אינו תקין.");
        assertThat(mapping.selectFirst("#file-facts").text()).contains("2 רשומות", "UTF-8", "פסיק");
        assertThat(mapping.selectFirst("#mapping-form").attr("hx-post")).isEqualTo("/intake/batches/" + batchId + "/preview");
    }

    @Test
    void htmxPreviewFollowsChangedMapping() throws Exception {
        long batchId = upload(("a,b\r\nדנה," + phone() + "\r\n").getBytes(StandardCharsets.UTF_8));

        MockHttpServletResponse unmapped = mvc.perform(post("/intake/batches/" + batchId + "/preview").with(signedIn(teamLead))
                        .with(csrf()).header("HX-Request", "true").param("column.FULL_NAME", "0"))
                .andReturn().getResponse();
        MockHttpServletResponse twice = mvc.perform(post("/intake/batches/" + batchId + "/preview").with(signedIn(teamLead))
                        .with(csrf()).header("HX-Request", "true").param("column.FULL_NAME", "0").param("column.PHONE", "0"))
                .andReturn().getResponse();

        Document fragment = Jsoup.parse(unmapped.getContentAsString());
        assertThat(fragment.select("html head title")).isEmpty();
        assertThat(fragment.selectFirst("#preview")).isNotNull();
        assertThat(fragment.select(".preview-row").eachAttr("data-fate")).containsExactly("IMPORTED");
        assertThat(twice.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(twice.getContentAsString()).selectFirst("#preview .alert-danger").text())
                .isEqualTo("אותה עמודה נבחרה לשני שדות. בחרו עמודה אחת לכל שדה.");
    }

    @Test
    void startShowsProgressThenSummaryAndRejectedDownload() throws Exception {
        long batchId = upload(("name,phone\r\nדנה," + phone() + "\r\nרון,9.72523E+11\r\n").getBytes(StandardCharsets.UTF_8));

        MockHttpServletResponse started = mvc.perform(post("/intake/batches/" + batchId + "/start").with(signedIn(teamLead)).with(csrf())
                        .param("column.FULL_NAME", "0").param("column.PHONE", "1"))
                .andReturn().getResponse();
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> batches.batch(batchId, fixtures.signedIn(teamLead)).status() == ImportBatch.Status.COMPLETED);

        assertThat(started.getRedirectedUrl()).isEqualTo("/intake/batches/" + batchId);
        Document fragment = Jsoup.parse(mvc.perform(get("/intake/batches/" + batchId + "/progress").with(signedIn(teamLead))
                .header("HX-Request", "true")).andReturn().getResponse().getContentAsString());
        assertThat(fragment.selectFirst("#progress").hasAttr("hx-trigger")).isFalse();
        assertThat(fragment.selectFirst("#progress-bar").attr("value")).isEqualTo("2");
        assertThat(fragment.selectFirst("#batch-summary").text()).isEqualTo("הייבוא הסתיים: 2 רשומות, 1 לידים חדשים, 0 כפולים, 1 נדחו, 0 נחסמו.");
        assertThat(fragment.select(".problem-row").eachAttr("data-record")).containsExactly("3");
        assertThat(fragment.selectFirst("#download-rejected").attr("href")).isEqualTo("/intake/batches/" + batchId + "/rejected.csv");

        MockHttpServletResponse download = mvc.perform(get("/intake/batches/" + batchId + "/rejected.csv").with(signedIn(teamLead)))
                .andReturn().getResponse();
        assertThat(download.getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;").contains("rejected.csv");
        assertThat(download.getContentAsString(StandardCharsets.UTF_8)).startsWith("\uFEFFname,phone,סיבת הדחייה\r\nרון,9.72523E+11,");
    }

    @Test
    void runningImportPollsForProgress() throws Exception {
        long batchId = upload(("name,phone\r\nדנה," + phone() + "\r\n").getBytes(StandardCharsets.UTF_8));
        jdbc.sql("update import_batch set status = 'RUNNING', heartbeat_at = now() where id = ?").param(batchId).update();

        Document page = page(get("/intake/batches/" + batchId), teamLead);

        assertThat(page.selectFirst("#progress").attr("hx-trigger")).isEqualTo("every 1s");
        assertThat(page.selectFirst("#progress").attr("hx-get")).isEqualTo("/intake/batches/" + batchId + "/progress");
        assertThat(page.selectFirst("#batch-status").text()).isEqualTo("בייבוא");
        assertThat(page.selectFirst("#cancel-batch")).isNotNull();
        jdbc.sql("update import_batch set status = 'CANCELLED' where id = ?").param(batchId).update();
    }

    @Test
    void batchOfAnotherTeamLeadAnswers404() throws Exception {
        long batchId = upload(("name,phone\r\nדנה," + phone() + "\r\n").getBytes(StandardCharsets.UTF_8));
        User other = fixtures.user(Role.TEAM_LEAD, fixtures.team());

        assertThat(mvc.perform(get("/intake/batches/" + batchId).with(signedIn(other))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/intake/batches/" + batchId + "/rejected.csv").with(signedIn(other))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
    }

    @Test
    void unreadableFileReturnsToUploadWithReason() throws Exception {
        MockHttpServletResponse response = mvc.perform(multipart("/intake/uploads")
                        .file(new MockMultipartFile("file", "old.xls", "application/vnd.ms-excel",
                                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}))
                        .param("sourceId", String.valueOf(source.id())).with(signedIn(teamLead)).with(csrf()))
                .andReturn().getResponse();

        assertThat(response.getRedirectedUrl()).isEqualTo("/intake");
        assertThat(jdbc.sql("select count(*) from import_batch where source_id = ?").param(source.id()).query(Long.class).single()).isZero();
    }

    @Test
    void emptyFileReturnsToUploadWithReason() throws Exception {
        mvc.perform(multipart("/intake/uploads")
                        .file(new MockMultipartFile("file", "leads.csv", "text/csv", new byte[0]))
                        .param("sourceId", String.valueOf(source.id())).with(signedIn(teamLead)).with(csrf()))
                .andExpect(redirectedUrl("/intake"))
                .andExpect(flash().attribute("error", "intake.upload.error.empty"))
                .andExpect(flash().attribute("errorArgs", new Object[] {"leads.csv"}));

        assertThat(messages.getMessage("intake.upload.error.empty", new Object[] {"leads.csv"}, Locale.forLanguageTag("he")))
                .isEqualTo("הקובץ leads.csv ריק (0 בתים). בדקו שהוא נשמר כראוי והעלו אותו שוב.");
        assertThat(jdbc.sql("select count(*) from import_batch where source_id = ?").param(source.id()).query(Long.class).single()).isZero();
    }

    @Test
    void noFileChosenAsksForSourceAndFile() throws Exception {
        mvc.perform(multipart("/intake/uploads")
                        .file(new MockMultipartFile("file", "", "application/octet-stream", new byte[0]))
                        .param("sourceId", String.valueOf(source.id())).with(signedIn(teamLead)).with(csrf()))
                .andExpect(redirectedUrl("/intake"))
                .andExpect(flash().attribute("error", "intake.upload.error.missing"));
    }

    @Test
    void englishPagesHaveEnglishLabels() throws Exception {
        long batchId = upload(("name,phone\r\nדנה," + phone() + "\r\n").getBytes(StandardCharsets.UTF_8));

        Document mapping = page(get("/intake/batches/" + batchId + "/mapping").param("lang", "en"), teamLead);

        assertThat(mapping.selectFirst("label[for=column-PHONE]").text()).isEqualTo("Phone");
        assertThat(mapping.selectFirst(".preview-row .badge").text()).isEqualTo("New lead");
    }

    @Test
    void leadCardShowsConsentBasisOfImportedLead() throws Exception {
        source = sources.create(Fixtures.unique("cold"), "רשימה קרה", IntakeSource.Direction.OUTBOUND, null);
        String phone = phone();
        long batchId = upload(("name,phone\r\nקר," + phone + "\r\n").getBytes(StandardCharsets.UTF_8));
        batches.start(batchId, batches.batch(batchId, fixtures.signedIn(teamLead)).mapping(), fixtures.signedIn(teamLead));
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> batches.batch(batchId, fixtures.signedIn(teamLead)).status() == ImportBatch.Status.COMPLETED);
        long leadId = jdbc.sql("select lead_id from import_row where batch_id = ?").param(batchId).query(Long.class).single();

        Document card = page(get("/leads/" + leadId), fixtures.user(Role.MANAGER, null));

        assertThat(card.selectFirst("#lead-consent").text()).isEqualTo("רשימת חיוג יוצא");
    }

    private long upload(byte[] content) throws Exception {
        MockHttpServletResponse response = mvc.perform(multipart("/intake/uploads")
                        .file(new MockMultipartFile("file", "leads.csv", "text/csv", content))
                        .param("sourceId", String.valueOf(source.id()))
                        .with(signedIn(teamLead)).with(csrf()))
                .andReturn().getResponse();
        String location = response.getRedirectedUrl();
        assertThat(location).matches("/intake/batches/\\d+/mapping");
        return Long.parseLong(location.split("/")[3]);
    }

    private Document page(MockHttpServletRequestBuilder request, User user) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(signedIn(user))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    private RequestPostProcessor signedIn(User user) {
        return user(fixtures.signedIn(user));
    }

    private static String phone() {
        return "0" + Fixtures.uniquePhone().e164().substring(4);
    }
}
