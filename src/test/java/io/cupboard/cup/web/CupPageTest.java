package io.cupboard.cup.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import io.cupboard.cup.CupItem;
import io.cupboard.cup.CupProperties;
import io.cupboard.cup.Cups;
import io.cupboard.identity.Role;
import io.cupboard.identity.Team;
import io.cupboard.identity.User;
import io.cupboard.lead.AttemptsEnd;
import io.cupboard.lead.ContactPolicies;
import io.cupboard.lead.LeadType;
import io.cupboard.lead.RetryStep;
import io.cupboard.lead.StatusCatalog;
import io.cupboard.policy.ContactPolicySettings;
import io.cupboard.policy.PolicyDefinition;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import io.cupboard.support.LeadSetup;
import io.cupboard.support.MutableClock;
import io.cupboard.support.StatementCounter;
import io.cupboard.support.TestTimes;
import io.cupboard.workday.DaySchedules;
import io.cupboard.workday.WorkDays;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class CupPageTest {

    private static final Instant TEN = TestTimes.TUESDAY_MORNING;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkDays workDays;

    @Autowired
    DaySchedules schedules;

    @Autowired
    Cups cups;

    @Autowired
    CupProperties cupProperties;

    @Autowired
    ContactPolicySettings policySettings;

    @Autowired
    ContactPolicies policies;

    @Autowired
    StatusCatalog catalog;

    private Team team;
    private User agent;

    @BeforeEach
    void createAgent() {
        clock.setInstant(TEN);
        team = fixtures.team();
        agent = fixtures.agent(team);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void firstVisitShowsDayPlan() throws Exception {
        mvc.perform(get("/cup").with(signedIn())).andExpect(redirectedUrl("/workday/plan"));

        Document plan = page("/workday/plan");
        assertThat(plan.selectFirst("h1").text()).isEqualTo("בוקר טוב! זו התוכנית להיום");
        assertThat(plan.selectFirst("#open-day").text()).isEqualTo("פתיחת יום");
    }

    @Test
    void openingTheDayLeadsToTheCup() throws Exception {
        mvc.perform(post("/workday/open").with(csrf()).with(signedIn())).andExpect(redirectedUrl("/cup"));

        assertThat(workDays.openedToday(agent.getId())).isTrue();
        mvc.perform(get("/workday/plan").with(signedIn())).andExpect(redirectedUrl("/cup"));
    }

    @Test
    void attemptsFollowSourcePolicy() throws Exception {
        workDays.open(fixtures.signedIn(agent));
        long ownSource = fixtures.lead(agent).getId();
        long otherSource = fixtures.lead(agent).getId();
        String source = Fixtures.unique("source");
        jdbc.sql("update lead set source = ? where id = ?").params(source, ownSource).update();
        policySettings.create(new PolicyDefinition(LeadType.NEW, source, 5,
                List.of(new PolicyDefinition.Step(RetryStep.Kind.BUSINESS_MINUTES, 30)), 2, AttemptsEnd.SECOND_WAVE, 2, null,
                catalog.reasonsByCode().get("NO_CONTACT").getId(), List.of()), null);

        Document cup = page("/cup");

        int defaultMax = policies.policyFor(LeadType.NEW, null).maxAttempts();
        assertThat(defaultMax).isNotEqualTo(2);
        assertThat(attemptsOf(cup, ownSource)).isEqualTo("ניסיון 0 מתוך 2");
        assertThat(attemptsOf(cup, otherSource)).isEqualTo("ניסיון 0 מתוך " + defaultMax);
    }

    private static String attemptsOf(Document cup, long leadId) {
        return cup.selectFirst(".cup-row[data-lead-id=" + leadId + "] td:nth-child(5)").text();
    }

    @Test
    void cupShowsSectionsInHebrew() throws Exception {
        workDays.open(fixtures.signedIn(agent));
        long leadId = fixtures.lead(agent).getId();
        long callback = fixtures.lead(agent).getId();
        new LeadSetup(jdbc).task(callback, "CALLBACK", TEN.plus(Duration.ofMinutes(5)), "CALLBACK");

        Document cup = page("/cup");

        assertThat(cup.selectFirst("h1").text()).isEqualTo("ה-CUP של היום");
        assertThat(cup.select(".cup-section h2").eachText())
                .containsExactly("שיחות חוזרות עכשיו", "לידים חדשים ב-SLA", "באיחור", "להיום");
        assertThat(cup.selectFirst("#section-CALLBACKS_NOW .section-count").text()).isEqualTo("1");
        assertThat(cup.selectFirst("#section-CALLBACKS_NOW .cup-why").text()).isEqualTo("שיחה חוזרת שתואמה ל-10:05");
        assertThat(cup.selectFirst("#section-NEW_IN_SLA .cup-row").attr("data-lead-id")).isEqualTo(String.valueOf(leadId));
        assertThat(cup.selectFirst("#section-NEW_IN_SLA .cup-why").text()).isEqualTo("ליד חדש, SLA עד 10:05");
        assertThat(cup.selectFirst("#next-lead").attr("data-shortcut")).isEqualTo("N");
        assertThat(cup.selectFirst("#current-segment").text()).isEqualTo("מקטע נוכחי: 09:00–11:00 לידים חדשים");
        assertThat(cup.selectFirst("#work-left").text()).isEqualTo("2 משימות ≈ 0:12 ש׳");
        assertThat(cup.selectFirst("#pace").attr("data-pace")).isEqualTo("FITS");
        assertThat(cup.selectFirst("#later-count").text()).isEqualTo("מאוחר יותר: 0");
        assertThat(cup.select(".cup-row a.ltr-value").first().attr("href")).startsWith("tel:+972");
    }

    @Test
    void cupRunsFixedNumberOfStatements() throws Exception {
        workDays.open(fixtures.signedIn(agent));
        for (int i = 0; i < 5; i++) {
            fixtures.lead(agent);
        }
        // The first page also reads the settings that later pages take from memory.
        statementsForCup();
        int fewLeads = statementsForCup();
        for (int i = 0; i < 40; i++) {
            fixtures.lead(agent);
        }

        int manyLeads = statementsForCup();

        // The equality is the N+1 guard; the bound only catches a page that grows many new queries.
        assertThat(manyLeads).isEqualTo(fewLeads);
        assertThat(manyLeads).isLessThanOrEqualTo(20);
        // The CUP, the later count and the agent's day are one statement, sent in one round trip.
        assertThat(StatementCounter.prepared()).filteredOn(sql -> sql.contains("from task") || sql.contains("work_day"))
                .singleElement().asString().contains("later_count", "join work_day");
    }

    @Test
    void cupShowsFirstPageWithFullCounts() throws Exception {
        int perPage = cupProperties.rowsPerPage();
        longCup(perPage - 5, 20);

        Document cup = page("/cup");

        assertThat(cup.select(".cup-row")).hasSize(perPage);
        assertThat(cup.selectFirst("#section-NEW_IN_SLA .section-count").text()).isEqualTo(String.valueOf(perPage - 5));
        assertThat(cup.select("#section-NEW_IN_SLA .cup-row")).hasSize(perPage - 5);
        assertThat(cup.selectFirst("#section-NEW_IN_SLA .section-shown")).isNull();
        assertThat(cup.selectFirst("#section-DUE_TODAY .section-count").text()).isEqualTo("20");
        assertThat(cup.selectFirst("#section-DUE_TODAY").attr("data-count")).isEqualTo("20");
        assertThat(cup.select("#section-DUE_TODAY .cup-row")).hasSize(5);
        assertThat(cup.selectFirst("#section-DUE_TODAY .section-shown").text()).isEqualTo("מוצגות 5 מתוך 20");
        assertThat(cup.selectFirst("#work-left").text()).startsWith((perPage + 15) + " משימות");
        assertThat(cup.select(".cup-show-more")).hasSize(1);
        assertThat(cup.selectFirst("#section-DUE_TODAY .cup-show-more").text()).isEqualTo("הצגת עוד 15");
        assertThat(cup.selectFirst(".cup-show-more").attr("hx-get")).isEqualTo("/cup?rows=" + 2 * perPage + "&from=" + perPage);
        assertThat(cup.selectFirst("#cup-sections").attr("hx-get")).isEqualTo("/cup");
        assertThat(cup.select("[autofocus]")).isEmpty();
        assertThat(taskIds(cup)).isEqualTo(cupOrder().subList(0, perPage));
    }

    @Test
    void firstPageFitsResponseBuffer() throws Exception {
        longCup(cupProperties.rowsPerPage(), 20);

        MockHttpServletResponse response = mvc.perform(get("/cup").with(signedIn())).andExpect(status().isOk())
                .andReturn().getResponse();

        // A page that outgrows the buffer commits early, and Spring Session then reads the session twice.
        assertThat(response.getBufferSize()).isGreaterThan(response.getContentAsByteArray().length);
    }

    @Test
    void showMoreAddsNextRowsInOrder() throws Exception {
        int perPage = cupProperties.rowsPerPage();
        longCup(perPage - 5, 20);

        Document fragment = Jsoup.parse(mvc.perform(get("/cup").param("rows", String.valueOf(2 * perPage))
                        .param("from", String.valueOf(perPage)).header("HX-Request", "true").with(signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(fragment.selectFirst("nav")).isNull();
        assertThat(taskIds(fragment)).isEqualTo(cupOrder());
        assertThat(fragment.select("#section-DUE_TODAY .cup-row")).hasSize(20);
        assertThat(fragment.select(".section-shown")).isEmpty();
        assertThat(fragment.select(".cup-show-more")).isEmpty();
        assertThat(fragment.select("[autofocus]")).hasSize(1);
        assertThat(fragment.select(".cup-row").get(perPage).selectFirst("a[autofocus]")).isNotNull();
        // The polling refresh keeps the longer list.
        assertThat(fragment.selectFirst("#cup-sections").attr("hx-get")).isEqualTo("/cup?rows=" + 2 * perPage);
    }

    @Test
    void fewerRowsThanOnePageShowOnePage() throws Exception {
        int perPage = cupProperties.rowsPerPage();
        longCup(perPage, 3);

        Document cup = page("/cup?rows=1");

        assertThat(cup.select(".cup-row")).hasSize(perPage);
        assertThat(cup.selectFirst(".cup-show-more").text()).isEqualTo("הצגת עוד 3");
        assertThat(cup.selectFirst("#cup-sections").attr("hx-get")).isEqualTo("/cup");
        mvc.perform(get("/cup").param("rows", "many").with(signedIn())).andExpect(status().isBadRequest());
    }

    @Test
    void teamLeadViewPagesTheSameWay() throws Exception {
        int perPage = cupProperties.rowsPerPage();
        longCup(perPage - 5, 20);
        User teamLead = fixtures.user(Role.TEAM_LEAD, team);
        String path = "/team/agents/" + agent.getId() + "/cup";

        Document view = Jsoup.parse(mvc.perform(get(path).with(user(fixtures.signedIn(teamLead))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        Document more = Jsoup.parse(mvc.perform(get(path).param("rows", String.valueOf(2 * perPage))
                        .param("from", String.valueOf(perPage)).header("HX-Request", "true")
                        .with(user(fixtures.signedIn(teamLead))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(taskIds(view)).isEqualTo(cupOrder().subList(0, perPage));
        assertThat(view.selectFirst("#section-DUE_TODAY .section-count").text()).isEqualTo("20");
        assertThat(view.selectFirst(".cup-show-more").attr("hx-get")).isEqualTo(path + "?rows=" + 2 * perPage + "&from=" + perPage);
        assertThat(view.selectFirst("#next-lead")).isNull();
        assertThat(taskIds(more)).isEqualTo(cupOrder());
        assertThat(more.selectFirst("#cup-sections").attr("hx-get")).isEqualTo(path + "?rows=" + 2 * perPage);
    }

    @Test
    void htmxRefreshReturnsSectionsOnly() throws Exception {
        workDays.open(fixtures.signedIn(agent));

        String body = mvc.perform(get("/cup").header("HX-Request", "true").with(signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        Document fragment = Jsoup.parse(body);
        assertThat(fragment.selectFirst("#cup-sections")).isNotNull();
        assertThat(fragment.selectFirst("nav")).isNull();
    }

    @Test
    void nextOpensTopLeadInNextMode() throws Exception {
        workDays.open(fixtures.signedIn(agent));
        long leadId = fixtures.lead(agent).getId();

        mvc.perform(get("/cup/next").with(signedIn())).andExpect(redirectedUrl("/leads/" + leadId + "?next=true"));

        Document card = page("/leads/" + leadId + "?next=true");
        assertThat(card.selectFirst("#next-mode").text()).contains("מצב ליד הבא");
        assertThat(card.selectFirst("input[name=next]").val()).isEqualTo("true");
    }

    @Test
    void nextWithNothingDueSaysSo() throws Exception {
        workDays.open(fixtures.signedIn(agent));

        mvc.perform(get("/cup/next").with(signedIn())).andExpect(redirectedUrl("/cup"));
    }

    @Test
    void closeDayPageListsTasksLeft() throws Exception {
        workDays.open(fixtures.signedIn(agent));
        fixtures.lead(agent);

        Document close = page("/workday/close");

        assertThat(close.selectFirst("#remaining").text()).isEqualTo("נשארו 1 משימות להיום.");
        assertThat(close.select("#due-tasks .due-task")).hasSize(1);
        mvc.perform(post("/workday/close").with(csrf()).with(signedIn())).andExpect(redirectedUrl("/workday/close"));
        assertThat(workDays.status(agent.getId(), workDays.today()).orElseThrow().closedClean()).isFalse();
    }

    @Test
    void teamLeadSeesOwnTeamDayStatus() throws Exception {
        workDays.open(fixtures.signedIn(agent));
        User teamLead = fixtures.user(Role.TEAM_LEAD, team);

        Document page = Jsoup.parse(mvc.perform(get("/team/day-status").with(user(fixtures.signedIn(teamLead))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#agent-days tr[data-agent-id=" + agent.getId() + "] td").text()).isEqualTo("10:00");
        mvc.perform(get("/team/day-status").param("team", String.valueOf(fixtures.team().getId()))
                .with(user(fixtures.signedIn(teamLead)))).andExpect(status().isForbidden());
    }

    @Test
    void agentCannotSeeTeamDayStatus() throws Exception {
        mvc.perform(get("/team/day-status").with(signedIn())).andExpect(status().isForbidden());
    }

    @Test
    void priorityAdminShowsMatrixAndPreview() throws Exception {
        User admin = fixtures.user(Role.ADMIN, null);

        Document page = Jsoup.parse(mvc.perform(get("/admin/priorities").param("focus", "FOLLOW_UPS")
                .with(user(fixtures.signedIn(admin)))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("h1").text()).isEqualTo("סדר העדיפויות");
        assertThat(page.select("#priority-matrix thead th").eachText()).containsExactly("סטטוס", "חדש", "מחודש", "פולו-אפ");
        assertThat(page.selectFirst("#preview-order li").attr("data-cell")).endsWith(":FOLLOW_UP");
    }

    @Test
    void priorityOutOfRangeIsRejected() throws Exception {
        User admin = fixtures.user(Role.ADMIN, null);
        long status = jdbc.sql("select id from lead_status where code = 'ATTEMPTING'").query(Long.class).single();

        mvc.perform(post("/admin/priorities").param("rank[NEW:" + status + "]", "5000").with(csrf())
                        .with(user(fixtures.signedIn(admin))))
                .andExpect(redirectedUrl("/admin/priorities"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("error", "priority.error.range"));
    }

    @Test
    void dayTemplateAdminRejectsOverlap() throws Exception {
        User admin = fixtures.user(Role.ADMIN, null);

        mvc.perform(post("/admin/day-templates").param("team", String.valueOf(team.getId())).param("version", "0")
                        .param("shiftStart", "09:00").param("shiftEnd", "17:00")
                        .param("start", "09:00", "10:00").param("end", "11:00", "12:00")
                        .param("focus", "NEW_LEADS", "FOLLOW_UPS").with(csrf()).with(user(fixtures.signedIn(admin))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("error", "template.error.overlap"));
    }

    @Test
    void teamTemplateChangesTheCupSegment() throws Exception {
        User admin = fixtures.user(Role.ADMIN, null);
        workDays.open(fixtures.signedIn(agent));

        mvc.perform(post("/admin/day-templates").param("team", String.valueOf(team.getId())).param("version", "0")
                        .param("shiftStart", "08:00").param("shiftEnd", "16:00")
                        .param("start", "09:30", "").param("end", "10:30", "").param("focus", "FOLLOW_UPS", "")
                        .with(csrf()).with(user(fixtures.signedIn(admin))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("success", "template.saved"));

        Document cup = page("/cup");
        assertThat(cup.selectFirst("#current-segment").text()).isEqualTo("מקטע נוכחי: 09:30–10:30 פולו-אפים");
        assertThat(cup.selectFirst("#shift-left").text()).isEqualTo("נותרו במשמרת 6:00 ש׳");
    }

    @Test
    void templateFormShowsTheSavedTemplate() throws Exception {
        User admin = fixtures.user(Role.ADMIN, null);
        LocalTime before = schedules.templateFor(team.getId()).getShiftStart();
        // Another instance saves the center's template behind this instance's copy in memory.
        jdbc.sql("update day_template set shift_start = '07:30' where team_id is null").update();
        try {
            Document form = Jsoup.parse(mvc.perform(get("/admin/day-templates").param("team", String.valueOf(team.getId()))
                            .with(user(fixtures.signedIn(admin))))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

            assertThat(form.selectFirst("#shiftStart").attr("value")).isEqualTo("07:30");
        } finally {
            jdbc.sql("update day_template set shift_start = ? where team_id is null").param(before).update();
        }
    }

    /**
     * Opens the agent's day with new leads in their SLA, then tasks due later today, one every
     * five minutes, so that the first page ends inside the section "due today".
     */
    private void longCup(int newLeads, int dueToday) {
        workDays.open(fixtures.signedIn(agent));
        for (int i = 0; i < newLeads; i++) {
            fixtures.lead(agent);
        }
        LeadSetup setup = new LeadSetup(jdbc);
        for (int i = 0; i < dueToday; i++) {
            setup.task(fixtures.lead(agent).getId(), "FOLLOW_UP", TEN.plus(Duration.ofMinutes(30 + 5L * i)), "FOLLOW_UP");
        }
    }

    /** Returns the task ids of the whole CUP in its order. */
    private List<Long> cupOrder() {
        return cups.cupOf(agent.getId(), team.getId()).sections().values().stream()
                .flatMap(List::stream).map(CupItem::taskId).toList();
    }

    private static List<Long> taskIds(Document page) {
        return page.select(".cup-row").eachAttr("data-task-id").stream().map(Long::valueOf).toList();
    }

    private int statementsForCup() throws Exception {
        StatementCounter.reset();
        mvc.perform(get("/cup").with(signedIn())).andExpect(status().isOk());
        return StatementCounter.count();
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(signedIn())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private RequestPostProcessor signedIn() {
        return user(fixtures.signedIn(agent));
    }
}
