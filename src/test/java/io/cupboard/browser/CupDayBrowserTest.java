package io.cupboard.browser;

import java.util.ArrayList;
import java.util.List;

import io.cupboard.identity.User;
import io.cupboard.support.Browser;
import io.cupboard.support.BrowserTest;
import io.cupboard.support.Fixtures;
import io.cupboard.support.MutableClock;
import io.cupboard.support.TestTimes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A working day in the browser: agent1 opens the day, works three leads in next-lead mode from
 * the keyboard, books a callback, and closes the day clean. The server's clock is a working
 * Tuesday at 10:00.
 */
@BrowserTest
class CupDayBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void agentWorksTheDayWithTheKeyboard() {
        clock.setInstant(TestTimes.TUESDAY_MORNING);
        User agent = fixtures.namedAgent("agent1", "נועה פרץ", "demo");
        List<Long> leads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            leads.add(fixtures.lead(agent).getId());
        }
        try (Browser browser = Browser.open(port)) {
            browser.logIn("agent1", "demo");
            browser.await(driver -> driver.getCurrentUrl().endsWith("/workday/plan"));
            assertThat(Integer.parseInt(browser.find("#plan-new").getText())).isGreaterThanOrEqualTo(3);
            browser.screenshot("day-plan-he");
            browser.find("#open-day").click();

            browser.await(driver -> driver.getCurrentUrl().endsWith("/cup"));
            assertThat(browser.find("#section-NEW_IN_SLA .section-count").getText()).isEqualTo("3");
            browser.screenshot("cup-he");

            browser.press("n");
            long first = openedLead(browser);
            browser.press("1");
            long second = nextLeadAfter(browser, first);
            browser.press("5");
            long third = nextLeadAfter(browser, second);
            browser.press("3");
            browser.awaitPanelOpen("panel-CALLBACK");
            browser.find("#panel-CALLBACK .callback-choice").click();

            // Nothing else is due now: the retry is due at 10:30 and the callback at 11:00.
            browser.await(driver -> driver.getCurrentUrl().endsWith("/cup"));
            assertThat(List.of(first, second, third)).containsExactlyElementsOf(leads);
            assertThat(browser.find(".alert-info").getText()).isEqualTo("אין כרגע משימה לעבוד עליה, וגם המאגר של הצוות ריק.");

            browser.find("#close-day").click();
            browser.await(driver -> driver.getCurrentUrl().endsWith("/workday/close"));
            assertThat(browser.find("#remaining").getText()).isEqualTo("נשארו 2 משימות להיום.");
            browser.screenshot("day-close-he");
            browser.find("#carry-all-reason").sendKeys("יום עמוס, ממשיכים מחר בבוקר");
            browser.find("#carry-all-submit").click();
            browser.await(driver -> driver.findElement(By.id("remaining")).getText().equals("אין משימות פתוחות להיום."));
            browser.find("#close-day-submit").click();

            browser.await(driver -> driver.findElement(By.cssSelector(".alert-success")).getText().startsWith("ה-CUP נקי."));
            assertThat(browser.consoleErrors()).isEmpty();
        }
        assertThat(jdbc.sql("select outcome from activity where lead_id = any(?) and kind = 'CALL' order by id")
                .param(leads.toArray(Long[]::new)).query(String.class).list())
                .containsExactly("NO_ANSWER", "SALE", "CALLBACK");
        assertThat(jdbc.sql("select closed_clean from work_day where agent_id = ? and work_date = date '2026-12-08'")
                .param(agent.getId()).query(Boolean.class).single()).isTrue();
    }

    private static long openedLead(Browser browser) {
        browser.await(driver -> driver.getCurrentUrl().contains("/leads/") && !driver.findElements(By.id("next-mode")).isEmpty());
        return Long.parseLong(browser.find("#lead-card").getAttribute("data-lead-id"));
    }

    private static long nextLeadAfter(Browser browser, long previous) {
        browser.awaitAttribute("#lead-card", "data-lead-id", id -> !id.equals(String.valueOf(previous)));
        return openedLead(browser);
    }
}
