package io.cupboard.dashboard;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.cupboard.identity.Role;
import io.cupboard.identity.Team;
import io.cupboard.identity.User;
import io.cupboard.lead.CallOutcome;
import io.cupboard.lead.OutcomeRequest;
import io.cupboard.lead.Outcomes;
import io.cupboard.lead.StatusCatalog;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import io.cupboard.support.MutableClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
 * The center's range figures on days no other test uses: each test builds its day on its own
 * Tuesday of 2020, so the center-wide aggregates contain that test's data only.
 */
@IntegrationTest
class CenterDashboardTest {

    private static final java.util.concurrent.atomic.AtomicInteger WEEKS = new java.util.concurrent.atomic.AtomicInteger();

    private LocalDate day;
    private Instant ten;

    @Autowired
    CenterAnalytics analytics;

    @Autowired
    Outcomes outcomes;

    @Autowired
    StatusCatalog catalog;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    private Team team;
    private String source;

    @BeforeEach
    void buildDay() {
        day = LocalDate.of(2020, 3, 10).plusWeeks(WEEKS.getAndIncrement());
        ten = day.atTime(10, 0).atZone(java.time.ZoneId.of("Asia/Jerusalem")).toInstant();
        clock.setInstant(ten);
        team = fixtures.team();
        User agent = fixtures.agent(team);
        source = Fixtures.unique("source");
        long reasonPrice = catalog.reasonsByCode().get("PRICE").getId();

        long sale = lead(agent);
        record(agent, sale, OutcomeRequest.of(CallOutcome.NO_ANSWER));
        record(agent, sale, OutcomeRequest.of(CallOutcome.SALE));

        long priced = lead(agent);
        record(agent, priced, OutcomeRequest.notRelevant(reasonPrice));

        long followUp = lead(agent);
        record(agent, followUp, OutcomeRequest.of(CallOutcome.BUSY));
        record(agent, followUp, OutcomeRequest.of(CallOutcome.NO_ANSWER));
        record(agent, followUp, OutcomeRequest.of(CallOutcome.FOLLOW_UP));

        long untouched = lead(agent);
        jdbc.sql("update lead set created_at = ? where id = ?").params(Timestamp.from(ten.minus(Duration.ofMinutes(30))), untouched).update();
        jdbc.sql("update task set sla_deadline_at = ? where lead_id = ? and state = 'OPEN'")
                .params(Timestamp.from(ten.minus(Duration.ofMinutes(25))), untouched).update();

        jdbc.sql("insert into work_day (agent_id, work_date, opened_at, closed_at, closed_clean) values (?, ?, ?, ?, true)")
                .params(agent.getId(), day, Timestamp.from(ten), Timestamp.from(ten.plus(Duration.ofHours(8)))).update();
        User other = fixtures.agent(team);
        jdbc.sql("insert into work_day (agent_id, work_date, opened_at) values (?, ?, ?)")
                .params(other.getId(), day, Timestamp.from(ten)).update();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void funnelNamesRegisteredSource() {
        String code = Fixtures.unique("src").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        jdbc.sql("insert into intake_source (code, name, direction, created_at) values (?, 'טופס באתר', 'INBOUND', now())")
                .param(code).update();
        jdbc.sql("update lead set source = ? where source = ?").params(code, source).update();

        List<String> sources = analytics.funnel(day, day).stream().map(CenterAnalytics.FunnelRow::source).toList();

        assertThat(sources).contains("טופס באתר");
        assertThat(sources).doesNotContain(code);
    }

    @Test
    void funnelCountsEachStage() {
        CenterAnalytics.FunnelRow row = analytics.funnel(day, day).stream()
                .filter(funnel -> funnel.source().equals(source)).findFirst().orElseThrow();

        assertThat(row.arrived()).isEqualTo(4);
        assertThat(row.contacted()).isEqualTo(3);
        assertThat(row.followUp()).isEqualTo(1);
        assertThat(row.won()).isEqualTo(1);
        assertThat(row.lost()).isZero();
        assertThat(row.disqualified()).isEqualTo(1);
    }

    @Test
    void reasonsAreSharesOfClosedLeads() {
        List<CenterAnalytics.ReasonShare> reasons = analytics.reasons(day, day).stream()
                .filter(reason -> reason.teamId() == team.getId()).toList();

        assertThat(reasons).singleElement().satisfies(reason -> {
            assertThat(reason.reasonCode()).isEqualTo("PRICE");
            assertThat(reason.leads()).isEqualTo(1);
            assertThat(reason.closedLeads()).isEqualTo(2);
            assertThat(reason.share()).isEqualTo(0.5);
        });
    }

    @Test
    void slaTrendPerDayAndTeam() {
        assertThat(analytics.slaTrend(day, day)).filteredOn(share -> share.teamId() == team.getId())
                .singleElement().satisfies(share -> {
                    assertThat(share.day()).isEqualTo(day);
                    assertThat(share.met()).isEqualTo(3);
                    assertThat(share.total()).isEqualTo(4);
                });
    }

    @Test
    void dayCloseTrendPerDayAndTeam() {
        assertThat(analytics.dayCloseTrend(day, day)).filteredOn(share -> share.teamId() == team.getId())
                .singleElement().satisfies(share -> {
                    assertThat(share.met()).isEqualTo(1);
                    assertThat(share.total()).isEqualTo(2);
                    assertThat(share.share()).isEqualTo(0.5);
                });
    }

    @Test
    void attemptsBeforeContact() {
        assertThat(analytics.attemptsToContact(day, day))
                .containsExactly(new CenterAnalytics.AttemptsBucket(0, 1), new CenterAnalytics.AttemptsBucket(1, 1),
                        new CenterAnalytics.AttemptsBucket(2, 1));
    }

    @Test
    void pageRendersChartsWithTableFallbacks() throws Exception {
        User manager = fixtures.user(Role.MANAGER, null);

        Document page = Jsoup.parse(mvc.perform(get("/center").param("from", day.toString()).param("to", day.toString())
                        .with(user(fixtures.signedIn(manager))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("h1").text()).isEqualTo("לוח הבקרה של המוקד");
        assertThat(page.select("canvas[data-chart]")).hasSize(5);
        assertThat(page.select("details summary").eachText()).allMatch(text -> text.equals("הצגה כטבלה"));
        assertThat(page.selectFirst("#funnel-chart").attr("data-chart")).contains("הגיעו", "נוצר קשר");
        assertThat(page.select("#attempts-table tbody tr")).hasSize(3);
        assertThat(page.selectFirst("#center-teams tr[data-team-id=" + team.getId() + "] th").text()).isEqualTo(team.getName());
    }

    @Test
    void invalidRangeFallsBackWithMessage() throws Exception {
        User manager = fixtures.user(Role.MANAGER, null);

        Document page = Jsoup.parse(mvc.perform(get("/center").param("from", day.plusDays(2).toString()).param("to", day.toString())
                        .with(user(fixtures.signedIn(manager))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst(".alert-danger").text()).startsWith("טווח התאריכים לא תקין");
    }

    @Test
    void exportsEachTable() throws Exception {
        User manager = fixtures.user(Role.MANAGER, null);
        for (String table : List.of("teams", "funnel", "reasons", "sla", "day-close", "attempts")) {
            mvc.perform(get("/center/export/" + table + ".csv").param("from", day.toString()).param("to", day.toString())
                            .with(user(fixtures.signedIn(manager))))
                    .andExpect(status().isOk());
            mvc.perform(get("/center/export/" + table + ".xlsx").param("from", day.toString()).param("to", day.toString())
                            .with(user(fixtures.signedIn(manager))))
                    .andExpect(status().isOk());
        }
        String funnel = mvc.perform(get("/center/export/funnel.csv").param("from", day.toString()).param("to", day.toString())
                        .with(user(fixtures.signedIn(manager))))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(funnel).contains(source + ",,4,3,1,1,0,1");
    }

    private long lead(User agent) {
        long leadId = fixtures.lead(agent).getId();
        jdbc.sql("update lead set source = ? where id = ?").params(source, leadId).update();
        return leadId;
    }

    private void record(User agent, long leadId, OutcomeRequest request) {
        clock.advance(Duration.ofMinutes(1));
        int version = jdbc.sql("select version from lead where id = ?").param(leadId).query(Integer.class).single();
        outcomes.record(leadId, version, request, fixtures.signedIn(agent));
    }
}
