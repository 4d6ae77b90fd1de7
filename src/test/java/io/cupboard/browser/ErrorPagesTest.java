package io.cupboard.browser;

import java.net.http.HttpResponse;

import io.cupboard.identity.User;
import io.cupboard.support.BrowserTest;
import io.cupboard.support.FailingPage;
import io.cupboard.support.Fixtures;
import io.cupboard.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error pages over real HTTP: MockMvc does not forward errors to the error page, a servlet container does.
 */
@BrowserTest
class ErrorPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    private WebSession session;

    @BeforeEach
    void logIn() throws Exception {
        User agent = fixtures.agent(fixtures.team());
        session = new WebSession(port);
        assertThat(session.logIn(agent.getUsername(), Fixtures.PASSWORD)).endsWith("/cup");
    }

    @Test
    void forbiddenPageIsHebrewWithoutStackTrace() throws Exception {
        HttpResponse<String> response = session.get("/admin");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("אין הרשאה").contains("dir=\"rtl\"")
                .doesNotContain("Exception").doesNotContain("at io.cupboard");
    }

    @Test
    void unknownPageIsHebrew404() throws Exception {
        HttpResponse<String> response = session.get("/no-such-page");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("הדף לא נמצא").contains("dir=\"rtl\"");
    }

    @Test
    void unknownPageIsEnglishWhenChosen() throws Exception {
        session.get("/cup?lang=en");

        HttpResponse<String> response = session.get("/no-such-page");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Page not found").contains("dir=\"ltr\"");
    }

    @Test
    void serverErrorIsHebrewWithoutStackTrace() throws Exception {
        HttpResponse<String> response = session.get(FailingPage.PATH);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("תקלה במערכת").contains("dir=\"rtl\"")
                .doesNotContain("IllegalStateException").doesNotContain("on purpose").doesNotContain("at io.cupboard");
    }

    @Test
    void serverErrorIsEnglishWhenChosen() throws Exception {
        session.get("/cup?lang=en");

        HttpResponse<String> response = session.get(FailingPage.PATH);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("System error").contains("dir=\"ltr\"")
                .doesNotContain("IllegalStateException").doesNotContain("at io.cupboard");
    }

    @Test
    void languageSwitchKeepsFailedPage() throws Exception {
        HttpResponse<String> response = session.get("/no-such-page?view=1");

        // The link targets the page that failed, not /error, where the error page is rendered.
        assertThat(response.body()).contains("id=\"switch-language\" href=\"/no-such-page?view=1&amp;lang=en\"");
    }

    @Test
    void forbiddenPageSwitchesToSamePage() throws Exception {
        HttpResponse<String> response = session.get("/admin?lang=en");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Access denied").contains("href=\"/admin?lang=he\"");
    }

    @Test
    void nonNumericIdIsNotFound() throws Exception {
        HttpResponse<String> response = session.get("/leads/abc");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("הדף לא נמצא").contains("href=\"/leads/abc?lang=en\"");
    }
}
