package io.cupboard.browser;

import io.cupboard.identity.User;
import io.cupboard.support.BrowserTest;
import io.cupboard.support.Fixtures;
import io.cupboard.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions live in PostgreSQL, so any application instance can serve a signed-in user.
 */
@BrowserTest
class SessionStoreTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void loginStoresTheSessionInPostgresql() throws Exception {
        User agent = fixtures.agent(fixtures.team());
        WebSession session = new WebSession(port);

        session.logIn(agent.getUsername(), Fixtures.PASSWORD);

        long sessions = jdbc.sql("select count(*) from spring_session where principal_name = ?")
                .param(agent.getUsername()).query(Long.class).single();
        assertThat(sessions).isEqualTo(1);
        assertThat(session.get("/workday/plan").statusCode()).isEqualTo(200);
        // The session filter CupBoard puts in place keeps the cookie settings of application.properties.
        assertThat(session.cookieNames()).containsExactly("CUPBOARD_SESSION");
    }

    @Test
    void deletedSessionRowSignsTheUserOut() throws Exception {
        User agent = fixtures.agent(fixtures.team());
        WebSession session = new WebSession(port);
        session.logIn(agent.getUsername(), Fixtures.PASSWORD);

        jdbc.sql("delete from spring_session where principal_name = ?").param(agent.getUsername()).update();

        // With the row gone the session is gone everywhere: the next request goes to login.
        var response = session.get("/cup");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }
}
