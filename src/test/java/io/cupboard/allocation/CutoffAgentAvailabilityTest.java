package io.cupboard.allocation;

import java.time.Instant;

import io.cupboard.identity.Team;
import io.cupboard.identity.User;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class CutoffAgentAvailabilityTest {

    @Autowired
    AgentAvailability availability;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void nobodyIsAbsentBeforeCutoff() {
        Team team = fixtures.team();
        User inactive = fixtures.agent(team);
        jdbc.sql("update app_user set active = false where id = ?").param(inactive.getId()).update();

        // 09:59 in Israel; the default cutoff is 10:00.
        assertThat(availability.absentAgents(team.getId(), Instant.parse("2026-12-08T07:59:00Z"))).isEmpty();
    }

    @Test
    void inactiveAgentIsAbsentFromCutoff() {
        Team team = fixtures.team();
        User inactive = fixtures.agent(team);
        User active = fixtures.agent(team);
        jdbc.sql("update app_user set active = false where id = ?").param(inactive.getId()).update();

        assertThat(availability.absentAgents(team.getId(), Instant.parse("2026-12-08T08:00:00Z")))
                .containsExactly(inactive.getId())
                .doesNotContain(active.getId());
    }
}
