package io.cupboard.dashboard;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.cupboard.identity.Role;
import io.cupboard.identity.Team;
import io.cupboard.identity.User;
import io.cupboard.lead.CallOutcome;
import io.cupboard.lead.OutcomeRequest;
import io.cupboard.lead.Outcomes;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import io.cupboard.support.LeadSetup;
import io.cupboard.support.MutableClock;
import io.cupboard.support.TestTimes;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Builds one team with known work at Tuesday 10:00 and checks each dashboard figure exactly.
 */
@IntegrationTest
class TeamDashboardTest {

    private static final Instant TEN = TestTimes.TUESDAY_MORNING;

    @Autowired
    FigureQueries figures;

    @Autowired
    Outcomes outcomes;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    private Team team;
    private User busy;
    private User orphaned;
    private User teamLead;
    private long breached;
    private long missedCallback;
    private long orphanLead;

    @BeforeEach
    void buildTeam() {
        clock.setInstant(TEN);
        LeadSetup setup = new LeadSetup(jdbc);
        team = fixtures.team();
        busy = fixtures.agent(team);
        orphaned = fixtures.agent(team);
        teamLead = fixtures.user(Role.TEAM_LEAD, team);

        breached = fixtures.lead(busy).getId();
        setup.newLead(breached, TEN.minus(Duration.ofMinutes(10)), TEN.minus(Duration.ofMinutes(5)));

        long answered = fixtures.lead(busy).getId();
        arrivedAt(answered, TEN.minus(Duration.ofMinutes(2)));
        outcomes.record(answered, version(answered), OutcomeRequest.of(CallOutcome.NO_ANSWER), fixtures.signedIn(busy));

        missedCallback = fixtures.lead(busy).getId();
        setup.task(missedCallback, "CALLBACK", TEN.minus(Duration.ofHours(1)), "CALLBACK");

        long sold = fixtures.lead(busy).getId();
        arrivedAt(sold, TEN.minus(Duration.ofMinutes(6)));
        outcomes.record(sold, version(sold), OutcomeRequest.of(CallOutcome.SALE), fixtures.signedIn(busy));

        long tomorrow = fixtures.lead(busy).getId();
        setup.task(tomorrow, "FOLLOW_UP", TEN.plus(Duration.ofDays(1)), "FOLLOW_UP");

        jdbc.sql("insert into work_day (agent_id, work_date, opened_at) values (?, date '2026-12-08', ?)")
                .params(busy.getId(), Timestamp.from(TEN.minus(Duration.ofHours(1)))).update();

        orphanLead = fixtures.lead(orphaned).getId();
        // A defect made by hand: the lead stays open but loses its only open task.
        jdbc.sql("update task set state = 'DONE', completed_at = ? where lead_id = ? and state = 'OPEN'")
                .params(Timestamp.from(TEN), orphanLead).update();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void busyAgentFiguresAreExact() {
        AgentFigures figure = agent(busy);

        assertThat(figure.cupSize()).isEqualTo(4);
        assertThat(figure.dueToday()).isEqualTo(3);
        assertThat(figure.overdue()).isEqualTo(2);
        assertThat(figure.missedCallbacks()).isEqualTo(1);
        assertThat(figure.leadsWithoutTask()).isZero();
        assertThat(figure.newPastSla()).isEqualTo(1);
        assertThat(figure.slaComplianceToday()).isEqualTo(2.0 / 3);
        assertThat(figure.slaComplianceWeek()).isEqualTo(2.0 / 3);
        assertThat(figure.medianFirstContact()).isEqualTo(Duration.ofMinutes(4));
        assertThat(figure.attemptsToday()).isEqualTo(2);
        assertThat(figure.contactsToday()).isEqualTo(1);
        assertThat(figure.salesToday()).isEqualTo(1);
        assertThat(figure.dayOpenedAt()).isEqualTo(TEN.minus(Duration.ofHours(1)));
        assertThat(figure.dayClosedClean()).isFalse();
        assertThat(figure.hygieneScore()).isEqualTo(88);
    }

    @Test
    void leadWithoutTaskIsCountedAndRanksFirst() {
        AgentFigures figure = agent(orphaned);

        assertThat(figure.leadsWithoutTask()).isEqualTo(1);
        assertThat(figure.cupSize()).isEqualTo(1);
        assertThat(figure.slaComplianceToday()).isNull();
        assertThat(figure.hygieneScore()).isEqualTo(75);
        assertThat(figures.agents(team.getId())).extracting(AgentFigures::agentId).containsExactly(orphaned.getId(), busy.getId());
    }

    @Test
    void pageShowsFiguresAndRedDefect() throws Exception {
        Document page = page("/team");

        assertThat(page.selectFirst("h1").text()).isEqualTo("לוח הבקרה של הצוות: " + team.getName());
        assertThat(page.selectFirst("#without-task-alert")).isNotNull();
        Element orphanRow = page.selectFirst("#agents tr[data-agent-id=" + orphaned.getId() + "]");
        assertThat(orphanRow.selectFirst("a[data-figure=without-task]").text()).isEqualTo("1");
        assertThat(orphanRow.selectFirst("a[data-figure=without-task]").parent().hasClass("table-danger")).isTrue();
        Element busyRow = page.selectFirst("#agents tr[data-agent-id=" + busy.getId() + "]");
        assertThat(busyRow.selectFirst("a[data-figure=overdue]").text()).isEqualTo("2");
        assertThat(busyRow.selectFirst("[data-figure=sla-today]").text()).isEqualTo("67%");
        assertThat(busyRow.selectFirst("[data-figure=median]").text()).isEqualTo("4 דק׳");
        assertThat(busyRow.selectFirst("[data-figure=opened]").text()).isEqualTo("09:00");
        assertThat(busyRow.selectFirst(".score").text()).isEqualTo("88");
        assertThat(page.select("#agents tbody tr").eachAttr("data-agent-id"))
                .containsExactly(String.valueOf(orphaned.getId()), String.valueOf(busy.getId()));
        assertThat(page.selectFirst("#score-chart").attr("data-chart")).contains("\"horizontal\":true");
    }

    @Test
    void defectTurnsGreenWhenTaskReturns() throws Exception {
        jdbc.sql("""
                insert into task (lead_id, type, owner_id, team_id, due_at, created_at)
                values (?, 'RETRY', ?, ?, ?, ?)
                """).params(orphanLead, orphaned.getId(), team.getId(), Timestamp.from(TEN.plus(Duration.ofHours(1))),
                Timestamp.from(TEN)).update();

        Document page = page("/team");

        assertThat(page.selectFirst("#without-task-alert")).isNull();
        assertThat(agent(orphaned).leadsWithoutTask()).isZero();
    }

    @Test
    void figureLinksListTheLeadsBehind() throws Exception {
        Document overdue = page("/team/agents/" + busy.getId() + "/overdue");
        Document orphans = page("/team/agents/" + orphaned.getId() + "/without-task");

        assertThat(overdue.select("#figure-leads tbody tr").eachAttr("data-lead-id"))
                .containsExactlyInAnyOrder(String.valueOf(breached), String.valueOf(missedCallback));
        assertThat(orphans.select("#figure-leads tbody tr").eachAttr("data-lead-id")).containsExactly(String.valueOf(orphanLead));
    }

    @Test
    void agentNameOpensReadOnlyCup() throws Exception {
        Document cup = page("/team/agents/" + busy.getId() + "/cup");

        assertThat(cup.selectFirst("h1").text()).isEqualTo("ה-CUP של " + busy.getDisplayName() + " (צפייה בלבד)");
        assertThat(cup.selectFirst("#next-lead")).isNull();
        assertThat(cup.selectFirst("#close-day")).isNull();
        assertThat(cup.select(".cup-row")).hasSize(3);
    }

    @Test
    void csvExportHasBomHebrewAndNeutralizedFormulas() throws Exception {
        jdbc.sql("update app_user set display_name = '=HYPERLINK(\"http://x\")' where id = ?").param(busy.getId()).update();

        byte[] csv = mvc.perform(get("/team/export.csv").with(user(fixtures.signedIn(teamLead))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("נציג/ה,ציון,גודל CUP");
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://x\"\")\",88,4,3,2,1,0,1,66.7%,66.7%,4,2,1,1,09:00,לא");
    }

    @Test
    void xlsxExportIsRightToLeftAndNeutralized() throws Exception {
        jdbc.sql("update app_user set display_name = '@SUM(A1)' where id = ?").param(busy.getId()).update();

        byte[] xlsx = mvc.perform(get("/team/export.xlsx").with(user(fixtures.signedIn(teamLead))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.isRightToLeft()).isTrue();
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("נציג/ה");
            List<String> names = List.of(sheet.getRow(1).getCell(0).getStringCellValue(), sheet.getRow(2).getCell(0).getStringCellValue());
            assertThat(names).contains("'@SUM(A1)");
            assertThat(sheet.getRow(names.indexOf("'@SUM(A1)") + 1).getCell(1).getNumericCellValue()).isEqualTo(88);
        }
    }

    @Test
    void teamLeadCannotOpenAnotherTeam() throws Exception {
        Team other = fixtures.team();
        User stranger = fixtures.agent(other);

        mvc.perform(get("/team").param("team", String.valueOf(other.getId())).with(user(fixtures.signedIn(teamLead))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/team/agents/" + stranger.getId() + "/overdue").with(user(fixtures.signedIn(teamLead))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/team/agents/" + stranger.getId() + "/cup").with(user(fixtures.signedIn(teamLead))))
                .andExpect(status().isNotFound());
    }

    @Test
    void managerChoosesAnyTeam() throws Exception {
        User manager = fixtures.user(Role.MANAGER, null);

        Document page = Jsoup.parse(mvc.perform(get("/team").param("team", String.valueOf(team.getId()))
                        .with(user(fixtures.signedIn(manager))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#agents tbody tr")).hasSize(2);
        assertThat(page.select("#team-choice option")).isNotEmpty();
    }

    @Test
    void agentsSeeNoDashboard() throws Exception {
        mvc.perform(get("/team").with(user(fixtures.signedIn(busy)))).andExpect(status().isForbidden());
        mvc.perform(get("/center").with(user(fixtures.signedIn(busy)))).andExpect(status().isForbidden());
        mvc.perform(get("/center").with(user(fixtures.signedIn(teamLead)))).andExpect(status().isForbidden());
    }

    private AgentFigures agent(User agent) {
        return figures.agents(team.getId()).stream().filter(figure -> figure.agentId() == agent.getId()).findFirst().orElseThrow();
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(fixtures.signedIn(teamLead))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private void arrivedAt(long leadId, Instant at) {
        jdbc.sql("update lead set created_at = ? where id = ?").params(Timestamp.from(at), leadId).update();
    }

    private int version(long leadId) {
        return jdbc.sql("select version from lead where id = ?").param(leadId).query(Integer.class).single();
    }
}
