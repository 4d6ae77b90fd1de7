package io.cupboard.browser;

import java.time.Duration;
import java.util.List;

import io.cupboard.cup.CupItem;
import io.cupboard.cup.CupProperties;
import io.cupboard.cup.Cups;
import io.cupboard.identity.User;
import io.cupboard.support.Browser;
import io.cupboard.support.BrowserTest;
import io.cupboard.support.Fixtures;
import io.cupboard.support.LeadSetup;
import io.cupboard.support.MutableClock;
import io.cupboard.support.TestTimes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Show more" on a CUP longer than one page, from the keyboard: the next rows follow the shown
 * ones in CUP order and section, the counts stay those of the whole CUP, and the polling refresh
 * keeps the longer list. The server's clock is a working Tuesday at 10:00.
 */
@BrowserTest
class CupShowMoreBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Cups cups;

    @Autowired
    CupProperties properties;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void showMoreAppendsRowsInOrder() {
        clock.setInstant(TestTimes.TUESDAY_MORNING);
        int perPage = properties.rowsPerPage();
        User agent = fixtures.namedAgent(Fixtures.unique("agent"), "יעל לוי", "demo");
        fixtures.openDay(agent);
        for (int i = 0; i < perPage - 5; i++) {
            fixtures.lead(agent);
        }
        LeadSetup setup = new LeadSetup(jdbc);
        for (int i = 0; i < 20; i++) {
            setup.task(fixtures.lead(agent).getId(), "FOLLOW_UP",
                    TestTimes.TUESDAY_MORNING.plus(Duration.ofMinutes(30 + 5L * i)), "FOLLOW_UP");
        }
        List<String> order = cups.cupOf(agent.getId(), agent.getTeamId()).sections().values().stream()
                .flatMap(List::stream).map(CupItem::taskId).map(String::valueOf).toList();

        try (Browser browser = Browser.open(port)) {
            browser.logIn(agent.getUsername(), "demo");
            browser.await(driver -> driver.getCurrentUrl().endsWith("/cup"));
            assertThat(taskIds(browser)).isEqualTo(order.subList(0, perPage));
            assertThat(browser.find("#section-DUE_TODAY .section-count").getText()).isEqualTo("20");
            assertThat(browser.find("#section-DUE_TODAY .section-shown").getText()).isEqualTo("מוצגות 5 מתוך 20");

            WebElement showMore = browser.find("#section-DUE_TODAY .cup-show-more");
            assertThat(showMore.getText()).isEqualTo("הצגת עוד 15");
            showMore.sendKeys(Keys.ENTER);

            browser.await(driver -> driver.findElements(By.cssSelector(".cup-row")).size() == order.size());
            assertThat(taskIds(browser)).isEqualTo(order);
            assertThat(browser.driver().findElements(By.cssSelector("#section-DUE_TODAY .cup-row"))).hasSize(20);
            assertThat(browser.find("#section-NEW_IN_SLA .section-count").getText()).isEqualTo(String.valueOf(perPage - 5));
            assertThat(browser.find("#section-DUE_TODAY .section-count").getText()).isEqualTo("20");
            assertThat(browser.driver().findElements(By.cssSelector(".cup-show-more, .section-shown"))).isEmpty();
            // The focus moves to the first added row, so the keyboard carries on from there.
            assertThat(browser.driver().switchTo().activeElement().getAttribute("href"))
                    .endsWith("/leads/" + browser.driver().findElements(By.cssSelector(".cup-row")).get(perPage)
                            .getAttribute("data-lead-id"));

            // The polling refresh requests the URL on #cup-sections, which now requests the longer list.
            ((JavascriptExecutor) browser.driver()).executeScript("""
                    var sections = document.getElementById('cup-sections');
                    sections.setAttribute('data-refreshed', 'no');
                    htmx.ajax('GET', sections.getAttribute('hx-get'), {target: '#cup-sections', swap: 'outerHTML'});
                    """);
            browser.await(driver -> !"no".equals(driver.findElement(By.id("cup-sections")).getAttribute("data-refreshed")));
            assertThat(taskIds(browser)).isEqualTo(order);

            // A fresh load shows one page again, here in English and left to right.
            browser.go("/cup?lang=en");
            assertThat(browser.find("html").getAttribute("dir")).isEqualTo("ltr");
            assertThat(taskIds(browser)).isEqualTo(order.subList(0, perPage));
            assertThat(browser.find("#section-DUE_TODAY .section-shown").getText()).isEqualTo("Showing 5 of 20");
            assertThat(browser.find("#section-DUE_TODAY .cup-show-more").getText()).isEqualTo("Show 15 more");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    private static List<String> taskIds(Browser browser) {
        return browser.driver().findElements(By.cssSelector(".cup-row")).stream()
                .map(row -> row.getAttribute("data-task-id")).toList();
    }
}
