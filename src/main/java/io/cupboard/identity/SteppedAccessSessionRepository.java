package io.cupboard.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * A session store whose sessions move their last access time only in steps. Spring Session sets
 * the access time on every request, which marks its JDBC session as changed, so every request
 * would end with an update of the session row: one more round trip to PostgreSQL, even when the
 * update writes nothing. A session of this store passes a new access time on only once it is a
 * step past the stored one, so a request that changes nothing else saves nothing.
 *
 * @param <S> the session type of the store it wraps
 */
final class SteppedAccessSessionRepository<S extends Session>
        implements SessionRepository<SteppedAccessSessionRepository.SteppedSession<S>> {

    private final SessionRepository<S> store;
    private final Duration step;

    SteppedAccessSessionRepository(SessionRepository<S> store, Duration step) {
        this.store = store;
        this.step = step;
    }

    @Override
    public SteppedSession<S> createSession() {
        return new SteppedSession<>(store.createSession(), step);
    }

    @Override
    public void save(SteppedSession<S> session) {
        store.save(session.stored);
    }

    @Override
    public SteppedSession<S> findById(String id) {
        S found = store.findById(id);
        return found == null ? null : new SteppedSession<>(found, step);
    }

    @Override
    public void deleteById(String id) {
        store.deleteById(id);
    }

    /**
     * A session that keeps its stored last access time until a request comes a step after it. It
     * may therefore expire up to one step early.
     */
    static final class SteppedSession<S extends Session> implements Session {

        private final S stored;
        private final Duration step;

        SteppedSession(S stored, Duration step) {
            this.stored = stored;
            this.step = step;
        }

        @Override
        public void setLastAccessedTime(Instant accessedAt) {
            if (!accessedAt.isBefore(stored.getLastAccessedTime().plus(step))) {
                stored.setLastAccessedTime(accessedAt);
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return stored.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            stored.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            stored.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
