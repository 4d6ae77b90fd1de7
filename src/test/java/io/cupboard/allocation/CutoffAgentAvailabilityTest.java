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
        User present = fixtures.agent(team);
        jdbc.sql("update app_user set active = false where id = ?").param(inactive.getId()).update();
        openDay(present, "2026-12-08");

        assertThat(availability.absentAgents(team.getId(), Instant.parse("2026-12-08T08:00:00Z")))
                .containsExactly(inactive.getId());
    }

    @Test
    void agentWithoutOpenedDayIsAbsentFromCutoff() {
        Team team = fixtures.team();
        User present = fixtures.agent(team);
        User missing = fixtures.agent(team);
        openDay(present, "2026-12-08");
        openDay(missing, "2026-12-07");

        assertThat(availability.absentAgents(team.getId(), Instant.parse("2026-12-08T08:30:00Z")))
                .containsExactly(missing.getId());
    }

    private void openDay(User agent, String date) {
        jdbc.sql("insert into work_day (agent_id, work_date, opened_at) values (?, cast(? as date), now())")
                .params(agent.getId(), date).update();
    }
}
