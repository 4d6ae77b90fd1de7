package io.cupboard.allocation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.Team;
import io.cupboard.identity.User;
import io.cupboard.identity.UserRepository;
import io.cupboard.lead.AssignmentReason;
import io.cupboard.lead.CallOutcome;
import io.cupboard.lead.LeadAssignments;
import io.cupboard.lead.LeadRegistration;
import io.cupboard.lead.OutcomeRequest;
import io.cupboard.lead.Outcomes;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import io.cupboard.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second wave at a time long before the other tests' leads were assigned, so that only this
 * class's leads are old enough to move. The default is 4 business hours without a call.
 */
@IntegrationTest
class SecondWaveTest {

    /** Tuesday 13 January 2026, 10:00 in Israel (UTC+2): a working day with hours 09:00–19:00. */
    static final Instant TUESDAY = Instant.parse("2026-01-13T08:00:00Z");

    @Autowired
    SecondWave secondWave;

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
    Outcomes outcomes;

    @Autowired
    UserRepository users;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    private AllocationScenario scenario;
    private Team team;
    private User first;
    private User second;

    @BeforeEach
    void createTeam() {
        clock.setInstant(TUESDAY);
        scenario = new AllocationScenario(fixtures, rules, registration, allocator, users, transaction);
        team = fixtures.team();
        first = scenario.agent(team, 1, 100);
        second = scenario.agent(team, 1, 100);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void untouchedLeadMovesToAnotherAgent() {
        scenario.rule(team, AllocationStrategy.ROUND_ROBIN);
        long lead = scenario.newLead().leadId();
        assertThat(owner(lead)).isEqualTo(first.getId());

        clock.setInstant(TUESDAY.plusSeconds(4 * 3600 + 60));
        SecondWave.Counts counts = secondWave.run();

        assertThat(counts.untouchedMoved()).isPositive();
        assertThat(owner(lead)).isEqualTo(second.getId());
        assertThat(leadRow(lead).get("wave")).isEqualTo(2);
        assertThat(assignedWhy(lead)).containsExactly("rule", "untouched", "fromPool");
        assertThat(jdbc.sql("select owner_id from task where lead_id = ? and state = 'OPEN'").param(lead)
                .query(Long.class).single()).isEqualTo(second.getId());
    }

    @Test
    void runDrainsEveryTeamPool() {
        scenario.rule(team, AllocationStrategy.ROUND_ROBIN);
        Team other = fixtures.team();
        User otherAgent = scenario.agent(other, 1, 100);
        long ownPool = scenario.newLead().leadId();
        long otherPool = scenario.newLead().leadId();
        assignments.reassign(List.of(ownPool), null, null, AssignmentReason.of("test"), null);
        assignments.reassign(List.of(otherPool), null, other.getId(), AssignmentReason.of("test"), null);
        assertThat(owner(ownPool)).isNull();
        assertThat(owner(otherPool)).isNull();

        SecondWave.Counts counts = secondWave.run();

        assertThat(counts.poolAllocated()).isGreaterThanOrEqualTo(2);
        assertThat(owner(ownPool)).isIn(first.getId(), second.getId());
        assertThat(owner(otherPool)).isEqualTo(otherAgent.getId());
    }

    @Test
    void runDrainsPoolPastOnePage() {
        scenario.rule(team, AllocationStrategy.ROUND_ROBIN);
        List<Long> pooled = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            pooled.add(scenario.newLead().leadId());
        }
        assignments.reassign(pooled, null, null, AssignmentReason.of("test"), null);

        SecondWave.Counts counts = secondWave.run();

        assertThat(counts.poolAllocated()).isGreaterThanOrEqualTo(120);
        assertThat(pooled).allSatisfy(lead -> assertThat(owner(lead)).isIn(first.getId(), second.getId()));
    }

    @Test
    void leadIsNotMovedBeforeFourBusinessHours() {
        scenario.rule(team, AllocationStrategy.ROUND_ROBIN);
        clock.setInstant(Instant.parse("2026-01-13T15:00:00Z"));
        fixtures.openDay(first);
        fixtures.openDay(second);
        long lead = scenario.newLead().leadId();

        // Tuesday 17:00 to 19:00 and Wednesday 09:00 to 10:30: 3.5 business hours. Both agents
        // open Wednesday too, so neither counts as absent.
        clock.setInstant(Instant.parse("2026-01-14T08:30:00Z"));
        fixtures.openDay(first);
        fixtures.openDay(second);
        secondWave.run();
        assertThat(owner(lead)).isEqualTo(first.getId());

        clock.setInstant(Instant.parse("2026-01-14T09:01:00Z"));
        secondWave.run();
        assertThat(owner(lead)).isEqualTo(second.getId());
    }

    @Test
    void calledLeadStaysWithAgent() {
        scenario.rule(team, AllocationStrategy.ROUND_ROBIN);
        long lead = scenario.newLead().leadId();
        clock.setInstant(TUESDAY.plusSeconds(600));
        outcomes.record(lead, version(lead), OutcomeRequest.of(CallOutcome.NO_ANSWER), fixtures.signedIn(first));

        clock.setInstant(TUESDAY.plusSeconds(6 * 3600));
        secondWave.run();

        assertThat(owner(lead)).isEqualTo(first.getId());
        assertThat(leadRow(lead).get("wave")).isEqualTo(1);
    }

    @Test
    void leadWithFutureCallbackIsNotUntouched() {
        scenario.rule(team, AllocationStrategy.ROUND_ROBIN);
        long lead = scenario.newLead().leadId();
        outcomes.record(lead, version(lead), OutcomeRequest.callback(Instant.parse("2026-01-14T10:00:00Z")), fixtures.signedIn(first));
        clock.setInstant(TUESDAY.plusSeconds(300));
        transaction.executeWithoutResult(status ->
                assignments.reassign(List.of(lead), second.getId(), team.getId(), AssignmentReason.of("test"), null));

        clock.setInstant(TUESDAY.plusSeconds(5 * 3600));
        secondWave.run();

        assertThat(owner(lead)).isEqualTo(second.getId());
    }

    @Test
    void untouchedLeadInLastWaveClosesAsUnreachable() {
        scenario.rule(team, AllocationStrategy.ROUND_ROBIN);
        long lead = scenario.newLead().leadId();
        clock.setInstant(TUESDAY.plusSeconds(4 * 3600 + 60));
        secondWave.run();
        assertThat(owner(lead)).isEqualTo(second.getId());

        clock.setInstant(TUESDAY.plusSeconds(8 * 3600 + 120));
        SecondWave.Counts counts = secondWave.run();

        assertThat(counts.untouchedClosed()).isPositive();
        Map<String, Object> row = leadRow(lead);
        assertThat(row.get("closed_at")).isNotNull();
        assertThat(jdbc.sql("select s.code from lead l join lead_status s on s.id = l.status_id where l.id = ?").param(lead)
                .query(String.class).single()).isEqualTo("UNREACHABLE");
        assertThat(jdbc.sql("select r.code from lead l join disqualification_reason r on r.id = l.disqualification_reason_id where l.id = ?")
                .param(lead).query(String.class).single()).isEqualTo("NO_CONTACT");
        assertThat(jdbc.sql("select state from task where lead_id = ? order by id").param(lead).query(String.class).list())
                .containsExactly("CANCELLED");
        assertThat(jdbc.sql("select details ->> 'why' from activity where lead_id = ? and kind = 'SYSTEM'").param(lead)
                .query(String.class).list()).containsExactly("untouchedLastWave");
    }

    @Test
    void secondWaveTeamReceivesUntouchedLead() {
        Team overflow = fixtures.team();
        User overflowAgent = scenario.agent(overflow, 1, 100);
        scenario.rule(new RuleDefinition(Fixtures.unique("rule"), List.of(scenario.source), List.of(), null, null, team.getId(),
                AllocationStrategy.ROUND_ROBIN, overflow.getId()));
        long lead = scenario.newLead().leadId();

        clock.setInstant(TUESDAY.plusSeconds(4 * 3600 + 60));
        secondWave.run();

        assertThat(owner(lead)).isEqualTo(overflowAgent.getId());
        assertThat(leadRow(lead).get("team_id")).isEqualTo(overflow.getId());
    }

    @Test
    void secondRunChangesNothing() {
        scenario.rule(team, AllocationStrategy.ROUND_ROBIN);
        long lead = scenario.newLead().leadId();
        clock.setInstant(TUESDAY.plusSeconds(4 * 3600 + 60));
        secondWave.run();
        int activities = activities(lead);
        Map<String, Object> before = leadRow(lead);

        SecondWave.Counts again = secondWave.run();

        assertThat(again.untouchedMoved()).isZero();
        assertThat(again.untouchedClosed()).isZero();
        assertThat(activities(lead)).isEqualTo(activities);
        assertThat(leadRow(lead)).isEqualTo(before);
    }

    @Test
    void overlappingRunsMoveEachLeadOnce() throws Exception {
        scenario.rule(team, AllocationStrategy.ROUND_ROBIN);
        List<Long> leads = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            leads.add(scenario.newLead().leadId());
        }
        clock.setInstant(TUESDAY.plusSeconds(4 * 3600 + 60));

        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            Callable<SecondWave.Counts> run = secondWave::run;
            for (Future<SecondWave.Counts> result : executor.invokeAll(List.of(run, run))) {
                result.get();
            }
        } finally {
            executor.shutdownNow();
        }

        for (long lead : leads) {
            assertThat(assignedWhy(lead)).as("lead " + lead).filteredOn("untouched"::equals).hasSize(1);
            assertThat(leadRow(lead).get("wave")).as("lead " + lead).isEqualTo(2);
        }
    }

    @Test
    void absentAgentsNewLeadsGoToPresentAgent() {
        scenario.rule(team, AllocationStrategy.ROUND_ROBIN);
        clock.setInstant(Instant.parse("2026-01-13T07:10:00Z"));
        long lead = scenario.newLead().leadId();
        assertThat(owner(lead)).isEqualTo(first.getId());
        // Without day-opening records, an inactive agent is the absent one; deactivated here behind
        // the admin's back, so the lead stayed with them.
        jdbc.sql("update app_user set active = false where id = ?").param(first.getId()).update();

        clock.setInstant(Instant.parse("2026-01-13T07:50:00Z"));
        secondWave.run();
        assertThat(owner(lead)).as("before the absence cutoff").isEqualTo(first.getId());

        clock.setInstant(Instant.parse("2026-01-13T08:05:00Z"));
        SecondWave.Counts counts = secondWave.run();

        assertThat(counts.absentReturned()).isPositive();
        assertThat(owner(lead)).isEqualTo(second.getId());
        assertThat(leadRow(lead).get("wave")).isEqualTo(1);
        assertThat(assignedWhy(lead)).containsExactly("rule", "ownerAbsent", "fromPool");
    }

    @Test
    void exhaustedAttemptsGoToAnotherAgent() {
        scenario.rule(team, AllocationStrategy.ROUND_ROBIN);
        long lead = scenario.newLead().leadId();
        CurrentUser agent = fixtures.signedIn(first);

        for (int attempt = 1; attempt <= 5; attempt++) {
            outcomes.record(lead, version(lead), OutcomeRequest.of(CallOutcome.NO_ANSWER), agent);
        }

        assertThat(owner(lead)).isEqualTo(second.getId());
        assertThat(leadRow(lead).get("wave")).isEqualTo(2);
        assertThat(jdbc.sql("select owner_id from task where lead_id = ? and state = 'OPEN'").param(lead)
                .query(Long.class).single()).isEqualTo(second.getId());
    }

    @Test
    void exhaustedAttemptsMoveToSecondWaveTeam() {
        Team overflow = fixtures.team();
        User overflowAgent = scenario.agent(overflow, 1, 100);
        scenario.rule(new RuleDefinition(Fixtures.unique("rule"), List.of(scenario.source), List.of(), null, null, team.getId(),
                AllocationStrategy.ROUND_ROBIN, overflow.getId()));
        long lead = scenario.newLead().leadId();
        CurrentUser agent = fixtures.signedIn(first);

        for (int attempt = 1; attempt <= 5; attempt++) {
            outcomes.record(lead, version(lead), OutcomeRequest.of(CallOutcome.NO_ANSWER), agent);
        }

        assertThat(leadRow(lead).get("team_id")).isEqualTo(overflow.getId());
        assertThat(owner(lead)).isEqualTo(overflowAgent.getId());
        assertThat(assignedWhy(lead)).containsExactly("rule", "attemptsEnded", "fromPool");
    }

    @Test
    void cutoffCountsBusinessMinutesBack() {
        // Wednesday 10:30 minus 4 business hours: 1.5 hours on Wednesday and 2.5 on Tuesday, from 16:30.
        Instant cutoff = secondWave.businessCutoff(Instant.parse("2026-01-14T08:30:00Z"), 240);

        assertThat(cutoff).isEqualTo(Instant.parse("2026-01-13T14:30:00Z"));
    }

    private Long owner(long leadId) {
        return (Long) leadRow(leadId).get("owner_id");
    }

    private Map<String, Object> leadRow(long leadId) {
        return jdbc.sql("select * from lead where id = ?").param(leadId).query().singleRow();
    }

    private int version(long leadId) {
        return jdbc.sql("select version from lead where id = ?").param(leadId).query(Integer.class).single();
    }

    private int activities(long leadId) {
        return jdbc.sql("select count(*) from activity where lead_id = ?").param(leadId).query(Integer.class).single();
    }

    private List<String> assignedWhy(long leadId) {
        return jdbc.sql("select details ->> 'why' from activity where lead_id = ? and kind = 'ASSIGNED' order by id")
                .param(leadId).query(String.class).list();
    }
}
