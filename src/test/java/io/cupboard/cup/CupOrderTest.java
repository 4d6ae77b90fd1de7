package io.cupboard.cup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.cupboard.identity.Team;
import io.cupboard.identity.User;
import io.cupboard.lead.Lead;
import io.cupboard.lead.LeadStatus;
import io.cupboard.lead.StatusCatalog;
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

/**
 * The CUP order on crafted data. The clock is Tuesday 10:00, inside the default template's
 * 09:00–11:00 "new leads" segment.
 */
@IntegrationTest
class CupOrderTest {

    private static final Instant TEN = TestTimes.TUESDAY_MORNING;

    @Autowired
    Cups cups;

    @Autowired
    PriorityMatrix matrix;

    @Autowired
    StatusCatalog catalog;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    private LeadSetup setup;
    private User agent;

    @BeforeEach
    void createAgent() {
        clock.setInstant(TEN);
        setup = new LeadSetup(jdbc);
        Team team = fixtures.team();
        agent = fixtures.agent(team);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void callbacksInsideWindowComeFirst() {
        long soon = lead("CALLBACK", TEN.plus(minutes(5)), "CALLBACK");
        long justPast = lead("CALLBACK", TEN.minus(minutes(10)), "CALLBACK");
        long later = lead("CALLBACK", TEN.plus(minutes(30)), "CALLBACK");
        long long_ago = lead("CALLBACK", TEN.minus(minutes(45)), "CALLBACK");

        Cup cup = cup();

        assertThat(leadIds(cup, CupSection.CALLBACKS_NOW)).containsExactly(justPast, soon);
        assertThat(leadIds(cup, CupSection.DUE_TODAY)).containsExactly(later);
        assertThat(leadIds(cup, CupSection.OVERDUE)).containsExactly(long_ago);
    }

    @Test
    void newLeadsInSlaOldestFirst() {
        long younger = fixtures.lead(agent).getId();
        long older = fixtures.lead(agent).getId();
        setup.newLead(younger, TEN.minus(minutes(1)), TEN.plus(minutes(4)));
        setup.newLead(older, TEN.minus(minutes(3)), TEN.plus(minutes(2)));

        assertThat(leadIds(cup(), CupSection.NEW_IN_SLA)).containsExactly(older, younger);
    }

    @Test
    void newLeadPastSlaIsOverdue() {
        long breached = fixtures.lead(agent).getId();
        setup.newLead(breached, TEN.minus(minutes(20)), TEN.minus(minutes(15)));

        Cup cup = cup();

        assertThat(leadIds(cup, CupSection.NEW_IN_SLA)).isEmpty();
        assertThat(leadIds(cup, CupSection.OVERDUE)).containsExactly(breached);
    }

    @Test
    void overdueOrderedByClassThenOldest() {
        // Outside any segment (13:30), so only the matrix decides: retries (rank 30) before follow-ups (rank 40).
        clock.setInstant(TEN.plus(Duration.ofMinutes(210)));
        long followUpOld = lead("FOLLOW_UP", TEN.minus(minutes(120)), "FOLLOW_UP");
        long retryNew = lead("RETRY", TEN.minus(minutes(10)), "ATTEMPTING");
        long retryOld = lead("RETRY", TEN.minus(minutes(60)), "ATTEMPTING");

        assertThat(leadIds(cup(), CupSection.OVERDUE)).containsExactly(retryOld, retryNew, followUpOld);
    }

    @Test
    void currentSegmentLiftsItsClass() {
        // 11:30 is in the 11:00–13:00 follow-up segment.
        clock.setInstant(TEN.plus(minutes(90)));
        long retry = lead("RETRY", TEN.minus(minutes(60)), "ATTEMPTING");
        long followUp = lead("FOLLOW_UP", TEN.minus(minutes(10)), "FOLLOW_UP");

        Cup cup = cup();

        assertThat(leadIds(cup, CupSection.OVERDUE)).containsExactly(followUp, retry);
        assertThat(cup.currentSegment()).hasValueSatisfying(segment ->
                assertThat(segment.getFocus()).isEqualTo(io.cupboard.workday.SegmentFocus.FOLLOW_UPS));
        assertThat(items(cup, CupSection.OVERDUE).get(0).lifted()).isTrue();
    }

    @Test
    void dueTodayOrderedByClassThenTime() {
        clock.setInstant(TEN.plus(Duration.ofMinutes(210)));
        long followUpEarly = lead("FOLLOW_UP", TEN.plus(Duration.ofHours(5)), "FOLLOW_UP");
        long retryLate = lead("RETRY", TEN.plus(Duration.ofHours(6)), "ATTEMPTING");

        Cup cup = cup();

        assertThat(leadIds(cup, CupSection.DUE_TODAY)).containsExactly(retryLate, followUpEarly);
        assertThat(items(cup, CupSection.DUE_TODAY)).extracting(CupItem::actionable).containsExactly(false, true);
    }

    @Test
    void firstActionableSkipsRetryBeforeItsTime() {
        clock.setInstant(TEN.plus(Duration.ofMinutes(210)));
        lead("RETRY", TEN.plus(Duration.ofHours(6)), "ATTEMPTING");
        long followUp = lead("FOLLOW_UP", TEN.plus(Duration.ofHours(7)), "FOLLOW_UP");

        assertThat(cups.firstActionableLead(agent.getId(), agent.getTeamId())).contains(followUp);
    }

    @Test
    void laterWorkIsOnlyCounted() {
        lead("FOLLOW_UP", TEN.plus(Duration.ofDays(1)), "FOLLOW_UP");
        lead("FOLLOW_UP", TEN.plus(Duration.ofDays(3)), "FOLLOW_UP");
        long today = lead("FOLLOW_UP", TEN.plus(Duration.ofHours(2)), "FOLLOW_UP");

        Cup cup = cup();

        assertThat(cup.laterCount()).isEqualTo(2);
        assertThat(cup.todayCount()).isEqualTo(1);
        assertThat(leadIds(cup, CupSection.DUE_TODAY)).containsExactly(today);
    }

    @Test
    void emptyCupCountsLaterWork() {
        lead("FOLLOW_UP", TEN.plus(Duration.ofDays(1)), "FOLLOW_UP");
        lead("FOLLOW_UP", TEN.plus(Duration.ofDays(2)), "FOLLOW_UP");

        Cup cup = cup();

        assertThat(cup.todayCount()).isZero();
        assertThat(cup.laterCount()).isEqualTo(2);
    }

    @Test
    void matrixDecidesBetweenLeadTypes() {
        clock.setInstant(TEN.plus(Duration.ofMinutes(210)));
        long newRetry = lead("RETRY", TEN.minus(minutes(60)), "ATTEMPTING");
        long renewedRetry = lead("RETRY", TEN.minus(minutes(10)), "ATTEMPTING");
        setup.leadType(renewedRetry, "RENEWED");
        LeadStatus attempting = catalog.statusesByCode().get("ATTEMPTING");
        try {
            matrix.update(Map.of("RENEWED:" + attempting.getId(), 1));

            assertThat(leadIds(cup(), CupSection.OVERDUE)).containsExactly(renewedRetry, newRetry);
        } finally {
            matrix.update(Map.of("RENEWED:" + attempting.getId(), attempting.getPriorityRank() + 2));
        }
    }

    @Test
    void outboundLeadWithStaleRegistryCheckLeavesTheCup() {
        long stale = lead("FOLLOW_UP", TEN.minus(minutes(30)), "FOLLOW_UP");
        long fresh = lead("FOLLOW_UP", TEN.minus(minutes(20)), "FOLLOW_UP");
        jdbc.sql("update lead set consent_basis = 'OUTBOUND', registry_checked_at = ? where id = ?")
                .params(java.sql.Timestamp.from(TEN.minus(Duration.ofDays(16))), stale).update();
        jdbc.sql("update lead set consent_basis = 'OUTBOUND', registry_checked_at = ? where id = ?")
                .params(java.sql.Timestamp.from(TEN.minus(Duration.ofDays(2))), fresh).update();

        assertThat(leadIds(cup(), CupSection.OVERDUE)).containsExactly(fresh);
    }

    @Test
    void otherAgentsTasksAreNotInTheCup() {
        User other = fixtures.agent(fixtures.team());
        Lead foreign = fixtures.lead(other);
        long own = lead("FOLLOW_UP", TEN.minus(minutes(5)), "FOLLOW_UP");

        Cup cup = cup();

        assertThat(cup.sections().values().stream().flatMap(List::stream).map(CupItem::leadId))
                .contains(own).doesNotContain(foreign.getId());
    }

    @Test
    void workLeftAgainstShift() {
        for (int i = 0; i < 10; i++) {
            lead("FOLLOW_UP", TEN.plus(minutes(10 + i)), "FOLLOW_UP");
        }

        Cup cup = cup();

        // 10 tasks × 6 minutes = 1:00 against the default shift's 7 hours left (10:00–17:00).
        assertThat(cup.workLeft()).isEqualTo(Duration.ofHours(1));
        assertThat(cup.shiftLeft()).isEqualTo(Duration.ofHours(7));
        assertThat(cup.pace()).isEqualTo(Cup.Pace.FITS);
    }

    @Test
    void workBeyondShiftIsOver() {
        clock.setInstant(TEN.plus(Duration.ofMinutes(400)));
        for (int i = 0; i < 10; i++) {
            lead("FOLLOW_UP", TEN.plus(Duration.ofMinutes(420 + i)), "FOLLOW_UP");
        }

        // 16:40: 20 minutes of shift left against an hour of work.
        assertThat(cup().pace()).isEqualTo(Cup.Pace.OVER);
    }

    private long lead(String taskType, Instant due, String status) {
        long leadId = fixtures.lead(agent).getId();
        setup.task(leadId, taskType, due, status);
        return leadId;
    }

    private Cup cup() {
        return cups.cupOf(agent.getId(), agent.getTeamId());
    }

    private static List<CupItem> items(Cup cup, CupSection section) {
        return cup.sections().get(section);
    }

    private static List<Long> leadIds(Cup cup, CupSection section) {
        return items(cup, section).stream().map(CupItem::leadId).toList();
    }

    private static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }
}
