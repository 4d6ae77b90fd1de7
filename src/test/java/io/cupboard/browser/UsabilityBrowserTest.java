package io.cupboard.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cupboard.identity.User;
import io.cupboard.support.Browser;
import io.cupboard.support.BrowserTest;
import io.cupboard.support.Fixtures;
import io.cupboard.support.MutableClock;
import io.cupboard.support.TestTimes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks in the browser what a new user meets first. The agent's pages fit a phone's width in both
 * languages, the navigation bar's text has contrast, an outcome moves the focus to its message, and
 * a failed htmx request shows a message.
 */
@BrowserTest
class UsabilityBrowserTest {

    private static final int PHONE_WIDTH = 390;
    private static final Pattern RGB = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)(?:, ([\\d.]+))?\\)");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void agentPagesFitPhoneWidth() {
        clock.setInstant(TestTimes.TUESDAY_MORNING);
        User agent = fixtures.agent(fixtures.team());
        long leadId = fixtures.lead(agent).getId();
        fixtures.lead(agent);
        fixtures.openDay(agent);
        try (Browser browser = Browser.open(port)) {
            browser.emulatePhone(PHONE_WIDTH);
            browser.logIn(agent.getUsername(), Fixtures.PASSWORD);
            for (String language : List.of("he", "en")) {
                for (String path : List.of("/cup", "/leads/" + leadId, "/workday/close")) {
                    browser.go(path + "?lang=" + language);
                    browser.await(driver -> !driver.findElements(By.id("main")).isEmpty());

                    assertThat(overflows(browser)).as(path + " in " + language).isEmpty();
                    assertThat(phonesOnSeveralLines(browser)).as(path + " in " + language).isEmpty();
                }
                browser.go("/cup?lang=" + language);
                browser.screenshot("cup-phone-" + language);
            }
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void navigationTextHasContrast() {
        User agent = fixtures.agent(fixtures.team());
        try (Browser browser = Browser.open(port)) {
            browser.logIn(agent.getUsername(), Fixtures.PASSWORD);
            browser.go("/alerts");

            WebElement navigation = browser.find("nav.navbar");
            double[] background = rgb(navigation.getCssValue("background-color"), null);
            for (WebElement text : browser.driver().findElements(By.cssSelector(".navbar .nav-link, .navbar-text, .navbar .btn"))) {
                double[] foreground = rgb(text.getCssValue("color"), background);
                assertThat(contrast(foreground, background)).as(text.getText()).isGreaterThanOrEqualTo(4.5);
            }
        }
    }

    @Test
    void outcomeMovesFocusToMessage() {
        clock.setInstant(TestTimes.TUESDAY_MORNING);
        User agent = fixtures.agent(fixtures.team());
        long leadId = fixtures.lead(agent).getId();
        fixtures.openDay(agent);
        try (Browser browser = Browser.open(port)) {
            browser.logIn(agent.getUsername(), Fixtures.PASSWORD);
            browser.go("/leads/" + leadId);

            browser.press("1");

            browser.await(driver -> !driver.findElements(By.cssSelector("#lead-card .flash-messages .alert-success")).isEmpty());
            browser.await(driver -> driver.switchTo().activeElement().getAttribute("class").contains("alert-success"));
            assertThat(browser.driver().switchTo().activeElement().getText()).startsWith("נרשם: אין מענה.");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void shortcutPanelTakesFocus() {
        clock.setInstant(TestTimes.TUESDAY_MORNING);
        User agent = fixtures.agent(fixtures.team());
        long leadId = fixtures.lead(agent).getId();
        fixtures.openDay(agent);
        try (Browser browser = Browser.open(port)) {
            browser.logIn(agent.getUsername(), Fixtures.PASSWORD);
            browser.go("/leads/" + leadId);

            browser.press("3");

            browser.await(driver -> driver.findElement(By.id("panel-CALLBACK")).isDisplayed());
            browser.await(driver -> driver.switchTo().activeElement().getAttribute("class").contains("callback-choice"));
            new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
            browser.await(driver -> driver.findElement(By.id("task-type")).getText().equals("שיחה חוזרת"));
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void phoneMenuKeepsFocusOnToggler() {
        User agent = fixtures.agent(fixtures.team());
        try (Browser browser = Browser.open(port)) {
            browser.emulatePhone(PHONE_WIDTH);
            browser.logIn(agent.getUsername(), Fixtures.PASSWORD);
            browser.go("/alerts");
            WebElement toggler = browser.find(".navbar-toggler");
            assertThat(toggler.isDisplayed()).isTrue();

            toggler.sendKeys(Keys.ENTER);

            browser.await(driver -> driver.findElement(By.id("mainNavigation")).getAttribute("class").contains("show"));
            assertThat(browser.driver().switchTo().activeElement().getAttribute("class")).contains("navbar-toggler");
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            assertThat(browser.driver().switchTo().activeElement().getAttribute("href")).endsWith("/cup");
        }
    }

    @Test
    void failedRequestShowsMessage() {
        clock.setInstant(TestTimes.TUESDAY_MORNING);
        User agent = fixtures.agent(fixtures.team());
        long leadId = fixtures.lead(agent).getId();
        fixtures.openDay(agent);
        try (Browser browser = Browser.open(port)) {
            browser.logIn(agent.getUsername(), Fixtures.PASSWORD);
            browser.go("/leads/" + leadId);
            assertThat(browser.find("#request-error").isDisplayed()).isFalse();

            // Without its session the outcome's POST fails the CSRF check with 403, as after a session expires.
            browser.driver().manage().deleteCookieNamed("CUPBOARD_SESSION");
            browser.press("1");

            browser.await(driver -> driver.findElement(By.id("request-error")).isDisplayed());
            assertThat(browser.find("#request-error").getText()).startsWith("הפעולה נכשלה:");
            assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("request-error");
            browser.find("#request-error-close").click();
            assertThat(browser.find("#request-error").isDisplayed()).isFalse();
        }
    }

    /** Returns the page's elements that reach past the screen, and tables wider than their scroll box. */
    @SuppressWarnings("unchecked")
    private static List<String> overflows(Browser browser) {
        return new ArrayList<>((List<String>) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("""
                var width = document.documentElement.clientWidth, found = [];
                if (document.documentElement.scrollWidth > width) {
                    found.push('page ' + document.documentElement.scrollWidth + 'px wide');
                }
                document.querySelectorAll('.table-responsive').forEach(function (box) {
                    if (box.scrollWidth > box.clientWidth + 1) {
                        found.push('table in ' + (box.closest('[id]') || box).id + ' ' + box.scrollWidth + 'px in ' + box.clientWidth + 'px');
                    }
                });
                return found;
                """));
    }

    /** Returns the phone numbers that wrap onto more than one line. */
    @SuppressWarnings("unchecked")
    private static List<String> phonesOnSeveralLines(Browser browser) {
        return new ArrayList<>((List<String>) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("""
                var found = [];
                document.querySelectorAll('.ltr-value').forEach(function (value) {
                    if (/^[0-9+][0-9-]+$/.test(value.textContent.trim()) && value.getClientRects().length > 1) {
                        found.push(value.textContent.trim());
                    }
                });
                return found;
                """));
    }

    /** Parses a CSS colour and blends a translucent one over the given background. */
    private static double[] rgb(String css, double[] background) {
        Matcher matcher = RGB.matcher(css);
        assertThat(matcher.find()).as(css).isTrue();
        double alpha = matcher.group(4) == null ? 1 : Double.parseDouble(matcher.group(4));
        double[] color = new double[3];
        for (int i = 0; i < 3; i++) {
            double channel = Double.parseDouble(matcher.group(i + 1));
            color[i] = background == null ? channel : channel * alpha + background[i] * (1 - alpha);
        }
        return color;
    }

    /** Computes the WCAG 2 contrast ratio of two colours. */
    private static double contrast(double[] first, double[] second) {
        double lighter = Math.max(luminance(first), luminance(second));
        double darker = Math.min(luminance(first), luminance(second));
        return (lighter + 0.05) / (darker + 0.05);
    }

    private static double luminance(double[] color) {
        double[] linear = new double[3];
        for (int i = 0; i < 3; i++) {
            double channel = color[i] / 255;
            linear[i] = channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    }
}
