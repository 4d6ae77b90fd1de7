package io.cupboard.identity;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.io.ResourceLoader;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Settings of the session store in PostgreSQL. Every request moves its session's last access time, so
 * each request would otherwise write the session row and wait for a second durable commit besides
 * its own work.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    /**
     * How long a session's last access time may lag behind its requests. Sessions last ten hours,
     * so expiring up to this much early goes unnoticed, while each request no longer rewrites the
     * row, its expiry index entry and their WAL.
     */
    static final long ACCESS_TIME_STEP_MILLIS = 60_000;

    /**
     * Spring Session's update of a session row. Spring Session sends it when the session's id,
     * timeout, user or security context changed, and when the access time moved by a step (see
     * {@link SteppedAccessSessionRepository}). It writes only when one of the row's own columns
     * changed, or the access time moved by {@link #ACCESS_TIME_STEP_MILLIS} or more. The parameters
     * keep Spring Session's order, so the new values are named in a subquery first. A write turns
     * synchronous commit off for its own transaction. A database crash can then lose the last
     * moments of access times and attribute changes, so a session may expire a little early or ask
     * for a new login. Sessions are created and deleted with durable commits as before.
     */
    static final String UPDATE_SESSION_QUERY = """
            UPDATE %TABLE_NAME% AS stored
            SET SESSION_ID = incoming.session_id, LAST_ACCESS_TIME = incoming.last_access_time,
                MAX_INACTIVE_INTERVAL = incoming.max_inactive_interval, EXPIRY_TIME = incoming.expiry_time,
                PRINCIPAL_NAME = incoming.principal_name
            FROM (SELECT CAST(? AS CHAR(36)) AS session_id, CAST(? AS BIGINT) AS last_access_time,
                         CAST(? AS INTEGER) AS max_inactive_interval, CAST(? AS BIGINT) AS expiry_time,
                         CAST(? AS VARCHAR(100)) AS principal_name) AS incoming
            WHERE stored.PRIMARY_ID = ?
              AND (incoming.session_id <> stored.SESSION_ID
                   OR incoming.max_inactive_interval <> stored.MAX_INACTIVE_INTERVAL
                   OR incoming.principal_name IS DISTINCT FROM stored.PRINCIPAL_NAME
                   OR incoming.last_access_time - stored.LAST_ACCESS_TIME >= :step)
              AND set_config('synchronous_commit', 'off', true) IS NOT NULL
            """.replace(":step", Long.toString(ACCESS_TIME_STEP_MILLIS));

    /**
     * Runs each statement of the session store on its own, without a transaction around it. Every
     * request reads its session and may write it back, and a transaction around each cost two more
     * round trips and a JPA entity manager. The statements of one save are no longer atomic: a
     * failure between a session's row and its attributes leaves a session without them, whose
     * user signs in again. An application transaction on the thread is suspended, not joined: a
     * download streamed inside a read-only transaction commits its response, and so saves its
     * session, before that transaction ends.
     */
    @Bean
    TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        return template;
    }

    /**
     * Creates the application's transaction template, because Spring Boot's backs off when any
     * {@link TransactionOperations} bean exists, and the session store's is one.
     */
    @Bean
    @Primary
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    /** Creates the session store's attribute conversion, which keeps recently read security contexts and CSRF tokens. */
    @Bean
    GenericConversionService springSessionConversionService(ResourceLoader resources) {
        return SessionAttributeConversion.create(resources.getClassLoader());
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> asynchronousSessionUpdates() {
        return repository -> repository.setUpdateSessionQuery(UPDATE_SESSION_QUERY);
    }

    /**
     * Puts the stepped access times between Spring Session's filter and its JDBC store, by replacing
     * the filter with one over {@link SteppedAccessSessionRepository}. A session repository bean of
     * the application's own would make Spring Boot drop its whole JDBC session set-up, so the store
     * is wrapped where the filter uses it. The new filter finds the session id as Spring Session's
     * own does: with the application's resolver if there is one, else from the cookie.
     */
    @Bean
    static BeanPostProcessor steppedAccessSessionFilter(ObjectProvider<JdbcIndexedSessionRepository> sessions,
                                                        ObjectProvider<HttpSessionIdResolver> resolvers,
                                                        ObjectProvider<CookieSerializer> cookies) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof SessionRepositoryFilter<?>)) {
                    return bean;
                }
                SessionRepositoryFilter<?> filter = new SessionRepositoryFilter<>(
                        new SteppedAccessSessionRepository<>(sessions.getObject(), Duration.ofMillis(ACCESS_TIME_STEP_MILLIS)));
                filter.setHttpSessionIdResolver(resolvers.getIfAvailable(() -> {
                    CookieHttpSessionIdResolver fromCookie = new CookieHttpSessionIdResolver();
                    fromCookie.setCookieSerializer(cookies.getIfAvailable(DefaultCookieSerializer::new));
                    return fromCookie;
                }));
                return filter;
            }
        };
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
