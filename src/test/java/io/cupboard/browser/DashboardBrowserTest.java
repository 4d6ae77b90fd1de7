package io.cupboard.browser;

import io.cupboard.identity.Role;
import io.cupboard.identity.Team;
import io.cupboard.identity.User;
import io.cupboard.lead.CallOutcome;
import io.cupboard.lead.OutcomeRequest;
import io.cupboard.lead.Outcomes;
import io.cupboard.support.Browser;
import io.cupboard.support.BrowserTest;
import io.cupboard.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class DashboardBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Outcomes outcomes;

    @Autowired
    JdbcClient jdbc;

    @Test
    void teamLeadSeesTeamChart() {
        Team team = fixtures.team();
        User agent = fixtures.agent(team);
        fixtures.lead(agent);
        fixtures.lead(fixtures.agent(team));
        User teamLead = fixtures.user(Role.TEAM_LEAD, team);
        try (Browser browser = Browser.open(port)) {
            browser.logIn(teamLead.getUsername(), Fixtures.PASSWORD);
            browser.await(driver -> driver.getCurrentUrl().endsWith("/team"));

            browser.await(driver -> "true".equals(driver.findElement(By.id("score-chart")).getAttribute("data-chart-ready")));
            assertThat(browser.find("#agents").getText()).contains(agent.getDisplayName());
            // Each figure stays in its column: Bootstrap's classes (such as .figure) must not turn a cell into a box.
            assertThat(browser.driver().findElements(By.cssSelector("#agents .agent-row td")))
                    .isNotEmpty()
                    .allSatisfy(cell -> assertThat(cell.getCssValue("display")).isEqualTo("table-cell"));
            assertThat(browser.find("html").getAttribute("dir")).isEqualTo("rtl");
            browser.screenshot("team-dashboard-he");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void managerSeesCenterCharts() {
        Team team = fixtures.team();
        User agent = fixtures.agent(team);
        for (int i = 0; i < 3; i++) {
            long leadId = fixtures.lead(agent).getId();
            int version = jdbc.sql("select version from lead where id = ?").param(leadId).query(Integer.class).single();
            outcomes.record(leadId, version, OutcomeRequest.of(i == 0 ? CallOutcome.SALE : CallOutcome.NO_ANSWER),
                    fixtures.signedIn(agent));
        }
        User manager = fixtures.user(Role.MANAGER, null);
        try (Browser browser = Browser.open(port)) {
            browser.logIn(manager.getUsername(), Fixtures.PASSWORD);
            browser.await(driver -> driver.getCurrentUrl().endsWith("/center"));

            awaitCenterCharts(browser);
            assertThat(browser.find("#center-teams").getText()).contains(team.getName());
            browser.screenshot("center-dashboard-he");
            assertThat(browser.consoleErrors()).isEmpty();

            browser.go("/center?lang=en");
            awaitCenterCharts(browser);
            assertThat(browser.find("h1").getText()).isEqualTo("Center dashboard");
            browser.screenshot("center-dashboard-en");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    /** Waits until each of the center's five charts is drawn, or shows "no data" because its range is empty. */
    private static void awaitCenterCharts(Browser browser) {
        browser.await(driver -> driver.findElements(By.cssSelector("canvas[data-chart-ready=true], .chart-empty")).size() == 5);
    }
}
