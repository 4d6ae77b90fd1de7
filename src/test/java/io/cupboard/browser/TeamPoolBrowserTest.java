package io.cupboard.browser;

import java.util.ArrayList;
import java.util.List;

import io.cupboard.allocation.AllocationRules;
import io.cupboard.allocation.AllocationStrategy;
import io.cupboard.allocation.LeadAllocator;
import io.cupboard.allocation.RuleDefinition;
import io.cupboard.identity.Role;
import io.cupboard.identity.Team;
import io.cupboard.identity.User;
import io.cupboard.identity.UserRepository;
import io.cupboard.lead.LeadContact;
import io.cupboard.lead.LeadRegistration;
import io.cupboard.lead.LeadType;
import io.cupboard.support.Browser;
import io.cupboard.support.BrowserTest;
import io.cupboard.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class TeamPoolBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AllocationRules rules;

    @Autowired
    LeadRegistration registration;

    @Autowired
    LeadAllocator allocator;

    @Autowired
    UserRepository users;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Test
    void teamLeadMovesSelectedPoolLeadsToAgent() {
        Team team = fixtures.team();
        User teamLead = fixtures.user(Role.TEAM_LEAD, team);
        User agent = fixtures.agent(team);
        // A cap of 0 keeps every new lead in the pool, and the pool from draining by itself.
        agent.changeCapacity(0, 1);
        users.saveAndFlush(agent);
        String source = Fixtures.unique("source");
        rules.create(new RuleDefinition(Fixtures.unique("rule"), List.of(source), List.of(), null, null, team.getId(),
                AllocationStrategy.ROUND_ROBIN, null), fixtures.signedIn(fixtures.user(Role.ADMIN, null)));
        List<Long> pool = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            LeadContact contact = LeadContact.of("ליד במאגר " + i, Fixtures.uniquePhone(), source);
            pool.add(transaction.execute(status ->
                    allocator.allocate(registration.register(contact, LeadType.NEW, "test", null).getId())).leadId());
        }

        try (Browser browser = Browser.open(port)) {
            browser.logIn(teamLead.getUsername(), Fixtures.PASSWORD);
            browser.go("/team/pool");
            assertThat(browser.find("#pool-size").getText()).isEqualTo("לידים שממתינים במאגר: 3");

            browser.find("#lead-" + pool.get(0)).click();
            browser.find("#lead-" + pool.get(2)).click();
            new Select(browser.find("#pool-target")).selectByValue("agent:" + agent.getId());
            browser.find("#pool-reason").sendKeys("דוברת ערבית");
            browser.find("#pool-submit").click();

            browser.await(driver -> !driver.findElements(By.cssSelector("#pool .alert-success")).isEmpty());
            assertThat(browser.find("#pool .alert-success").getText()).startsWith("הועברו 2 לידים.");
            assertThat(browser.find("#pool-size").getText()).isEqualTo("לידים שממתינים במאגר: 1");
            assertThat(browser.driver().findElements(By.cssSelector("#pool tr[data-lead-id]"))).hasSize(1);

            browser.find("[data-select-all]").click();
            assertThat(browser.find("#lead-" + pool.get(1)).isSelected()).isTrue();
            browser.screenshot("team-pool-he");
            assertThat(browser.consoleErrors()).isEmpty();
        }

        for (long lead : List.of(pool.get(0), pool.get(2))) {
            assertThat(jdbc.sql("select owner_id from lead where id = ?").param(lead).query(Long.class).single()).isEqualTo(agent.getId());
            assertThat(jdbc.sql("select note from activity where lead_id = ? and kind = 'ASSIGNED' order by id desc limit 1")
                    .param(lead).query(String.class).single()).isEqualTo("דוברת ערבית");
        }
    }

    @Test
    void managerSeesTeamPoolInEnglish() {
        Team team = fixtures.team();
        User manager = fixtures.user(Role.MANAGER, null);

        try (Browser browser = Browser.open(port)) {
            browser.logIn(manager.getUsername(), Fixtures.PASSWORD);
            browser.go("/team/agents?team=" + team.getId() + "&lang=en");

            assertThat(browser.find("h1").getText()).isEqualTo("Team: " + team.getName());
            assertThat(new Select(browser.find("#team-choice")).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo(team.getId().toString());
            browser.screenshot("team-agents-en");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
