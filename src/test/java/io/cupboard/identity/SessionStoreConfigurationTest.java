package io.cupboard.identity;

import java.util.UUID;

import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import io.cupboard.support.StatementCounter;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SessionStoreConfigurationTest {

    @Autowired
    JdbcIndexedSessionRepository sessions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void repositoryUsesTheAsynchronousUpdate() {
        String query = (String) ReflectionTestUtils.getField(sessions, "updateSessionQuery");

        assertThat(query).contains("set_config('synchronous_commit', 'off', true)");
    }

    @Test
    void updateMovesAccessTimeWithoutDurableCommit() {
        String primaryId = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into spring_session (primary_id, session_id, creation_time, last_access_time, max_inactive_interval, expiry_time)
                values (?, ?, 1000, 1000, 1800, 1801000)
                """).params(primaryId, UUID.randomUUID().toString()).update();
        String update = SessionStoreConfiguration.UPDATE_SESSION_QUERY.replace("%TABLE_NAME%", "spring_session");

        String synchronousCommit = transaction.execute(status -> {
            // The test server runs with synchronous commit off; start this transaction with it on.
            jdbc.sql("select set_config('synchronous_commit', 'on', true)").query(String.class).single();
            int updated = jdbc.sql(update).params(UUID.randomUUID().toString(), 5000L, 1800, 1805000L, "agent", primaryId).update();
            assertThat(updated).isOne();
            return jdbc.sql("select current_setting('synchronous_commit')").query(String.class).single();
        });

        assertThat(synchronousCommit).isEqualTo("off");
        assertThat(jdbc.sql("select last_access_time from spring_session where primary_id = ?").param(primaryId)
                .query(Long.class).single()).isEqualTo(5000L);
    }

    @Test
    void pageReadsSessionOnce() throws Exception {
        User agent = fixtures.agent(fixtures.team());
        String setCookie = mvc.perform(post("/login").param("username", agent.getUsername()).param("password", Fixtures.PASSWORD)
                        .with(csrf()).with(request -> {
                            request.setRemoteAddr("192.0.2.71");
                            return request;
                        }))
                .andReturn().getResponse().getHeader("Set-Cookie");
        assertThat(setCookie).isNotNull();
        String[] pair = setCookie.split(";", 2)[0].split("=", 2);
        Cookie session = new Cookie(pair[0], pair[1]);

        StatementCounter.reset();
        mvc.perform(get("/alerts/badge").cookie(session)).andExpect(status().isOk());

        // Thymeleaf flushes each page. Committed by that flush, Spring Session would read the row again.
        assertThat(StatementCounter.prepared()).filteredOn(sql -> sql.contains("FROM SPRING_SESSION S")).hasSize(1);
    }
}
