package io.cupboard.browser;

import io.cupboard.alert.AlertSweep;
import io.cupboard.identity.User;
import io.cupboard.lead.Lead;
import io.cupboard.support.Browser;
import io.cupboard.support.BrowserTest;
import io.cupboard.support.Fixtures;
import io.cupboard.support.MutableClock;
import io.cupboard.support.TestTimes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class AlertBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AlertSweep alertSweep;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void setClock() {
        clock.setInstant(TestTimes.TUESDAY_MORNING);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void alertArrivesAndIsDismissedWithoutReload() {
        User agent = fixtures.agent(fixtures.team());
        try (Browser browser = Browser.open(port)) {
            browser.logIn(agent.getUsername(), Fixtures.PASSWORD);
            browser.go("/cup");
            browser.await(driver -> "0".equals(driver.findElement(By.id("alert-badge")).getAttribute("data-count")));
            // A mark that a page reload would erase.
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("document.body.dataset.unreloaded = 'yes';");

            Lead lead = fixtures.lead(agent);
            alertSweep.sweep();

            browser.await(driver -> "1".equals(driver.findElement(By.id("alert-badge")).getAttribute("data-count")));
            assertThat(browser.find("#alert-badge").isDisplayed()).isTrue();
            assertThat(browser.find("#alert-badge").getText()).isEqualTo("1");
            browser.find("#alerts-toggle").click();
            WebElement item = browser.await(driver -> driver.findElement(By.cssSelector("#alert-menu-items .alert-item")));
            assertThat(item.findElement(By.className("alert-text")).getText()).startsWith("ליד חדש הוקצה לך:");
            assertThat(item.findElement(By.className("alert-text")).getAttribute("href")).endsWith("/leads/" + lead.getId());
            browser.screenshot("alert-menu-he");

            item.findElement(By.className("alert-dismiss")).click();

            browser.await(driver -> "0".equals(driver.findElement(By.id("alert-badge")).getAttribute("data-count")));
            assertThat(browser.find("#alert-badge").isDisplayed()).isFalse();
            assertThat(browser.driver().findElements(By.cssSelector("#alert-menu-items .alert-item"))).isEmpty();
            assertThat(browser.find("body").getAttribute("data-unreloaded")).isEqualTo("yes");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
