package io.cupboard.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.Role;
import io.cupboard.identity.Team;
import io.cupboard.identity.User;
import io.cupboard.lead.CallOutcome;
import io.cupboard.lead.Lead;
import io.cupboard.lead.OutcomeRequest;
import io.cupboard.lead.Outcomes;
import io.cupboard.sla.SlaSweep;
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
 * Raising, withdrawing and scoping alerts. The clock starts on Tuesday 8 December 2026, 10:00 in
 * Israel. The sweep reads every test's rows, so assertions look at this test's leads, except the
 * second-run check: after a sweep, nothing anywhere is left to raise at that moment.
 */
@IntegrationTest
class AlertSweepTest {

    private static final Instant TUESDAY_TEN = TestTimes.TUESDAY_MORNING;

    @Autowired
    AlertSweep alertSweep;

    @Autowired
    SlaSweep slaSweep;

    @Autowired
    Alerts alerts;

    @Autowired
    Outcomes outcomes;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    private Team team;
    private User agent;
    private CurrentUser agentUser;
    private CurrentUser teamLead;

    @BeforeEach
    void setUp() {
        clock.setInstant(TUESDAY_TEN);
        team = fixtures.team();
        agent = fixtures.agent(team);
        agentUser = fixtures.signedIn(agent);
        teamLead = fixtures.signedIn(fixtures.user(Role.TEAM_LEAD, team));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void newLeadAlertsItsAgentOnce() {
        Lead lead = fixtures.lead(agent);

        AlertSweepResult first = alertSweep.sweep();
        AlertSweepResult second = alertSweep.sweep();

        assertThat(first.raised(AlertKind.NEW_LEAD)).isPositive();
        assertThat(kinds(lead)).containsExactly("NEW_LEAD");
        assertThat(alerts.open(agentUser, 10)).extracting(AlertItem::leadId).containsExactly(lead.getId());
        assertThat(alerts.openCount(agentUser)).isEqualTo(1);
        assertThat(second.raised().values()).allMatch(rows -> rows == 0);
        assertThat(second.resolved()).isZero();
    }

    @Test
    void outcomeWithdrawsAgentAlerts() {
        Lead lead = fixtures.lead(agent);
        alertSweep.sweep();

        record(lead, OutcomeRequest.of(CallOutcome.NO_ANSWER));

        assertThat(alerts.openCount(agentUser)).isZero();
        assertThat(jdbc.sql("select count(*) from alert where lead_id = ? and resolved_at is not null").param(lead.getId())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void callbackAlertsFiveMinutesBefore() {
        Lead lead = fixtures.lead(agent);
        record(lead, OutcomeRequest.callback(TUESDAY_TEN.plus(Duration.ofMinutes(30))));

        clock.setInstant(TUESDAY_TEN.plus(Duration.ofMinutes(24)));
        alertSweep.sweep();
        assertThat(kinds(lead)).as("six minutes before").doesNotContain("CALLBACK_DUE");

        clock.setInstant(TUESDAY_TEN.plus(Duration.ofMinutes(26)));
        alertSweep.sweep();
        assertThat(kinds(lead)).contains("CALLBACK_DUE");
        assertThat(alerts.open(agentUser, 10)).extracting(AlertItem::kind).contains(AlertKind.CALLBACK_DUE);
    }

    @Test
    void overdueTaskAlertsAgentThenTeamLead() {
        Lead lead = fixtures.lead(agent);
        record(lead, OutcomeRequest.of(CallOutcome.NO_ANSWER));
        // The retry is due at 10:30.

        clock.setInstant(TUESDAY_TEN.plus(Duration.ofMinutes(44)));
        alertSweep.sweep();
        assertThat(kinds(lead)).doesNotContain("TASK_OVERDUE");

        clock.setInstant(TUESDAY_TEN.plus(Duration.ofMinutes(46)));
        alertSweep.sweep();
        assertThat(kinds(lead)).contains("TASK_OVERDUE").doesNotContain("TASK_OVERDUE_ESCALATED");

        clock.setInstant(TUESDAY_TEN.plus(Duration.ofMinutes(91)));
        alertSweep.sweep();
        assertThat(kinds(lead)).contains("TASK_OVERDUE", "TASK_OVERDUE_ESCALATED");
        assertThat(alerts.open(teamLead, 50)).extracting(AlertItem::kind).contains(AlertKind.TASK_OVERDUE_ESCALATED);
        assertThat(alerts.open(agentUser, 50)).extracting(AlertItem::kind).doesNotContain(AlertKind.TASK_OVERDUE_ESCALATED);
    }

    @Test
    void breachEscalatesToOwnTeamLeadOnly() {
        Lead lead = fixtures.lead(agent);
        CurrentUser otherTeamLead = fixtures.signedIn(fixtures.user(Role.TEAM_LEAD, fixtures.team()));
        clock.advance(Duration.ofMinutes(6));

        slaSweep.sweep();
        alertSweep.sweep();

        List<AlertItem> escalations = alerts.open(teamLead, 50);
        assertThat(escalations).extracting(AlertItem::kind).containsExactly(AlertKind.SLA_BREACHED);
        assertThat(escalations.get(0).agentName()).isEqualTo(agent.getDisplayName());
        assertThat(escalations.get(0).dueAt()).isEqualTo(TUESDAY_TEN.plus(Duration.ofMinutes(5)));
        assertThat(alerts.open(otherTeamLead, 50)).isEmpty();
        assertThat(alerts.open(agentUser, 50)).extracting(AlertItem::kind).doesNotContain(AlertKind.SLA_BREACHED);
    }

    @Test
    void breachEscalationStaysAfterContact() {
        Lead lead = fixtures.lead(agent);
        clock.advance(Duration.ofMinutes(6));
        slaSweep.sweep();
        alertSweep.sweep();

        record(lead, OutcomeRequest.of(CallOutcome.NO_ANSWER));
        alertSweep.sweep();

        assertThat(alerts.open(teamLead, 50)).extracting(AlertItem::kind).contains(AlertKind.SLA_BREACHED);
    }

    @Test
    void pooledCallbackAlertsTeamLead() {
        Lead lead = fixtures.lead(agent);
        record(lead, OutcomeRequest.callback(TUESDAY_TEN.plus(Duration.ofMinutes(30))));
        clock.setInstant(TUESDAY_TEN.plus(Duration.ofMinutes(61)));

        slaSweep.sweep();
        alertSweep.sweep();

        assertThat(kinds(lead)).contains("CALLBACK_IN_POOL");
        assertThat(alerts.open(teamLead, 50)).extracting(AlertItem::kind).contains(AlertKind.CALLBACK_IN_POOL);
        // The agent's own callback alerts were withdrawn when the callback left them.
        assertThat(alerts.open(agentUser, 50)).extracting(AlertItem::leadId).doesNotContain(lead.getId());
    }

    @Test
    void managerHasNoAlerts() {
        fixtures.lead(agent);
        alertSweep.sweep();

        CurrentUser manager = fixtures.signedIn(fixtures.user(Role.MANAGER, null));

        assertThat(alerts.openCount(manager)).isZero();
        assertThat(alerts.open(manager, 10)).isEmpty();
    }

    private void record(Lead lead, OutcomeRequest request) {
        int version = jdbc.sql("select version from lead where id = ?").param(lead.getId()).query(Integer.class).single();
        outcomes.record(lead.getId(), version, request, agentUser);
    }

    private List<String> kinds(Lead lead) {
        return jdbc.sql("select kind from alert where lead_id = ? order by id").param(lead.getId()).query(String.class).list();
    }
}
