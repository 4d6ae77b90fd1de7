package io.cupboard.allocation;

import java.util.List;

import io.cupboard.identity.Team;
import io.cupboard.identity.User;
import io.cupboard.identity.UserRepository;
import io.cupboard.lead.AssignmentReason;
import io.cupboard.lead.LeadAssignments;
import io.cupboard.lead.LeadRegistration;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import io.cupboard.support.MutableClock;
import io.cupboard.support.TestTimes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pool drain's check for teams where a present agent has room. An allocation attempt locks
 * the team's round-robin cursor, creating its row on the team's first attempt. The leads here
 * reach their pools without an attempt, so a missing cursor row shows that the drain skipped
 * the team.
 */
@IntegrationTest
class PoolDrainTest {

    @Autowired
    PoolDrain drain;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AllocationRules rules;

    @Autowired
    LeadRegistration registration;

    @Autowired
    LeadAllocator allocator;

    @Autowired
    LeadAssignments assignments;

    @Autowired
    UserRepository users;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    private AllocationScenario scenario;

    @BeforeEach
    void setClock() {
        // 10:00 in Israel is the absence cutoff, so an agent who has not opened the day counts as absent.
        clock.setInstant(TestTimes.TUESDAY_MORNING);
        scenario = new AllocationScenario(fixtures, rules, registration, allocator, users, transaction);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void teamWithoutRoomIsSkipped() {
        Team full = fixtures.team();
        scenario.agent(full, 1, 0);
        long lead = pooledLead(full);

        int allocated = drain.drain(full.getId());

        assertThat(allocated).isZero();
        assertThat(owner(lead)).isNull();
        assertThat(hasCursor(full)).as("allocation attempted").isFalse();
    }

    @Test
    void teamWithRoomIsDrained() {
        Team open = fixtures.team();
        User agent = scenario.agent(open, 1, 10);
        long lead = pooledLead(open);

        int allocated = drain.drain(open.getId());

        assertThat(allocated).isEqualTo(1);
        assertThat(owner(lead)).isEqualTo(agent.getId());
    }

    @Test
    void drainAllSkipsOnlyTeamsWithoutRoom() {
        Team full = fixtures.team();
        scenario.agent(full, 1, 0);
        Team open = fixtures.team();
        User agent = scenario.agent(open, 1, 10);
        long waiting = pooledLead(full);
        long allocatedLead = pooledLead(open);

        int allocated = drain.drainAll();

        assertThat(allocated).isPositive();
        assertThat(owner(allocatedLead)).isEqualTo(agent.getId());
        assertThat(owner(waiting)).isNull();
        assertThat(hasCursor(full)).as("allocation attempted in the full team").isFalse();
    }

    @Test
    void absentAgentsRoomDoesNotCount() {
        Team team = fixtures.team();
        // Has room but has not opened today's work day.
        fixtures.agent(team);
        long lead = pooledLead(team);

        drain.drainAll();

        assertThat(owner(lead)).isNull();
        assertThat(hasCursor(team)).as("allocation attempted").isFalse();
    }

    @Test
    void drainAllAllocatesLeadsWithoutTeam() {
        Team team = fixtures.team();
        User agent = scenario.agent(team, 1, 10);
        long lead = scenario.newLead().leadId();
        assertThat(owner(lead)).isNull();
        // Written directly, because creating a rule through AllocationRules drains these leads itself.
        jdbc.sql("""
                insert into allocation_rule (name, position, active, sources, campaigns, team_id, strategy, created_at)
                values (?, 100000, true, array[lower(?)], '{}', ?, 'ROUND_ROBIN', now())
                """).params(Fixtures.unique("rule"), scenario.source, team.getId()).update();

        drain.drainAll();

        assertThat(owner(lead)).isEqualTo(agent.getId());
    }

    @Test
    void teamsWithRoomFollowsAgentPicker() {
        Team full = fixtures.team();
        User atCap = scenario.agent(full, 1, 1);
        fixtures.lead(atCap);
        Team withInactive = fixtures.team();
        User inactive = scenario.agent(withInactive, 1, 10);
        jdbc.sql("update app_user set active = false where id = ?").param(inactive.getId()).update();
        Team withAbsent = fixtures.team();
        fixtures.agent(withAbsent);
        Team mixed = fixtures.team();
        fixtures.agent(mixed);
        scenario.agent(mixed, 1, 10);
        Team empty = fixtures.team();

        var teams = drain.teamsWithRoom(List.of(full.getId(), withInactive.getId(), withAbsent.getId(), mixed.getId(),
                empty.getId()));

        assertThat(teams).containsExactly(mixed.getId());
    }

    /** Creates a lead that no rule matches and puts it in the team's pool without an allocation attempt. */
    private long pooledLead(Team team) {
        long lead = scenario.newLead().leadId();
        transaction.executeWithoutResult(status -> assignments.reassign(List.of(lead), null, team.getId(),
                AssignmentReason.of("test"), null));
        return lead;
    }

    private Long owner(long leadId) {
        return jdbc.sql("select owner_id from lead where id = ?").param(leadId)
                .query((row, number) -> (Long) row.getObject("owner_id")).list().get(0);
    }

    private boolean hasCursor(Team team) {
        return jdbc.sql("select count(*) from allocation_cursor where team_id = ?").param(team.getId())
                .query(Long.class).single() > 0;
    }
}
