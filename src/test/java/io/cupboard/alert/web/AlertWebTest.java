package io.cupboard.alert.web;

import java.time.Duration;

import io.cupboard.alert.AlertSweep;
import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.Role;
import io.cupboard.identity.Team;
import io.cupboard.identity.User;
import io.cupboard.lead.Lead;
import io.cupboard.sla.SlaSweep;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import io.cupboard.support.MutableClock;
import io.cupboard.support.TestTimes;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The badge, the list and dismissing, scoped by role: an agent reads and dismisses only their own
 * alerts, a team lead only their team's escalations, and any other alert gets a 404 response.
 */
@IntegrationTest
class AlertWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AlertSweep alertSweep;

    @Autowired
    SlaSweep slaSweep;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    private User agent;
    private CurrentUser agentUser;
    private CurrentUser teamLead;
    private Lead lead;

    @BeforeEach
    void raiseAlerts() {
        clock.setInstant(TestTimes.TUESDAY_MORNING);
        Team team = fixtures.team();
        agent = fixtures.agent(team);
        fixtures.openDay(agent);
        agentUser = fixtures.signedIn(agent);
        teamLead = fixtures.signedIn(fixtures.user(Role.TEAM_LEAD, team));
        lead = fixtures.lead(agent);
        clock.advance(Duration.ofMinutes(6));
        slaSweep.sweep();
        alertSweep.sweep();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void badgeShowsCountAndMenu() throws Exception {
        Document fragment = htmx(agentUser, "/alerts/badge");

        Element badge = fragment.selectFirst("#alert-badge");
        assertThat(badge.text()).isEqualTo("1");
        assertThat(badge.hasClass("d-none")).isFalse();
        assertThat(badge.attr("hx-trigger")).isEqualTo("every 1000ms");
        assertThat(badge.hasAttr("hx-swap-oob")).isFalse();
        Element menu = fragment.selectFirst("#alert-menu-items");
        assertThat(menu.attr("hx-swap-oob")).isEqualTo("true");
        assertThat(menu.select(".alert-item")).hasSize(1);
        assertThat(menu.selectFirst(".alert-text").attr("href")).isEqualTo("/leads/" + lead.getId());
        assertThat(menu.selectFirst(".alert-text").text()).startsWith("ליד חדש הוקצה לך: ");
        assertThat(menu.selectFirst(".alert-text").text()).endsWith("יש ליצור קשר עד 08/12/2026 10:05.");
    }

    @Test
    void teamLeadSeesTeamEscalation() throws Exception {
        Document fragment = htmx(teamLead, "/alerts/badge");

        assertThat(fragment.selectFirst("#alert-badge").text()).isEqualTo("1");
        assertThat(fragment.selectFirst(".alert-item").attr("data-kind")).isEqualTo("SLA_BREACHED");
        assertThat(fragment.selectFirst(".alert-text").text()).contains(agent.getDisplayName(), "לא טופל עד 08/12/2026 10:05");
    }

    @Test
    void agentDismissesOwnAlert() throws Exception {
        long alertId = alertId("NEW_LEAD");

        Document fragment = Jsoup.parseBodyFragment(mvc.perform(post("/alerts/" + alertId + "/dismiss").header("HX-Request", "true")
                        .with(user(agentUser)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(fragment.selectFirst("#alert-badge").attr("hx-swap-oob")).isEqualTo("true");
        assertThat(fragment.selectFirst("#alert-badge").text()).isEqualTo("0");
        assertThat(fragment.selectFirst("#alert-badge").hasClass("d-none")).isTrue();
        assertThat(fragment.select(".alert-item")).isEmpty();
        assertThat(jdbc.sql("select dismissed_by from alert where id = ?").param(alertId).query(Long.class).single())
                .isEqualTo(agent.getId());
    }

    @Test
    void plainDismissRedirectsToList() throws Exception {
        long alertId = alertId("NEW_LEAD");

        mvc.perform(post("/alerts/" + alertId + "/dismiss").with(user(agentUser)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(htmx(agentUser, "/alerts/badge").selectFirst("#alert-badge").text()).isEqualTo("0");
    }

    @Test
    void otherAgentsAlertIsNotFound() throws Exception {
        CurrentUser otherAgent = fixtures.signedIn(fixtures.agent(fixtures.team()));
        long alertId = alertId("NEW_LEAD");

        mvc.perform(post("/alerts/" + alertId + "/dismiss").with(user(otherAgent)).with(csrf())).andExpect(status().isNotFound());

        assertThat(jdbc.sql("select count(*) from alert where id = ? and dismissed_at is null").param(alertId).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void escalationIsHiddenFromAgentAndOtherTeam() throws Exception {
        CurrentUser otherTeamLead = fixtures.signedIn(fixtures.user(Role.TEAM_LEAD, fixtures.team()));
        long escalationId = alertId("SLA_BREACHED");

        mvc.perform(post("/alerts/" + escalationId + "/dismiss").with(user(agentUser)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/alerts/" + escalationId + "/dismiss").with(user(otherTeamLead)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/alerts/" + escalationId + "/dismiss").with(user(teamLead)).with(csrf())).andExpect(status().is3xxRedirection());

        assertThat(htmx(otherTeamLead, "/alerts/badge").selectFirst("#alert-badge").text()).isEqualTo("0");
    }

    @Test
    void listPageShowsAlertsInEnglish() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/alerts").param("lang", "en").with(user(agentUser)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Alerts");
        assertThat(page.select("#alert-list .alert-row")).hasSize(1);
        assertThat(page.selectFirst("#alert-list .alert-row a").text()).startsWith("A new lead was allocated to you: ");
    }

    @Test
    void layoutPollsOnlyForAgentsAndTeamLeads() throws Exception {
        Document agentPage = Jsoup.parse(mvc.perform(get("/cup").with(user(agentUser))).andReturn().getResponse().getContentAsString());
        CurrentUser manager = fixtures.signedIn(fixtures.user(Role.MANAGER, null));
        Document managerPage = Jsoup.parse(mvc.perform(get("/center").with(user(manager))).andReturn().getResponse().getContentAsString());

        assertThat(agentPage.selectFirst("#alert-badge").attr("hx-get")).isEqualTo("/alerts/badge");
        assertThat(agentPage.selectFirst("#alert-badge").attr("hx-trigger")).isEqualTo("load, every 1000ms");
        assertThat(managerPage.selectFirst("#alerts-nav")).isNull();
    }

    private long alertId(String kind) {
        return jdbc.sql("select id from alert where lead_id = ? and kind = ?").params(lead.getId(), kind).query(Long.class).single();
    }

    private Document htmx(CurrentUser user, String path) throws Exception {
        return Jsoup.parseBodyFragment(mvc.perform(get(path).header("HX-Request", "true").with(user(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
