package io.cupboard.browser;

import io.cupboard.support.Browser;
import io.cupboard.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class LoginBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    io.cupboard.support.Fixtures fixtures;

    @Test
    void agentLogsInAndSeesRightToLeftPage() {
        ensureAgent1();
        try (Browser browser = Browser.open(port)) {
            browser.logIn("agent1", "demo");

            // The first visit of the day shows the day plan before the CUP.
            browser.await(driver -> driver.getCurrentUrl().endsWith("/workday/plan"));
            assertThat(browser.find("html").getAttribute("dir")).isEqualTo("rtl");
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo("he");
            assertThat(browser.find("h1").getText()).isEqualTo("בוקר טוב! זו התוכנית להיום");
            assertThat(browser.find("#current-user").getText()).contains("נועה פרץ");
            // The right-to-left stylesheet really applies: the page's computed direction is rtl.
            assertThat(browser.find("body").getCssValue("direction")).isEqualTo("rtl");
            browser.screenshot("login-agent1-cup-he");

            browser.find("#switch-language").click();
            browser.await(driver -> "ltr".equals(driver.findElement(By.tagName("html")).getAttribute("dir")));
            assertThat(browser.find("h1").getText()).isEqualTo("Good morning! Here is today's plan");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void wrongPasswordShowsHebrewError() {
        ensureAgent1();
        try (Browser browser = Browser.open(port)) {
            browser.logIn("agent1", "not-the-password");

            assertThat(browser.await(driver -> driver.findElement(By.id("login-error"))).getText())
                    .isEqualTo("שם המשתמש או הסיסמה שגויים.");
        }
    }

    private void ensureAgent1() {
        fixtures.namedAgent("agent1", "נועה פרץ", "demo");
    }
}
