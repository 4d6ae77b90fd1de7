package io.cupboard.browser;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cupboard.alert.AlertKind;
import io.cupboard.alert.AlertSweep;
import io.cupboard.alert.AlertSweepResult;
import io.cupboard.allocation.SecondWave;
import io.cupboard.lead.CallOutcome;
import io.cupboard.sla.SlaSweep;
import io.cupboard.sla.SlaSweepResult;
import io.cupboard.support.Browser;
import io.cupboard.support.BrowserTest;
import io.cupboard.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole day of a new center in a real browser, on an empty database of its own. The admin sets
 * the center up, and the team lead imports the weekend's lead files and re-uploads the fixed
 * rejected rows. A web form sends a lead through the intake API. Two agents work their CUPs in
 * next-lead mode and close the day. Then the clock moves so that the SLA, alert and second-wave
 * jobs run, and the team lead's dashboard and the manager's export must show the figures this day
 * produced. The expected figures are counted from what the test did, not read from the database.
 *
 * <p>The day is Sunday 29 March 2026, the first working day after the files' leads arrived
 * (Thursday to Saturday), at 09:00 in Israel, before the absence cutoff of 10:00. Screenshots go
 * to {@code target/screenshots}; with {@code -Dcupboard.screenshots.docs=docs/images} they are
 * copied there too, for the user guides.
 */
@BrowserTest
@TestPropertySource(properties = {
        "cupboard.database.embedded.database-name=cupboard_e2e",
        "cupboard.bootstrap.admin-password=" + CenterDayBrowserTest.ADMIN_PASSWORD})
@DisabledIfEnvironmentVariable(named = "SPRING_DATASOURCE_URL", matches = ".+",
        disabledReason = "needs a database of its own, which only the embedded server provides")
class CenterDayBrowserTest {

    static final String ADMIN_PASSWORD = "admin-password-for-the-day";
    private static final String PASSWORD = "Day-Passw0rd";

    private static final ZoneId ZONE = ZoneId.of("Asia/Jerusalem");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 29);
    private static final Instant MORNING = at(9, 0);
    private static final Instant LATE_LEAD = at(12, 0);
    private static final Instant AFTER_SLA = at(12, 30);
    private static final Instant AFTERNOON = at(16, 30);
    /** The callback time both agents book: the next working day at 10:00, one of the card's ready-made choices. */
    private static final String CALLBACK_TOMORROW = "2026-03-30T10:00";

    private static final String TEAM = "צוות מרכז";
    private static final String NOA = "נועה כהן";
    private static final String AVI = "אבי לוי";

    /**
     * When the Facebook leads inquired, from the file's {@code created_time}. Every other lead
     * arrives when the test imports or posts it.
     */
    private static final Map<String, Instant> FACEBOOK_INQUIRIES = Map.of(
            "שרון אבוטבול", Instant.parse("2026-03-26T12:05:11Z"),
            "Moshe Dayanim", Instant.parse("2026-03-26T23:59:30Z"),
            "אלה ג׳אבר", Instant.parse("2026-03-27T00:00:30Z"),
            "Yael Harari", Instant.parse("2026-03-28T06:10:00Z"));

    private static final Path SCREENSHOTS_FOR_DOCS = System.getProperty("cupboard.screenshots.docs") == null ? null
            : Path.of(System.getProperty("cupboard.screenshots.docs"));

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    SlaSweep slaSweep;

    @Autowired
    AlertSweep alertSweep;

    @Autowired
    SecondWave secondWave;

    @Autowired
    MessageSource messages;

    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Long> sourceIds = new LinkedHashMap<>();
    private long teamId;
    private String apiKey;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void centerWorksFullDay() throws Exception {
        clock.setInstant(MORNING);

        adminSetsUpCenter();
        teamLeadImportsLeadFiles();

        String form = """
                {"fullName": "רונית שמעוני", "phone": "054-555-1234", "email": "ronit.s@example.com", "campaign": "אתר-מרץ"}""";
        HttpResponse<String> created = postLead("form-0001", form);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode webLead = json.readTree(created.body());
        assertThat(webLead.get("result").asString()).isEqualTo("created");
        // The form's retry with the same idempotency key gets the same response and creates nothing.
        HttpResponse<String> retried = postLead("form-0001", form);
        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(retried.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(json.readTree(retried.body()).get("leadId").asLong()).isEqualTo(webLead.get("leadId").asLong());

        // Nine records became eight leads: round robin gives each agent four.
        AgentDay noa = new AgentDay("noa", NOA);
        AgentDay avi = new AgentDay("avi", AVI);
        agentWorksDay(noa, List.of(CallOutcome.NO_ANSWER, CallOutcome.CALLBACK, CallOutcome.FOLLOW_UP, CallOutcome.SALE), true);
        agentWorksDay(avi, List.of(CallOutcome.NOT_RELEVANT, CallOutcome.SALE, CallOutcome.FOLLOW_UP, CallOutcome.CALLBACK), false);

        try (Browser teamLead = Browser.open(port)) {
            teamLead.logIn("dana", PASSWORD);
            teamLead.await(driver -> driver.getCurrentUrl().endsWith("/team"));
            assertPageClean(teamLead);

            // At noon a web form sends a lead that nobody calls.
            clock.setInstant(LATE_LEAD);
            HttpResponse<String> late = postLead("form-0002", """
                    {"fullName": "גיל ברק", "phone": "052-888-7766", "campaign": "אתר-מרץ"}""");
            assertThat(late.statusCode()).as(late.body()).isEqualTo(201);
            long lateLead = json.readTree(late.body()).get("leadId").asLong();
            String firstOwner = ownerOnLeadCard(teamLead, lateLead);
            assertThat(firstOwner).isIn(NOA, AVI);
            AgentDay second = firstOwner.equals(NOA) ? avi : noa;

            clock.setInstant(AFTER_SLA);
            SlaSweepResult sla = slaSweep.sweep();
            assertThat(sla.breachesMarked()).isEqualTo(1);
            AlertSweepResult alerts = alertSweep.sweep();
            assertThat(alerts.raised(AlertKind.SLA_BREACHED)).isEqualTo(1);
            teamLead.go("/team");
            teamLead.await(driver -> Integer.parseInt(driver.findElement(By.id("alert-badge")).getAttribute("data-count")) >= 1);
            teamLead.find("#alerts-toggle").click();
            teamLead.await(driver -> driver.findElements(By.cssSelector("#alert-menu-items .alert-text")).stream()
                    .anyMatch(link -> link.getAttribute("href").endsWith("/leads/" + lateLead)));
            assertPageClean(teamLead);

            // Four business hours after it was assigned, the second wave gives it to the other agent.
            clock.setInstant(AFTERNOON);
            SecondWave.Counts wave = secondWave.run();
            assertThat(wave.untouchedMoved()).isEqualTo(1);
            assertThat(wave.poolAllocated()).isEqualTo(1);
            assertThat(slaSweep.sweep().breachesMarked()).isZero();
            alertSweep.sweep();
            assertThat(ownerOnLeadCard(teamLead, lateLead)).isEqualTo(second.name);
            second.receiveUncalledLead();

            teamLead.go("/team");
            teamLead.await(driver -> driver.findElements(By.cssSelector("#agents .agent-row")).size() == 2);
            teamLead.await(driver -> "true".equals(driver.findElement(By.id("score-chart")).getAttribute("data-chart-ready")));
            screenshot(teamLead, "teamlead-dashboard-he");
            assertDashboardRow(teamLead, noa);
            assertDashboardRow(teamLead, avi);
            // Worst hygiene first: the agent with the overdue lead past its SLA.
            assertThat(teamLead.find("#agents .agent-row th").getText()).isEqualTo(second.name);
            assertPageClean(teamLead);
        }

        managerExportsCenterTable(List.of(noa, avi));
    }

    // --- The admin -------------------------------------------------------------------------------

    private void adminSetsUpCenter() {
        try (Browser admin = Browser.open(port)) {
            admin.go("/login");
            screenshot(admin, "login-he");
            admin.logIn("admin", ADMIN_PASSWORD);
            admin.await(driver -> driver.getCurrentUrl().endsWith("/admin"));
            screenshot(admin, "admin-home-he");
            assertPageClean(admin);

            admin.go("/admin/teams");
            type(admin, "#name", TEAM);
            click(admin, "#create-team button[type=submit]");
            WebElement team = admin.await(driver -> driver.findElement(By.cssSelector("#teams tr[data-team-id]")));
            teamId = Long.parseLong(team.getAttribute("data-team-id"));
            assertPageClean(admin);

            admin.go("/admin/users");
            createUser(admin, "noa", NOA, "AGENT", teamId);
            createUser(admin, "avi", AVI, "AGENT", teamId);
            createUser(admin, "dana", "דנה מזרחי", "TEAM_LEAD", teamId);
            createUser(admin, "yossi", "יוסי אברהם", "MANAGER", null);
            assertThat(admin.driver().findElements(By.cssSelector("#users tr[data-username]"))).hasSize(5);
            screenshot(admin, "admin-users-he");
            assertPageClean(admin);

            createSource(admin, "facebook", "פייסבוק - טופסי לידים");
            createSource(admin, "excel", "רשימות אקסל");
            createSource(admin, "website", "טופס באתר");
            click(admin, "#create-key");
            apiKey = admin.await(driver -> driver.findElement(By.id("new-key-value"))).getText();
            assertThat(apiKey).startsWith("cbk_");
            assertPageClean(admin);

            // Web-form leads get ten minutes for the first call, and other new leads keep the default five.
            admin.go("/admin/policies");
            click(admin, "#new-policy");
            new Select(admin.find("#leadType")).selectByValue("NEW");
            type(admin, "#source", "website");
            type(admin, "#firstContactMinutes", "10");
            click(admin, "#save-policy");
            admin.await(driver -> !driver.findElements(By.cssSelector("#policies tr[data-source='website']")).isEmpty());
            assertPageClean(admin);

            admin.go("/admin/day-templates?team=" + teamId);
            setValue(admin, "#shiftStart", "09:00");
            setValue(admin, "#shiftEnd", "17:00");
            List<String[]> segments = List.of(new String[] {"09:00", "12:00", "NEW_LEADS"},
                    new String[] {"12:00", "14:00", "FOLLOW_UPS"}, new String[] {"14:00", "17:00", "CALLBACKS_AND_RETRIES"});
            List<WebElement> rows = admin.driver().findElements(By.cssSelector("#segments .segment-row"));
            for (int i = 0; i < rows.size(); i++) {
                String[] segment = i < segments.size() ? segments.get(i) : new String[] {"", "", ""};
                WebElement row = rows.get(i);
                setValue(admin, row.findElement(By.name("start")), segment[0]);
                setValue(admin, row.findElement(By.name("end")), segment[1]);
                setValue(admin, row.findElement(By.name("focus")), segment[2]);
            }
            click(admin, "#template-form button[type=submit]");
            admin.await(driver -> !driver.findElements(By.cssSelector("#day-templates-page .alert-success")).isEmpty());
            assertThat(admin.find("#template-teams .active").getText()).isEqualTo(TEAM);
            screenshot(admin, "admin-day-template-he");
            assertPageClean(admin);

            admin.go("/admin/allocation-rules");
            type(admin, "#name", "כל הלידים לצוות מרכז");
            new Select(admin.find("#teamId")).selectByValue(String.valueOf(teamId));
            new Select(admin.find("#strategy")).selectByValue("ROUND_ROBIN");
            click(admin, "#create-rule button[type=submit]");
            admin.await(driver -> driver.findElements(By.cssSelector("#rules tr[data-rule-id]")).size() == 1);
            assertPageClean(admin);
        }
    }

    private void createUser(Browser admin, String username, String name, String role, Long team) {
        type(admin, "#username", username);
        type(admin, "#password", PASSWORD);
        type(admin, "#displayName", name);
        new Select(admin.find("#role")).selectByValue(role);
        new Select(admin.find("#teamId")).selectByValue(team == null ? "" : String.valueOf(team));
        click(admin, "#create-user button[type=submit]");
        admin.await(driver -> !driver.findElements(By.cssSelector("#users tr[data-username='" + username + "']")).isEmpty());
    }

    private void createSource(Browser admin, String code, String name) {
        admin.go("/admin/intake/sources");
        type(admin, "#code", code);
        type(admin, "#name", name);
        new Select(admin.find("#direction")).selectByValue("INBOUND");
        click(admin, "#create-source button[type=submit]");
        admin.await(driver -> driver.getCurrentUrl().matches(".*/admin/intake/sources/\\d+$"));
        String url = admin.driver().getCurrentUrl();
        sourceIds.put(code, Long.parseLong(url.substring(url.lastIndexOf('/') + 1)));
    }

    // --- The team lead's imports -----------------------------------------------------------------

    private void teamLeadImportsLeadFiles() throws IOException {
        try (Browser teamLead = Browser.open(port)) {
            teamLead.logIn("dana", PASSWORD);
            teamLead.await(driver -> driver.getCurrentUrl().endsWith("/team"));
            click(teamLead, "a[href='/intake']");

            // Meta's lead-ad export is UTF-16 and tab-separated, with a test lead and a re-delivered lead.
            upload(teamLead, "facebook", sampleFile("leads_fb_utf16.csv"));
            assertThat(teamLead.find("#file-facts").getText()).contains("UTF-16");
            assertThat(selectedColumn(teamLead, "PHONE")).isEqualTo("phone_number");
            assertThat(selectedColumn(teamLead, "FULL_NAME")).isEqualTo("full_name");
            assertThat(previewFate(teamLead, 2)).isEqualTo("IMPORTED");
            assertThat(previewFate(teamLead, 6)).isEqualTo("REJECTED");
            assertThat(previewFate(teamLead, 7)).isEqualTo("DUPLICATE");
            // The form's own question (when to call back) goes into the lead's note.
            new Select(teamLead.find("#column-NOTES")).selectByVisibleText("מתי_נוח_לך_שנחזור_אליך?");
            teamLead.await(driver -> driver.findElement(By.cssSelector(".preview-row[data-record='2'] td:last-child")).getText()
                    .contains("בבוקר"));
            screenshot(teamLead, "teamlead-import-mapping-he");
            assertPageClean(teamLead);
            startImport(teamLead);
            assertCounts(teamLead, 4, 0, 1, 1);
            screenshot(teamLead, "teamlead-import-summary-he");
            assertPageClean(teamLead);

            // Hebrew Excel's CSV: Windows-1255. Record 3 is a person from the Facebook file.
            teamLead.go("/intake");
            upload(teamLead, "excel", sampleFile("leads_excel_1255.csv"));
            assertThat(teamLead.find("#file-facts").getText()).containsIgnoringCase("windows-1255");
            assertThat(selectedColumn(teamLead, "PHONE")).isEqualTo("טלפון");
            assertThat(previewFate(teamLead, 3)).isEqualTo("MERGED");
            assertThat(previewFate(teamLead, 4)).isEqualTo("REJECTED");
            startImport(teamLead);
            assertCounts(teamLead, 2, 1, 0, 1);
            assertThat(teamLead.find(".problem-row[data-record='4']").getText())
                    .contains(messages.getMessage("intake.field.PHONE", null, Locale.forLanguageTag("he")));
            assertPageClean(teamLead);

            // The rejected rows come back in the original columns plus a reason. Excel lost the
            // number's digits, so the team lead types the number again and uploads the file.
            byte[] rejected = download(teamLead, teamLead.find("#download-rejected").getAttribute("href"));
            assertThat(rejected).startsWith(0xEF, 0xBB, 0xBF);
            String text = new String(rejected, 3, rejected.length - 3, StandardCharsets.UTF_8);
            List<String> lines = text.lines().toList();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).startsWith("שם פרטי,שם משפחה,טלפון,אימייל,עיר,הערות,");
            assertThat(lines.get(1)).startsWith("פנינה,רביבו,9.72523E+11,pnina.r@example.com,טבריה,,");
            Path fixed = uploadFile("leads_excel_1255-rejected.csv");
            Files.writeString(fixed, text.replace("9.72523E+11", "052-765-4320"), StandardCharsets.UTF_8);

            teamLead.go("/intake");
            upload(teamLead, "excel", fixed);
            assertThat(previewFate(teamLead, 2)).isEqualTo("IMPORTED");
            assertThat(teamLead.find(".preview-row[data-record='2'] .preview-phone").getText()).isEqualTo("052-765-4320");
            startImport(teamLead);
            assertCounts(teamLead, 1, 0, 0, 0);
            assertPageClean(teamLead);
        }
    }

    private void upload(Browser browser, String source, Path file) throws IOException {
        new Select(browser.find("#sourceId")).selectByValue(String.valueOf(sourceIds.get(source)));
        browser.find("#file").sendKeys(file.toAbsolutePath().toString());
        click(browser, "#upload-submit");
        browser.await(driver -> !driver.findElements(By.id("mapping-page")).isEmpty());
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.getParent());
    }

    private static String selectedColumn(Browser browser, String field) {
        return new Select(browser.find("#column-" + field)).getFirstSelectedOption().getText();
    }

    private static String previewFate(Browser browser, int record) {
        return browser.find(".preview-row[data-record='" + record + "']").getAttribute("data-fate");
    }

    private static void startImport(Browser browser) {
        click(browser, "#start-import");
        browser.await(Duration.ofSeconds(60), driver -> "COMPLETED".equals(driver.findElement(By.id("progress")).getAttribute("data-status")));
    }

    private static void assertCounts(Browser browser, int imported, int merged, int duplicate, int rejected) {
        assertThat(browser.find("[data-count='imported']").getText()).isEqualTo(String.valueOf(imported));
        assertThat(browser.find("[data-count='merged']").getText()).isEqualTo(String.valueOf(merged));
        assertThat(browser.find("[data-count='duplicate']").getText()).isEqualTo(String.valueOf(duplicate));
        assertThat(browser.find("[data-count='rejected']").getText()).isEqualTo(String.valueOf(rejected));
        assertThat(browser.find("[data-count='blocked']").getText()).isEqualTo("0");
    }

    private static Path sampleFile(String name) throws IOException {
        Path file = uploadFile(name);
        try (InputStream input = CenterDayBrowserTest.class.getResourceAsStream("/samples/" + name)) {
            Files.copy(input, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /** Returns a path with the file's own name in a new folder, because the import pages show the uploaded name. */
    private static Path uploadFile(String name) throws IOException {
        Files.createDirectories(Path.of("target"));
        return Files.createTempDirectory(Path.of("target"), "upload-").resolve(name);
    }

    // --- The intake API --------------------------------------------------------------------------

    private HttpResponse<String> postLead(String idempotencyKey, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/leads"))
                .header("X-Api-Key", apiKey)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    // --- The agents ------------------------------------------------------------------------------

    /**
     * Opens the agent's day, logs one outcome per lead in next-lead mode, carries what is still due
     * today to the next morning, and closes the day clean.
     */
    private void agentWorksDay(AgentDay agent, List<CallOutcome> outcomes, boolean takeScreenshots) {
        try (Browser browser = Browser.open(port)) {
            browser.logIn(agent.username, PASSWORD);
            browser.await(driver -> driver.getCurrentUrl().endsWith("/workday/plan"));
            assertThat(browser.find("#plan-new").getText()).isEqualTo(String.valueOf(outcomes.size()));
            assertThat(browser.find("#plan-carried").getText()).isEqualTo("0");
            if (takeScreenshots) {
                screenshot(browser, "agent-day-plan-he");
            }
            assertPageClean(browser);
            click(browser, "#open-day");

            browser.await(driver -> driver.getCurrentUrl().endsWith("/cup"));
            assertThat(browser.find("#section-NEW_IN_SLA").getAttribute("data-count")).isEqualTo(String.valueOf(outcomes.size()));
            assertThat(browser.find("#current-segment").getText()).contains("09:00");
            if (takeScreenshots) {
                screenshot(browser, "agent-cup-he");
            }
            assertPageClean(browser);

            browser.press("n");
            long lead = openedLead(browser, -1);
            for (int i = 0; i < outcomes.size(); i++) {
                CallOutcome outcome = outcomes.get(i);
                String name = browser.find("#lead-name").getText();
                if (takeScreenshots && i == 0) {
                    screenshot(browser, "agent-lead-card-he");
                }
                assertPageClean(browser);
                logOutcome(browser, outcome);
                agent.called(name, outcome, clock.instant());
                if (i < outcomes.size() - 1) {
                    lead = openedLead(browser, lead);
                }
            }
            // Nothing else is due now, and the team pool is empty.
            browser.await(driver -> driver.getCurrentUrl().endsWith("/cup"));
            assertPageClean(browser);

            click(browser, "#close-day");
            browser.await(driver -> driver.getCurrentUrl().endsWith("/workday/close"));
            List<WebElement> due = browser.driver().findElements(By.cssSelector("#due-tasks .due-task"));
            assertThat(due).hasSize(agent.dueTodayAfterCalls());
            if (!due.isEmpty()) {
                assertThat(due.get(0).getText()).contains(messages.getMessage("task.type.RETRY", null, Locale.forLanguageTag("he")));
                if (takeScreenshots) {
                    screenshot(browser, "agent-day-close-he");
                }
                type(browser, "#carry-all-reason", "הלקוח לא ענה, ננסה שוב מחר בבוקר");
                click(browser, "#carry-all-submit");
                browser.await(driver -> driver.findElements(By.cssSelector("#due-tasks .due-task")).isEmpty());
            }
            assertPageClean(browser);
            click(browser, "#close-day-submit");
            browser.await(driver -> !driver.findElements(By.cssSelector("#cup-page .alert-success, #day-close-page .alert-success")).isEmpty());
            assertPageClean(browser);
        }
    }

    private void logOutcome(Browser browser, CallOutcome outcome) {
        browser.press(String.valueOf(outcome.shortcut()));
        switch (outcome) {
            case CALLBACK -> {
                browser.awaitPanelOpen("panel-CALLBACK");
                WebElement choice = browser.driver().findElements(By.cssSelector("#panel-CALLBACK form")).stream()
                        .filter(form -> !form.findElements(By.cssSelector("input[name=callbackAt][value^='" + CALLBACK_TOMORROW + "']")).isEmpty())
                        .findFirst().orElseThrow().findElement(By.cssSelector(".callback-choice"));
                choice.click();
            }
            case NOT_RELEVANT -> {
                browser.awaitPanelOpen("panel-NOT_RELEVANT");
                browser.find("#panel-NOT_RELEVANT .reason-choice[data-reason='PRICE']").click();
            }
            default -> {
                // One key logs the outcome.
            }
        }
    }

    private static long openedLead(Browser browser, long previous) {
        return Long.parseLong(browser.awaitAttribute("#lead-card[data-next-mode=true]", "data-lead-id",
                id -> !id.equals(String.valueOf(previous))));
    }

    // --- The team lead's and the manager's figures ------------------------------------------------

    private String ownerOnLeadCard(Browser teamLead, long leadId) {
        teamLead.go("/leads/" + leadId);
        String owner = teamLead.await(driver -> driver.findElement(By.id("lead-owner"))).getText();
        assertPageClean(teamLead);
        return owner;
    }

    private void assertDashboardRow(Browser teamLead, AgentDay agent) {
        WebElement row = teamLead.driver().findElements(By.cssSelector("#agents .agent-row")).stream()
                .filter(candidate -> candidate.findElement(By.tagName("th")).getText().equals(agent.name))
                .findFirst().orElseThrow();
        Locale hebrew = Locale.forLanguageTag("he");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("open-leads", String.valueOf(agent.cupSize()));
        expected.put("due-today", String.valueOf(agent.dueTodayAtEnd()));
        expected.put("overdue", String.valueOf(agent.overdueAtEnd()));
        expected.put("missed-callbacks", "0");
        expected.put("without-task", "0");
        expected.put("past-sla", String.valueOf(agent.pastSla()));
        expected.put("sla-today", agent.slaShareText());
        expected.put("sla-week", agent.slaShareText());
        expected.put("median", messages.getMessage("dashboard.minutes", new Object[] {agent.medianMinutesToFirstCall()}, hebrew));
        expected.put("calls", String.valueOf(agent.calls()));
        expected.put("contacts", String.valueOf(agent.answered()));
        expected.put("sales", String.valueOf(agent.sales()));
        expected.put("opened", "09:00");
        expected.put("closed", messages.getMessage("common.yes", null, hebrew));
        Map<String, String> shown = new LinkedHashMap<>();
        for (String figure : expected.keySet()) {
            shown.put(figure, row.findElement(By.cssSelector("[data-figure='" + figure + "']")).getText());
        }
        assertThat(shown).as(agent.name).containsExactlyEntriesOf(expected);
        assertThat(row.findElement(By.className("score")).getText()).as(agent.name).isEqualTo(String.valueOf(agent.hygieneScore()));
    }

    private void managerExportsCenterTable(List<AgentDay> agents) {
        try (Browser manager = Browser.open(port)) {
            manager.logIn("yossi", PASSWORD);
            manager.await(driver -> driver.getCurrentUrl().endsWith("/center"));
            manager.await(driver -> driver.findElements(By.cssSelector("canvas[data-chart-ready=true]")).size() == 5);
            assertThat(manager.find("#center-teams").getText()).contains(TEAM);
            screenshot(manager, "manager-center-he");
            assertPageClean(manager);

            byte[] export = download(manager, manager.find("#export-teams-csv").getAttribute("href"));
            assertThat(export).startsWith(0xEF, 0xBB, 0xBF);
            List<String> lines = new String(export, 3, export.length - 3, StandardCharsets.UTF_8).lines().toList();
            Locale hebrew = Locale.forLanguageTag("he");
            List<String> header = new ArrayList<>();
            for (String column : List.of("team", "agents", "cupSize", "dueToday", "overdue", "missedCallbacks", "withoutTask",
                    "pastSla", "slaToday", "slaWeek", "medianFirstContact", "attempts", "contacts", "sales", "daysOpened", "daysClosed")) {
                header.add(messages.getMessage("dashboard.column." + column, null, hebrew));
            }
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).isEqualTo(String.join(",", header));
            assertThat(lines.get(1)).isEqualTo(String.join(",", teamRow(agents)));

            manager.go("/center?lang=en");
            manager.await(driver -> driver.findElements(By.cssSelector("canvas[data-chart-ready=true]")).size() == 5);
            assertThat(manager.find("html").getAttribute("dir")).isEqualTo("ltr");
            screenshot(manager, "manager-center-en");
            assertPageClean(manager);
            manager.go("/team?team=" + teamId);
            manager.await(driver -> driver.findElements(By.cssSelector("#agents .agent-row")).size() == 2);
            manager.await(driver -> "true".equals(driver.findElement(By.id("score-chart")).getAttribute("data-chart-ready")));
            screenshot(manager, "manager-team-dashboard-en");
            assertPageClean(manager);
        }
    }

    /** Returns the team's row of the center table: sums over its agents, with the shares and the median over all their leads. */
    private static List<String> teamRow(List<AgentDay> agents) {
        long met = 0;
        long due = 0;
        List<Duration> waits = new ArrayList<>();
        for (AgentDay agent : agents) {
            met += agent.slaMet();
            due += agent.slaDue();
            waits.addAll(agent.waitsForFirstCall());
        }
        String share = String.format(Locale.ROOT, "%.1f%%", 100.0 * met / due);
        return List.of(TEAM, String.valueOf(agents.size()),
                String.valueOf(agents.stream().mapToLong(AgentDay::cupSize).sum()),
                String.valueOf(agents.stream().mapToLong(AgentDay::dueTodayAtEnd).sum()),
                String.valueOf(agents.stream().mapToLong(AgentDay::overdueAtEnd).sum()),
                "0", "0",
                String.valueOf(agents.stream().mapToLong(AgentDay::pastSla).sum()),
                share, share,
                String.valueOf(median(waits).toMinutes()),
                String.valueOf(agents.stream().mapToLong(AgentDay::calls).sum()),
                String.valueOf(agents.stream().mapToLong(AgentDay::answered).sum()),
                String.valueOf(agents.stream().mapToLong(AgentDay::sales).sum()),
                String.valueOf(agents.size()), String.valueOf(agents.size()));
    }

    // --- What the test did, per agent -------------------------------------------------------------

    /** One agent's day as the test lived it, and the figures it should produce. */
    private static final class AgentDay {

        final String username;
        final String name;
        final List<CallOutcome> outcomes = new ArrayList<>();
        final List<Duration> waits = new ArrayList<>();
        int openLeads;
        int uncalledLeads;

        AgentDay(String username, String name) {
            this.username = username;
            this.name = name;
        }

        /** Records a first call and the wait since the lead arrived: this morning, or at the file's created_time for Facebook leads. */
        void called(String leadName, CallOutcome outcome, Instant at) {
            outcomes.add(outcome);
            waits.add(Duration.between(FACEBOOK_INQUIRIES.getOrDefault(leadName, MORNING), at));
            if (!outcome.closesLead()) {
                openLeads++;
            }
        }

        /** Records a lead that reached this agent by the second wave and that nobody called. */
        void receiveUncalledLead() {
            openLeads++;
            uncalledLeads++;
        }

        /** Returns the tasks still due today once the calls are logged: a retry after each unanswered call. */
        int dueTodayAfterCalls() {
            return (int) outcomes.stream().filter(outcome -> outcome == CallOutcome.NO_ANSWER).count();
        }

        long cupSize() {
            return openLeads;
        }

        /** Returns the tasks due today at the end of the day: only the uncalled lead, as every other task was carried or falls on a later day. */
        long dueTodayAtEnd() {
            return uncalledLeads;
        }

        long overdueAtEnd() {
            return uncalledLeads;
        }

        long pastSla() {
            return uncalledLeads;
        }

        long calls() {
            return outcomes.size();
        }

        long answered() {
            return outcomes.stream().filter(outcome -> outcome != CallOutcome.NO_ANSWER && outcome != CallOutcome.BUSY
                    && outcome != CallOutcome.WRONG_NUMBER).count();
        }

        long sales() {
            return outcomes.stream().filter(outcome -> outcome == CallOutcome.SALE).count();
        }

        /** Returns the first calls made by their deadline, which is every call, because all of them were made at 09:00. */
        long slaMet() {
            return outcomes.size();
        }

        long slaDue() {
            return outcomes.size() + uncalledLeads;
        }

        String slaShareText() {
            return Math.round(100.0 * slaMet() / slaDue()) + "%";
        }

        List<Duration> waitsForFirstCall() {
            return waits;
        }

        long medianMinutesToFirstCall() {
            return median(waits).toMinutes();
        }

        /**
         * Computes the hygiene score as docs/dashboards.md defines it. Every lead has a task, no
         * callback was missed and the day was opened, so those terms are zero here.
         */
        int hygieneScore() {
            long withoutTask = 0;
            long missedCallbacks = 0;
            long notOpened = 0;
            return (int) (100 - Math.min(40, 20 * withoutTask) - Math.min(25, overdueAtEnd()) - Math.min(15, 5 * missedCallbacks)
                    - Math.min(15, 5 * pastSla()) - 5 * notOpened);
        }
    }

    private static Duration median(List<Duration> durations) {
        List<Long> seconds = durations.stream().map(Duration::toSeconds).sorted().toList();
        int middle = seconds.size() / 2;
        double median = seconds.size() % 2 == 1 ? seconds.get(middle) : (seconds.get(middle - 1) + seconds.get(middle)) / 2.0;
        return Duration.ofSeconds(Math.round(median));
    }

    // --- Browser helpers -------------------------------------------------------------------------

    private static Instant at(int hour, int minute) {
        return ZonedDateTime.of(DAY, LocalTime.of(hour, minute), ZONE).toInstant();
    }

    /** Clicks an element after scrolling it into view at once, because Bootstrap's smooth scrolling would move it during the click. */
    private static void click(Browser browser, String css) {
        WebElement element = browser.await(driver -> driver.findElement(By.cssSelector(css)));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    private static void type(Browser browser, String css, String text) {
        WebElement input = browser.find(css);
        input.clear();
        input.sendKeys(text);
    }

    /** Sets an input's value directly: time inputs take keystrokes in the browser's locale format. */
    private static void setValue(Browser browser, String css, String value) {
        setValue(browser, browser.find(css), value);
    }

    private static void setValue(Browser browser, WebElement element, String value) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", element, value);
    }

    /** Downloads a file with the browser's session, as the link would, and returns its exact bytes. */
    private static byte[] download(Browser browser, String href) {
        String base64 = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(function (response) { return response.arrayBuffer(); }).then(function (buffer) {
                    var bytes = new Uint8Array(buffer);
                    var text = '';
                    for (var i = 0; i < bytes.length; i++) { text += String.fromCharCode(bytes[i]); }
                    done(btoa(text));
                });""", href);
        return Base64.getDecoder().decode(base64);
    }

    private static void assertPageClean(Browser browser) {
        assertThat(browser.consoleErrors()).as(browser.driver().getCurrentUrl()).isEmpty();
    }

    /**
     * Saves the whole page, up to 1,800 pixels high, by growing the window for the moment of the
     * screenshot. The browser's frame takes the difference between the window and the page height.
     */
    private static void screenshot(Browser browser, String name) {
        var window = browser.driver().manage().window();
        Dimension size = window.getSize();
        long viewport = (Long) ((JavascriptExecutor) browser.driver()).executeScript("return window.innerHeight;");
        long page = (Long) ((JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.scrollHeight;");
        window.setSize(new Dimension(size.getWidth(), (int) Math.min(1800, page) + size.getHeight() - (int) viewport));
        Path file = browser.screenshot(name);
        window.setSize(size);
        if (SCREENSHOTS_FOR_DOCS != null) {
            try {
                Files.createDirectories(SCREENSHOTS_FOR_DOCS);
                Files.copy(file, SCREENSHOTS_FOR_DOCS.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new IllegalStateException("Failed to copy screenshot " + name + " to " + SCREENSHOTS_FOR_DOCS, e);
            }
        }
    }
}
