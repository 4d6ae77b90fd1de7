package io.cupboard.sla;

import java.time.Instant;
import java.time.LocalDate;

import io.cupboard.identity.Team;
import io.cupboard.identity.User;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import io.cupboard.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class WorkDayAbsenceTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 12, 8);

    @Autowired
    AgentPresence presence;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void agentWithoutOpenedDayIsAbsentAfterCutoff() {
        clock.setInstant(Instant.parse("2026-12-08T08:30:00Z"));
        Team team = fixtures.team();
        User present = fixtures.agent(team);
        User missing = fixtures.agent(team);
        fixtures.openDay(present);

        assertThat(presence.absentAgents(TUESDAY)).contains(missing.getId()).doesNotContain(present.getId());
    }

    @Test
    void beforeCutoffOnlyDeactivatedAgentsAreAbsent() {
        clock.setInstant(Instant.parse("2026-12-08T07:30:00Z"));
        Team team = fixtures.team();
        User notYet = fixtures.agent(team);
        User deactivated = fixtures.agent(team);
        jdbc.sql("update app_user set active = false where id = ?").param(deactivated.getId()).update();

        assertThat(presence.absentAgents(TUESDAY)).contains(deactivated.getId()).doesNotContain(notYet.getId());
    }

    @Test
    void pastDayWithoutOpeningIsAbsent() {
        clock.setInstant(Instant.parse("2026-12-09T07:30:00Z"));
        User missing = fixtures.agent(fixtures.team());

        assertThat(presence.absentAgents(TUESDAY)).contains(missing.getId());
    }
}
