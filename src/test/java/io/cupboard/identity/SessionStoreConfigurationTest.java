package io.cupboard.identity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import io.cupboard.support.StatementCounter;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
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
    PlatformTransactionManager transactionManager;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    /** The session id of the row a test stores; the column has a unique index. */
    private final String sessionId = UUID.randomUUID().toString();

    @Test
    void repositoryUsesTheAsynchronousUpdate() {
        String query = (String) ReflectionTestUtils.getField(sessions, "updateSessionQuery");

        assertThat(query).contains("set_config('synchronous_commit', 'off', true)");
    }

    @Test
    void updateMovesAccessTimeWithoutDurableCommit() {
        String primaryId = storedSession();
        long later = 1000 + SessionStoreConfiguration.ACCESS_TIME_STEP_MILLIS;

        String synchronousCommit = transaction.execute(status -> {
            // The test server runs with synchronous commit off; start this transaction with it on.
            jdbc.sql("select set_config('synchronous_commit', 'on', true)").query(String.class).single();
            assertThat(update(primaryId, sessionId, later, null)).isOne();
            return jdbc.sql("select current_setting('synchronous_commit')").query(String.class).single();
        });

        assertThat(synchronousCommit).isEqualTo("off");
        assertThat(lastAccessTime(primaryId)).isEqualTo(later);
    }

    @Test
    void accessWithinTheStepLeavesTheRowAlone() {
        String primaryId = storedSession();

        int updated = update(primaryId, sessionId, 1000 + SessionStoreConfiguration.ACCESS_TIME_STEP_MILLIS - 1, null);

        assertThat(updated).isZero();
        assertThat(lastAccessTime(primaryId)).isEqualTo(1000L);
    }

    @Test
    void otherChangesAreWrittenAtOnce() {
        String primaryId = storedSession();
        String renewedId = UUID.randomUUID().toString();

        assertThat(update(primaryId, sessionId, 2000, "agent")).isOne();
        assertThat(update(primaryId, renewedId, 3000, "agent")).isOne();

        assertThat(jdbc.sql("select session_id || ' ' || principal_name || ' ' || last_access_time from spring_session where primary_id = ?")
                .param(primaryId).query(String.class).single()).isEqualTo(renewedId + " agent 3000");
    }

    private String storedSession() {
        String primaryId = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into spring_session (primary_id, session_id, creation_time, last_access_time, max_inactive_interval, expiry_time)
                values (?, ?, 1000, 1000, 1800, 1801000)
                """).params(primaryId, sessionId).update();
        return primaryId;
    }

    private int update(String primaryId, String newSessionId, long accessedAt, String principal) {
        String update = SessionStoreConfiguration.UPDATE_SESSION_QUERY.replace("%TABLE_NAME%", "spring_session");
        return jdbc.sql(update).params(newSessionId, accessedAt, 1800, accessedAt + 1_800_000, principal, primaryId).update();
    }

    private long lastAccessTime(String primaryId) {
        return jdbc.sql("select last_access_time from spring_session where primary_id = ?").param(primaryId)
                .query(Long.class).single();
    }

    @Test
    void saveSuspendsReadOnlyTransaction() {
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);

        SavedAccess saved = moveAccessTimeInside(readOnly, sessions);

        assertThat(jdbc.sql("select last_access_time from spring_session where session_id = ?").param(saved.sessionId())
                .query(Long.class).single()).isEqualTo(saved.accessedAt().toEpochMilli());
    }

    /**
     * Saves a session with a later access time inside a transaction that then rolls back. Typed by
     * the repository's session type, because Spring Session's JDBC session class is not public.
     */
    private static <S extends Session> SavedAccess moveAccessTimeInside(TransactionTemplate transaction,
                                                                          SessionRepository<S> repository) {
        S created = repository.createSession();
        repository.save(created);
        Instant later = created.getLastAccessedTime().plusMillis(SessionStoreConfiguration.ACCESS_TIME_STEP_MILLIS);
        transaction.executeWithoutResult(status -> {
            S found = repository.findById(created.getId());
            found.setLastAccessedTime(later);
            repository.save(found);
            // The application's transaction ends without committing; the session's write stays.
            status.setRollbackOnly();
        });
        return new SavedAccess(created.getId(), later);
    }

    private record SavedAccess(String sessionId, Instant accessedAt) {
    }

    @Test
    void pageReadsSessionOnceAndWritesNothing() throws Exception {
        Cookie session = signedInSession("192.0.2.71");

        StatementCounter.reset();
        mvc.perform(get("/alerts/badge").cookie(session)).andExpect(status().isOk());

        // Thymeleaf flushes each page. Committed by that flush, Spring Session would read the row again.
        assertThat(StatementCounter.prepared()).filteredOn(sql -> sql.contains("FROM SPRING_SESSION S")).hasSize(1);
        // The access time is less than a step old, and nothing else changed.
        assertThat(StatementCounter.prepared()).noneMatch(sql -> sql.toUpperCase().contains("UPDATE SPRING_SESSION"));
    }

    @Test
    void requestAStepLaterMovesTheAccessTime() throws Exception {
        Cookie session = signedInSession("192.0.2.72");
        long stepAgo = System.currentTimeMillis() - SessionStoreConfiguration.ACCESS_TIME_STEP_MILLIS - 1000;
        // Spring Session's cookie carries the session id in Base64.
        String id = new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.US_ASCII);
        assertThat(jdbc.sql("update spring_session set last_access_time = ? where session_id = ?").params(stepAgo, id).update()).isOne();

        mvc.perform(get("/alerts/badge").cookie(session)).andExpect(status().isOk());

        assertThat(jdbc.sql("select last_access_time from spring_session where session_id = ?").param(id)
                .query(Long.class).single()).isGreaterThan(stepAgo + SessionStoreConfiguration.ACCESS_TIME_STEP_MILLIS);
    }

    /** Signs an agent in from an address of its own, because failed and repeated logins are limited per address. */
    private Cookie signedInSession(String address) throws Exception {
        User agent = fixtures.agent(fixtures.team());
        String setCookie = mvc.perform(post("/login").param("username", agent.getUsername()).param("password", Fixtures.PASSWORD)
                        .with(csrf()).with(request -> {
                            request.setRemoteAddr(address);
                            return request;
                        }))
                .andReturn().getResponse().getHeader("Set-Cookie");
        // MockMvc's servlet context counts as a war deployment, whose session cookie keeps Spring Session's default name.
        assertThat(setCookie).startsWith("SESSION=");
        String[] pair = setCookie.split(";", 2)[0].split("=", 2);
        return new Cookie(pair[0], pair[1]);
    }
}
