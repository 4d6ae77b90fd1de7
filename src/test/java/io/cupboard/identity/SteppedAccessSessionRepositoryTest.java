package io.cupboard.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

class SteppedAccessSessionRepositoryTest {

    private static final Duration STEP = Duration.ofMinutes(1);

    private final MapSessionRepository store = new MapSessionRepository(new ConcurrentHashMap<>());
    private final SteppedAccessSessionRepository<MapSession> sessions = new SteppedAccessSessionRepository<>(store, STEP);
    private String id;

    @Test
    void accessWithinTheStepKeepsTheStoredTime() {
        Instant stored = savedSession().getLastAccessedTime();
        var found = sessions.findById(id);

        found.setLastAccessedTime(stored.plus(STEP).minusMillis(1));

        assertThat(found.getLastAccessedTime()).isEqualTo(stored);
        assertThat(store.findById(id).getLastAccessedTime()).isEqualTo(stored);
    }

    @Test
    void accessAStepLaterMovesTheTime() {
        Instant later = savedSession().getLastAccessedTime().plus(STEP);
        var found = sessions.findById(id);

        found.setLastAccessedTime(later);
        sessions.save(found);

        assertThat(store.findById(id).getLastAccessedTime()).isEqualTo(later);
    }

    @Test
    void attributesAndIdsReachTheStore() {
        var session = savedSession();
        session.setAttribute("note", "kept");
        String renewed = session.changeSessionId();
        sessions.save(session);

        assertThat(sessions.findById(renewed).<String>getAttribute("note")).isEqualTo("kept");
        sessions.deleteById(renewed);
        assertThat(sessions.findById(renewed)).isNull();
    }

    private SteppedAccessSessionRepository.SteppedSession<MapSession> savedSession() {
        var session = sessions.createSession();
        sessions.save(session);
        id = session.getId();
        return session;
    }
}
