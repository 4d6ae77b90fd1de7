package io.cupboard.browser;

import io.cupboard.identity.Role;
import io.cupboard.identity.User;
import io.cupboard.support.Browser;
import io.cupboard.support.BrowserTest;
import io.cupboard.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class SlaAdminBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Test
    void policyPreviewAppearsBesideForm() {
        User admin = fixtures.user(Role.ADMIN, null);
        try (Browser browser = Browser.open(port)) {
            browser.logIn(admin.getUsername(), Fixtures.PASSWORD);
            browser.go("/admin/policies/new");
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('sampleArrival').value = '2026-12-10T18:50'; document.body.dataset.unreloaded = 'yes';");

            // Bootstrap makes scrolling smooth, so scroll at once before clicking below the fold.
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});",
                    browser.find("#preview-policy"));
            browser.find("#preview-policy").click();

            browser.await(driver -> driver.findElements(By.cssSelector("#preview-attempts .preview-time")).size() == 5);
            assertThat(browser.find("#preview-deadline").getText()).isEqualTo("10/12/2026 18:55");
            assertThat(browser.find("body").getAttribute("data-unreloaded")).isEqualTo("yes");
            browser.screenshot("policy-preview-he");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void calendarPageShowsHolidays() {
        User admin = fixtures.user(Role.ADMIN, null);
        try (Browser browser = Browser.open(port)) {
            browser.logIn(admin.getUsername(), Fixtures.PASSWORD);
            browser.go("/admin/calendar?lang=en");

            assertThat(browser.find("h1").getText()).isEqualTo("Calendar and business hours");
            assertThat(browser.driver().findElements(By.cssSelector("#holidays tr"))).isNotEmpty();
            browser.screenshot("calendar-en");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
