package io.cupboard.workday;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.Team;
import io.cupboard.identity.User;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class WorkDaysTest {

    private static final Instant TEN = TestTimes.TUESDAY_MORNING;
    private static final LocalDate TUESDAY = LocalDate.of(2026, 12, 8);
    /** Wednesday 9 December 2026, 09:00 in Israel. */
    private static final Instant WEDNESDAY_OPENING = Instant.parse("2026-12-09T07:00:00Z");

    @Autowired
    WorkDays workDays;

    @Autowired
    DayClosingJob job;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DaySchedules schedules;

    private LeadSetup setup;
    private Team team;
    private User agent;
    private CurrentUser signedIn;

    @BeforeEach
    void createAgent() {
        clock.setInstant(TEN);
        setup = new LeadSetup(jdbc);
        team = fixtures.team();
        agent = fixtures.agent(team);
        signedIn = fixtures.signedIn(agent);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void openingRecordsStartOnce() {
        workDays.open(signedIn);
        clock.advance(Duration.ofMinutes(30));

        WorkDayStatus status = workDays.open(signedIn);

        assertThat(status.openedAt()).isEqualTo(TEN);
        assertThat(workDays.openedToday(agent.getId())).isTrue();
    }

    @Test
    void agentDayWithOwnHours() {
        jdbc.sql("update app_user set shift_start = '10:00', shift_end = '14:30' where id = ?").param(agent.getId()).update();
        jdbc.sql("update team set average_handling_minutes = 9 where id = ?").param(team.getId()).update();
        workDays.open(signedIn);

        AgentDay day = workDays.agentDay(agent.getId(), team.getId(), schedules.templateFor(team.getId()), TUESDAY);

        // Israel is at UTC+2 in December.
        assertThat(day.shift()).contains(new Shift(Instant.parse("2026-12-08T08:00:00Z"), Instant.parse("2026-12-08T12:30:00Z")));
        assertThat(day.handlingTime()).isEqualTo(Duration.ofMinutes(9));
        assertThat(day.status()).hasValueSatisfying(status -> {
            assertThat(status.openedAt()).isEqualTo(TEN);
            assertThat(status.isOpen()).isTrue();
        });
    }

    @Test
    void agentDayFollowsTheTemplate() {
        DayTemplate template = schedules.templateFor(null);

        AgentDay day = workDays.agentDay(agent.getId(), null, template, TUESDAY);

        assertThat(day.shift()).isEqualTo(schedules.shiftFor(agent.getId(), template, TUESDAY)).isPresent();
        assertThat(day.handlingTime()).isEqualTo(Duration.ofMinutes(6));
        assertThat(day.status()).isEmpty();
    }

    @Test
    void planCountsTheDay() {
        long carried = lead("RETRY", TEN.minus(Duration.ofDays(1)));
        lead("CALLBACK", TEN.plus(Duration.ofHours(3)));
        lead("FOLLOW_UP", TEN.plus(Duration.ofDays(2)));
        fixtures.lead(agent);

        DayPlan plan = workDays.plan(signedIn);

        assertThat(carried).isPositive();
        assertThat(plan.carriedOver()).isEqualTo(1);
        assertThat(plan.callbacksToday()).isEqualTo(1);
        assertThat(plan.newLeadsWaiting()).isEqualTo(1);
        assertThat(plan.dueToday()).isEqualTo(3);
        assertThat(plan.segments()).hasSize(3);
        assertThat(plan.shift()).isPresent();
    }

    @Test
    void closingWithTasksLeftIsRejected() {
        lead("FOLLOW_UP", TEN.plus(Duration.ofHours(2)));

        assertThatThrownBy(() -> workDays.close(signedIn))
                .isInstanceOf(WorkdayRuleException.class)
                .satisfies(error -> {
                    WorkdayRuleException rule = (WorkdayRuleException) error;
                    assertThat(rule.messageKey()).isEqualTo("workday.error.tasksLeft");
                    assertThat(rule.arguments()).containsExactly(1L);
                });
    }

    @Test
    void carryingOneTaskThenClosingIsClean() {
        long leadId = lead("FOLLOW_UP", TEN.plus(Duration.ofHours(2)));
        long taskId = openTask(leadId);
        workDays.open(signedIn);

        workDays.carry(signedIn, taskId, WEDNESDAY_OPENING.plus(Duration.ofHours(1)), "הלקוח ביקש מחר");
        WorkDayStatus closed = workDays.close(signedIn);

        assertThat(closed.closedClean()).isTrue();
        assertThat(closed.tasksCarried()).isEqualTo(1);
        assertThat(jdbc.sql("select carry_reason from task where id = ?").param(taskId).query(String.class).single())
                .isEqualTo("הלקוח ביקש מחר");
        assertThat(jdbc.sql("select count(*) from activity where lead_id = ? and kind = 'TASK_CARRIED'").param(leadId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void carryToPastProposesNextSlot() {
        long taskId = openTask(lead("FOLLOW_UP", TEN.plus(Duration.ofHours(2))));

        assertRejected(() -> workDays.carry(signedIn, taskId, TEN.minus(Duration.ofHours(1)), "סיבה"), "carry.error.past", TEN);
    }

    @Test
    void carryToClosedDayProposesNextSlot() {
        long taskId = openTask(lead("FOLLOW_UP", TEN.plus(Duration.ofHours(2))));
        Instant saturday = Instant.parse("2026-12-12T08:00:00Z");

        assertRejected(() -> workDays.carry(signedIn, taskId, saturday, "סיבה"), "carry.error.closedDay",
                Instant.parse("2026-12-13T07:00:00Z"));
    }

    @Test
    void carryOutsideHoursProposesNextSlot() {
        long taskId = openTask(lead("FOLLOW_UP", TEN.plus(Duration.ofHours(2))));
        Instant evening = Instant.parse("2026-12-08T18:00:00Z");

        assertRejected(() -> workDays.carry(signedIn, taskId, evening, "סיבה"), "carry.error.outsideHours", WEDNESDAY_OPENING);
    }

    @Test
    void carryWithoutReasonIsRejected() {
        long taskId = openTask(lead("FOLLOW_UP", TEN.plus(Duration.ofHours(2))));

        assertThatThrownBy(() -> workDays.carry(signedIn, taskId, WEDNESDAY_OPENING, "  "))
                .extracting(error -> ((WorkdayRuleException) error).messageKey())
                .isEqualTo("carry.error.reasonRequired");
    }

    @Test
    void anotherAgentsTaskCannotBeCarried() {
        User other = fixtures.agent(fixtures.team());
        long taskId = openTask(fixtures.lead(other).getId());

        assertThatThrownBy(() -> workDays.carry(signedIn, taskId, WEDNESDAY_OPENING, "סיבה"))
                .isInstanceOf(io.cupboard.lead.LeadNotFoundException.class);
    }

    @Test
    void carryAllSpreadsOverNextMorning() {
        long overdue = lead("RETRY", TEN.minus(Duration.ofDays(1)));
        long first = lead("FOLLOW_UP", TEN.plus(Duration.ofHours(1)));
        long second = lead("FOLLOW_UP", TEN.plus(Duration.ofHours(2)));
        long tomorrow = lead("FOLLOW_UP", TEN.plus(Duration.ofDays(1)));

        int moved = workDays.carryAllToNextMorning(signedIn, "יום עמוס");

        assertThat(moved).isEqualTo(3);
        assertThat(due(overdue)).isEqualTo(WEDNESDAY_OPENING);
        assertThat(due(first)).isEqualTo(WEDNESDAY_OPENING.plus(Duration.ofMinutes(6)));
        assertThat(due(second)).isEqualTo(WEDNESDAY_OPENING.plus(Duration.ofMinutes(12)));
        assertThat(due(tomorrow)).isEqualTo(TEN.plus(Duration.ofDays(1)));
        assertThat(workDays.close(signedIn).closedClean()).isTrue();
    }

    @Test
    void nightlyJobCarriesUnclosedDaysOnce() {
        workDays.open(signedIn);
        long retry = lead("RETRY", TEN.plus(Duration.ofHours(3)));
        long followUp = lead("FOLLOW_UP", TEN.plus(Duration.ofHours(4)));
        long openTasksBefore = openTaskCount();
        clock.setInstant(Instant.parse("2026-12-08T22:30:00Z"));

        job.close(TUESDAY);
        List<Instant> afterFirstRun = List.of(due(retry), due(followUp));
        job.close(TUESDAY);

        assertThat(afterFirstRun).containsExactly(WEDNESDAY_OPENING, WEDNESDAY_OPENING.plus(Duration.ofMinutes(6)));
        assertThat(List.of(due(retry), due(followUp))).isEqualTo(afterFirstRun);
        assertThat(openTaskCount()).isEqualTo(openTasksBefore);
        WorkDayStatus day = workDays.status(agent.getId(), TUESDAY).orElseThrow();
        assertThat(day.closedClean()).isFalse();
        assertThat(day.closedBySystem()).isTrue();
        assertThat(day.tasksCarried()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from activity where lead_id in (?, ?) and kind = 'TASK_CARRIED' and actor_id is null")
                .params(retry, followUp).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void nightlyJobLeavesCleanDaysAlone() {
        workDays.open(signedIn);
        workDays.close(signedIn);
        clock.setInstant(Instant.parse("2026-12-08T22:30:00Z"));

        job.close(TUESDAY);

        WorkDayStatus day = workDays.status(agent.getId(), TUESDAY).orElseThrow();
        assertThat(day.closedClean()).isTrue();
        assertThat(day.closedBySystem()).isFalse();
    }

    @Test
    void nightlyJobRecordsDayOfAgentWhoNeverOpened() {
        lead("FOLLOW_UP", TEN.plus(Duration.ofHours(1)));
        clock.setInstant(Instant.parse("2026-12-08T22:30:00Z"));

        job.close(TUESDAY);

        WorkDayStatus day = workDays.status(agent.getId(), TUESDAY).orElseThrow();
        assertThat(day.openedAt()).isNull();
        assertThat(day.closedClean()).isFalse();
        assertThat(day.closedBySystem()).isTrue();
    }

    @Test
    void nightlyJobClosesIdleOpenedDay() {
        workDays.open(signedIn);
        clock.setInstant(Instant.parse("2026-12-08T22:30:00Z"));

        job.close(TUESDAY);

        WorkDayStatus day = workDays.status(agent.getId(), TUESDAY).orElseThrow();
        assertThat(day.closedAt()).isEqualTo(clock.instant());
        assertThat(day.closedClean()).isFalse();
        assertThat(day.closedBySystem()).isTrue();
        assertThat(day.tasksCarried()).isZero();
    }

    private long lead(String taskType, Instant due) {
        long leadId = fixtures.lead(agent).getId();
        setup.task(leadId, taskType, due, taskType.equals("RETRY") ? "ATTEMPTING" : taskType.equals("CALLBACK") ? "CALLBACK" : "FOLLOW_UP");
        return leadId;
    }

    private long openTask(long leadId) {
        return jdbc.sql("select id from task where lead_id = ? and state = 'OPEN'").param(leadId).query(Long.class).single();
    }

    private Instant due(long leadId) {
        return jdbc.sql("select due_at from task where lead_id = ? and state = 'OPEN'").param(leadId)
                .query(Timestamp.class).single().toInstant();
    }

    private long openTaskCount() {
        return jdbc.sql("select count(*) from task where owner_id = ? and state = 'OPEN'").param(agent.getId()).query(Long.class).single();
    }

    private static void assertRejected(Runnable action, String key, Instant proposal) {
        assertThatThrownBy(action::run)
                .isInstanceOf(WorkdayRuleException.class)
                .satisfies(error -> {
                    WorkdayRuleException rule = (WorkdayRuleException) error;
                    assertThat(rule.messageKey()).isEqualTo(key);
                    assertThat(rule.arguments()).containsExactly(proposal);
                });
    }
}
