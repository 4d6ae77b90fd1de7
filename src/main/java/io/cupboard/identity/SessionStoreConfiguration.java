package io.cupboard.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

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

    /**
     * Response buffer of a page, large enough for the CUP's first page of rows. Spring Session
     * saves the session when the response commits, and when its filter ends it reads the session
     * again if that save came first (spring-session issue 1424). A page that fits in the buffer
     * commits only at the end, so the session is read once and saved once.
     */
    static final int RESPONSE_BUFFER_BYTES = 64 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> responseBufferFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                response.setBufferSize(RESPONSE_BUFFER_BYTES);
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }
}
