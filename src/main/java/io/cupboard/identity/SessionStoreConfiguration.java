package io.cupboard.identity;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
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
     * saves the session when the response commits. When its filter ends, it saves again and, if
     * the first save came before, reads the session row once more. So a page should commit only
     * at the end: it must fit in the buffer, and its writer's flush must wait for the container.
     */
    static final int RESPONSE_BUFFER_BYTES = 64 * 1024;

    /**
     * Registers a filter inside Spring Session's, so that its response wrapper gets neither a full
     * buffer nor the flush with which Thymeleaf ends every page. The container flushes once the request ends.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> deferredPageCommitFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                response.setBufferSize(RESPONSE_BUFFER_BYTES);
                chain.doFilter(request, new DeferredFlushResponse(response));
            }
        });
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        return registration;
    }

    /** A response whose writer ignores flush calls, which leaves committing to the buffer and the container. */
    static final class DeferredFlushResponse extends HttpServletResponseWrapper {

        private PrintWriter writer;

        DeferredFlushResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(super.getWriter()) {
                    @Override
                    public void flush() {
                        // The container flushes the writer when the request ends.
                    }
                };
            }
            return writer;
        }
    }
}
