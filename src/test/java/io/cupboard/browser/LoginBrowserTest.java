package io.cupboard.browser;

import io.cupboard.identity.Role;
import io.cupboard.identity.Team;
import io.cupboard.identity.TeamRepository;
import io.cupboard.identity.User;
import io.cupboard.identity.UserRepository;
import io.cupboard.support.Browser;
import io.cupboard.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class LoginBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    UserRepository users;

    @Autowired
    TeamRepository teams;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void agentLogsInAndSeesRightToLeftPage() {
        ensureAgent1();
        try (Browser browser = Browser.open(port)) {
            browser.logIn("agent1", "demo");

            browser.await(driver -> driver.getCurrentUrl().endsWith("/cup"));
            assertThat(browser.find("html").getAttribute("dir")).isEqualTo("rtl");
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo("he");
            assertThat(browser.find("h1").getText()).isEqualTo("ה-CUP של היום");
            assertThat(browser.find("#current-user").getText()).contains("נועה פרץ");
            // The right-to-left stylesheet really applies: the page's computed direction is rtl.
            assertThat(browser.find("body").getCssValue("direction")).isEqualTo("rtl");
            browser.screenshot("login-agent1-cup-he");

            browser.find("#switch-language").click();
            browser.await(driver -> "ltr".equals(driver.findElement(By.tagName("html")).getAttribute("dir")));
            assertThat(browser.find("h1").getText()).isEqualTo("Today's CUP");
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
        if (users.findByUsername("agent1").isPresent()) {
            return;
        }
        Team team = teams.save(new Team(io.cupboard.support.Fixtures.unique("צוות"), 6, java.time.Instant.now()));
        users.saveAndFlush(new User("agent1", passwordEncoder.encode("demo"), "נועה פרץ", Role.AGENT, team.getId(),
                java.time.Instant.now()));
    }
}
