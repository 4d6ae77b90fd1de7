package io.cupboard.sla;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.Team;
import io.cupboard.identity.User;
import io.cupboard.identity.UserRepository;
import io.cupboard.lead.AttemptsEnd;
import io.cupboard.lead.CallOutcome;
import io.cupboard.lead.Lead;
import io.cupboard.lead.LeadAssignments;
import io.cupboard.lead.LeadContact;
import io.cupboard.lead.LeadRegistration;
import io.cupboard.lead.LeadType;
import io.cupboard.lead.OutcomeRequest;
import io.cupboard.lead.Outcomes;
import io.cupboard.lead.RetryStep;
import io.cupboard.lead.StatusCatalog;
import io.cupboard.policy.ContactPolicySettings;
import io.cupboard.policy.PolicyDefinition;
import io.cupboard.policy.StoredPolicy;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import io.cupboard.support.MutableClock;
import io.cupboard.support.TestTimes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each transition of the SLA sweep on real rows, and that a second sweep at the same moment
 * changes nothing. The sweep reads every test's rows, so assertions look at this test's leads,
 * except the second-run check: after a sweep, nothing anywhere is left to change at that moment.
 * The clock starts on Tuesday 8 December 2026, 10:00 in Israel.
 */
@IntegrationTest
class SlaSweepTest {

    private static final Instant TUESDAY_TEN = TestTimes.TUESDAY_MORNING;

    @Autowired
    SlaSweep sweep;

    @Autowired
    Outcomes outcomes;

    @Autowired
    LeadRegistration registration;

    @Autowired
    LeadAssignments assignments;

    @Autowired
    ContactPolicySettings policies;

    @Autowired
    StatusCatalog catalog;

    @Autowired
    UserRepository users;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    private Team team;
    private User agent;
    private CurrentUser agentUser;

    @BeforeEach
    void setUp() {
        clock.setInstant(TUESDAY_TEN);
        team = fixtures.team();
        agent = fixtures.agent(team);
        // Present: an agent without an opened day counts as absent, and their callbacks move to the team.
        fixtures.openDay(agent);
        agentUser = fixtures.signedIn(agent);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void missedDeadlineIsMarkedOnce() {
        Lead lead = fixtures.lead(agent);
        clock.advance(Duration.ofMinutes(6));

        SlaSweepResult first = sweep.sweep();
        SlaSweepResult second = sweep.sweep();

        assertThat(first.breachesMarked()).isPositive();
        assertThat(firstContactTask(lead).get("sla_breached_at")).isEqualTo(Timestamp.from(TUESDAY_TEN.plus(Duration.ofMinutes(5))));
        assertThat(events(lead, "SLA_BREACHED")).isEqualTo(1);
        assertThat(second.total()).isZero();
    }

    @Test
    void contactInTimeIsNoBreach() {
        Lead lead = fixtures.lead(agent);
        clock.advance(Duration.ofMinutes(3));
        record(lead, OutcomeRequest.of(CallOutcome.NO_ANSWER));
        clock.advance(Duration.ofMinutes(10));

        sweep.sweep();

        assertThat(firstContactTask(lead).get("sla_breached_at")).isNull();
        assertThat(events(lead, "SLA_BREACHED")).isZero();
    }

    @Test
    void lateContactIsBreach() {
        Lead lead = fixtures.lead(agent);
        clock.advance(Duration.ofMinutes(7));
        record(lead, OutcomeRequest.of(CallOutcome.NO_ANSWER));
        clock.advance(Duration.ofMinutes(1));

        sweep.sweep();

        assertThat(firstContactTask(lead).get("sla_breached_at")).isNotNull();
        assertThat(events(lead, "SLA_BREACHED")).isEqualTo(1);
    }

    @Test
    void exhaustedAttemptsCloseUnreachable() {
        String source = Fixtures.unique("sla-close");
        StoredPolicy policy = policies.create(policy(source, AttemptsEnd.CLOSE_UNREACHABLE, 5), null);
        Lead lead = lead(source);
        for (int attempt = 0; attempt < 3; attempt++) {
            record(lead, OutcomeRequest.of(CallOutcome.NO_ANSWER));
        }
        policies.update(policy.id(), policy.version(), policy(source, AttemptsEnd.CLOSE_UNREACHABLE, 3), null);

        SlaSweepResult first = sweep.sweep();
        SlaSweepResult second = sweep.sweep();

        assertThat(first.closedUnreachable()).isPositive();
        Map<String, Object> row = leadRow(lead);
        assertThat(row.get("status")).isEqualTo("UNREACHABLE");
        assertThat(row.get("reason")).isEqualTo("NO_CONTACT");
        assertThat(row.get("closed_at")).isNotNull();
        assertThat(taskStates(lead)).doesNotContain("OPEN").contains("CANCELLED");
        assertThat(events(lead, "CLOSED_UNREACHABLE")).isEqualTo(1);
        assertThat(second.total()).isZero();
    }

    @Test
    void exhaustedAttemptsStartNextWave() {
        String source = Fixtures.unique("sla-wave");
        StoredPolicy policy = policies.create(policy(source, AttemptsEnd.SECOND_WAVE, 5), null);
        Lead lead = lead(source);
        for (int attempt = 0; attempt < 3; attempt++) {
            record(lead, OutcomeRequest.of(CallOutcome.NO_ANSWER));
        }
        policies.update(policy.id(), policy.version(), policy(source, AttemptsEnd.SECOND_WAVE, 3), null);

        SlaSweepResult first = sweep.sweep();
        SlaSweepResult second = sweep.sweep();

        assertThat(first.secondWaves()).isPositive();
        Map<String, Object> row = leadRow(lead);
        assertThat(row.get("status")).isEqualTo("ATTEMPTING");
        assertThat(row.get("owner_id")).isNull();
        assertThat(row.get("team_id")).isEqualTo(team.getId());
        assertThat(row.get("wave")).isEqualTo(2);
        assertThat(row.get("attempt_count")).isEqualTo(0);
        Map<String, Object> task = jdbc.sql("select type, owner_id, due_at from task where lead_id = ? and state = 'OPEN'")
                .param(lead.getId()).query().singleRow();
        assertThat(task.get("type")).isEqualTo("RETRY");
        assertThat(task.get("owner_id")).isNull();
        assertThat(task.get("due_at")).isEqualTo(Timestamp.from(TUESDAY_TEN));
        assertThat(events(lead, "SECOND_WAVE")).isEqualTo(1);
        assertThat(second.total()).isZero();
    }

    @Test
    void overdueCallbackGoesToTeam() {
        Lead lead = fixtures.lead(agent);
        record(lead, OutcomeRequest.callback(TUESDAY_TEN.plus(Duration.ofMinutes(30))));

        clock.setInstant(TUESDAY_TEN.plus(Duration.ofMinutes(59)));
        sweep.sweep();
        assertThat(leadRow(lead).get("owner_id")).as("29 minutes late").isEqualTo(agent.getId());

        clock.setInstant(TUESDAY_TEN.plus(Duration.ofMinutes(60)));
        SlaSweepResult handed = sweep.sweep();
        SlaSweepResult again = sweep.sweep();

        assertThat(handed.callbacksHandedOver()).isPositive();
        assertThat(leadRow(lead).get("owner_id")).isNull();
        assertThat(leadRow(lead).get("team_id")).isEqualTo(team.getId());
        assertThat(jdbc.sql("select count(*) from task where lead_id = ? and state = 'OPEN' and type = 'CALLBACK' and owner_id is null")
                .param(lead.getId()).query(Long.class).single()).isEqualTo(1);
        assertThat(events(lead, "CALLBACK_OVERDUE")).isEqualTo(1);
        assertThat(jdbc.sql("select details ->> 'previousOwnerId' from activity where lead_id = ? and details ->> 'event' = 'CALLBACK_OVERDUE'")
                .param(lead.getId()).query(String.class).single()).isEqualTo(String.valueOf(agent.getId()));
        assertThat(again.total()).isZero();
    }

    @Test
    void absentAgentsCallbacksTodayGoToTeam() {
        Lead today = fixtures.lead(agent);
        Lead tomorrow = fixtures.lead(agent);
        record(today, OutcomeRequest.callback(Instant.parse("2026-12-08T14:00:00Z")));
        record(tomorrow, OutcomeRequest.callback(Instant.parse("2026-12-09T14:00:00Z")));
        User absent = users.findById(agent.getId()).orElseThrow();
        absent.deactivate();
        users.saveAndFlush(absent);

        sweep.sweep();

        assertThat(leadRow(today).get("owner_id")).isNull();
        assertThat(events(today, "AGENT_ABSENT")).isEqualTo(1);
        assertThat(leadRow(tomorrow).get("owner_id")).isEqualTo(agent.getId());
    }

    private PolicyDefinition policy(String source, AttemptsEnd end, int maxAttempts) {
        return new PolicyDefinition(LeadType.NEW, source, 5,
                List.of(new PolicyDefinition.Step(RetryStep.Kind.BUSINESS_MINUTES, 0), new PolicyDefinition.Step(RetryStep.Kind.BUSINESS_MINUTES, 0)),
                maxAttempts, end, 2, null, catalog.reasonsByCode().get("NO_CONTACT").getId(), List.of());
    }

    private Lead lead(String source) {
        Lead lead = registration.register(LeadContact.of("ליד SLA", Fixtures.uniquePhone(), source), LeadType.NEW, "test", null);
        assignments.assign(lead.getId(), agent.getId(), team.getId(), "test", null);
        return lead;
    }

    private void record(Lead lead, OutcomeRequest request) {
        int version = jdbc.sql("select version from lead where id = ?").param(lead.getId()).query(Integer.class).single();
        outcomes.record(lead.getId(), version, request, agentUser);
    }

    private Map<String, Object> firstContactTask(Lead lead) {
        return jdbc.sql("select * from task where lead_id = ? and type = 'FIRST_CONTACT'").param(lead.getId()).query().singleRow();
    }

    private Map<String, Object> leadRow(Lead lead) {
        return jdbc.sql("""
                        select l.*, s.code as status, r.code as reason
                        from lead l join lead_status s on s.id = l.status_id
                        left join disqualification_reason r on r.id = l.disqualification_reason_id
                        where l.id = ?
                        """)
                .param(lead.getId()).query().singleRow();
    }

    private List<String> taskStates(Lead lead) {
        return jdbc.sql("select state from task where lead_id = ? order by id").param(lead.getId()).query(String.class).list();
    }

    private long events(Lead lead, String event) {
        return jdbc.sql("select count(*) from activity where lead_id = ? and details ->> 'event' = ?")
                .params(lead.getId(), event).query(Long.class).single();
    }
}
