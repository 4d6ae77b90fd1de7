package io.cupboard.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Settings of the session store in PostgreSQL. Every request moves its session's last access time, so
 * each request would otherwise wait for a second durable commit besides its own work.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    /**
     * Spring Session's update of a session row, which also turns synchronous commit off for its
     * own transaction. A database crash can then lose the last moments of access times and
     * attribute changes, so a session may expire a little early or ask for a new login. Sessions
     * are created and deleted with durable commits as before.
     */
    static final String UPDATE_SESSION_QUERY = """
            UPDATE %TABLE_NAME%
            SET SESSION_ID = ?, LAST_ACCESS_TIME = ?, MAX_INACTIVE_INTERVAL = ?, EXPIRY_TIME = ?, PRINCIPAL_NAME = ?
            WHERE PRIMARY_ID = ? AND set_config('synchronous_commit', 'off', true) IS NOT NULL
            """;

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> asynchronousSessionUpdates() {
        return repository -> repository.setUpdateSessionQuery(UPDATE_SESSION_QUERY);
    }
}
