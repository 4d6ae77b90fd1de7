package io.cupboard.cup;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.Team;
import io.cupboard.identity.User;
import io.cupboard.lead.Lead;
import io.cupboard.lead.LeadAssignments;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import io.cupboard.support.LeadSetup;
import io.cupboard.support.MutableClock;
import io.cupboard.support.TestTimes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class NextLeadTest {

    @Autowired
    NextLead nextLead;

    @Autowired
    Fixtures fixtures;

    @Autowired
    LeadAssignments assignments;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    private Team team;

    @BeforeEach
    void createTeam() {
        clock.setInstant(TestTimes.TUESDAY_MORNING);
        team = fixtures.team();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void opensTopOfOwnCupFirst() {
        User agent = fixtures.agent(team);
        Lead own = fixtures.lead(agent);
        poolLead();

        assertThat(nextLead.next(fixtures.signedIn(agent))).contains(own.getId());
    }

    @Test
    void claimsFromPoolWhenCupHasNothingDue() {
        User agent = fixtures.agent(team);
        Lead pooled = poolLead();

        Optional<Long> next = nextLead.next(fixtures.signedIn(agent));

        assertThat(next).contains(pooled.getId());
        assertThat(jdbc.sql("select owner_id from lead where id = ?").param(pooled.getId()).query(Long.class).single())
                .isEqualTo(agent.getId());
        assertThat(jdbc.sql("select owner_id from task where lead_id = ? and state = 'OPEN'").param(pooled.getId())
                .query(Long.class).single()).isEqualTo(agent.getId());
    }

    @Test
    void agentAtCapacityClaimsNothing() {
        User agent = fixtures.agent(team);
        jdbc.sql("update app_user set daily_capacity = 0 where id = ?").param(agent.getId()).update();
        poolLead();

        assertThat(nextLead.next(fixtures.signedIn(agent))).isEmpty();
    }

    @Test
    void secondWaveLeadNeverReturnsToItsAgent() {
        User first = fixtures.agent(team);
        Lead lead = fixtures.lead(first);
        assignments.assign(lead.getId(), null, team.getId(), "second wave", null);
        jdbc.sql("update lead set wave = 2 where id = ?").param(lead.getId()).update();

        assertThat(nextLead.claimFromPool(fixtures.signedIn(first))).isEmpty();
        assertThat(nextLead.claimFromPool(fixtures.signedIn(fixtures.agent(team)))).contains(lead.getId());
    }

    @Test
    void concurrentPullsNeverShareALead() throws Exception {
        int leads = 40;
        int agents = 12;
        for (int i = 0; i < leads; i++) {
            poolLead();
        }
        List<CurrentUser> pullers = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            pullers.add(fixtures.signedIn(fixtures.agent(team)));
        }

        ExecutorService executor = Executors.newFixedThreadPool(agents);
        List<Long> claimed = new ArrayList<>();
        try {
            List<Callable<List<Long>>> work = pullers.stream().<Callable<List<Long>>>map(agent -> () -> {
                List<Long> mine = new ArrayList<>();
                for (int pull = 0; pull < 10; pull++) {
                    nextLead.claimFromPool(agent).ifPresent(mine::add);
                }
                return mine;
            }).toList();
            for (Future<List<Long>> result : executor.invokeAll(work)) {
                claimed.addAll(result.get());
            }
        } finally {
            executor.shutdownNow();
        }

        assertThat(claimed).hasSize(leads).doesNotHaveDuplicates();
        long claimsRecorded = jdbc.sql("""
                select count(*) from activity a join lead l on l.id = a.lead_id
                where l.team_id = ? and a.kind = 'ASSIGNED' and a.details ->> 'why' = 'claimedFromPool'
                """).param(team.getId()).query(Long.class).single();
        assertThat(claimsRecorded).isEqualTo(leads);
        assertThat(jdbc.sql("select count(*) from task where team_id = ? and state = 'OPEN' and owner_id is null")
                .param(team.getId()).query(Long.class).single()).isZero();
    }

    private Lead poolLead() {
        User placeholder = fixtures.agent(team);
        Lead lead = fixtures.lead(placeholder);
        assignments.assign(lead.getId(), null, team.getId(), "pool", null);
        new LeadSetup(jdbc).task(lead.getId(), "FIRST_CONTACT", TestTimes.TUESDAY_MORNING.minus(Duration.ofMinutes(1)), "NEW");
        jdbc.sql("update app_user set active = false where id = ?").param(placeholder.getId()).update();
        return lead;
    }
}
