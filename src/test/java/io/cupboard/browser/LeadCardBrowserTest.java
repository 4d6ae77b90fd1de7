package io.cupboard.browser;

import io.cupboard.identity.User;
import io.cupboard.lead.Lead;
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
class LeadCardBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void keyboardLogsOutcomesWithoutReload() {
        User agent = fixtures.agent(fixtures.team());
        Lead lead = fixtures.lead(agent);
        try (Browser browser = Browser.open(port)) {
            browser.logIn(agent.getUsername(), Fixtures.PASSWORD);
            browser.go("/leads/" + lead.getId());
            // ChromeDriver 150 types characters of the Basic Multilingual Plane only, so the symbol is
            // one of them. LeadCardWebTest keeps an emoji in a note.
            browser.find("#note").sendKeys("לא ענה, ננסה שוב ☎");

            browser.press("1");

            browser.await(driver -> driver.findElement(By.id("lead-status")).getText().equals("ניסיון התקשרות"));
            assertThat(browser.find(".alert-success").getText()).startsWith("נרשם: אין מענה.");
            assertThat(browser.find(".timeline-entry .note-text").getText()).isEqualTo("לא ענה, ננסה שוב ☎");

            browser.press("3");
            browser.awaitPanelOpen("panel-CALLBACK");
            browser.find("#panel-CALLBACK .callback-choice").click();

            browser.await(driver -> driver.findElement(By.id("lead-status")).getText().equals("שיחה חוזרת"));
            assertThat(browser.find("#task-type").getText()).isEqualTo("שיחה חוזרת");
            browser.screenshot("lead-card-he");
            assertThat(browser.consoleErrors()).isEmpty();
        }
        assertThat(jdbc.sql("select count(*) from activity where lead_id = ? and kind = 'CALL'").param(lead.getId())
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void reasonPanelDisqualifiesWithTwoClicks() {
        User agent = fixtures.agent(fixtures.team());
        Lead lead = fixtures.lead(agent);
        try (Browser browser = Browser.open(port)) {
            browser.logIn(agent.getUsername(), Fixtures.PASSWORD);
            browser.go("/leads/" + lead.getId() + "?lang=en");

            browser.find("[data-outcome=NOT_RELEVANT]").click();
            browser.awaitPanelOpen("panel-NOT_RELEVANT");
            browser.find("#panel-NOT_RELEVANT [data-reason=PRICE]").click();

            browser.await(driver -> driver.findElement(By.id("lead-status")).getText().equals("Not relevant"));
            assertThat(browser.find("#lead-reason").getText()).isEqualTo("Price");
            assertThat(browser.find("#open-task").getText()).contains("No open task");
            browser.screenshot("lead-card-en");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
