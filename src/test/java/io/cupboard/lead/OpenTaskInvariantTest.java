package io.cupboard.lead;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.cupboard.calendar.BusinessCalendar;
import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.Role;
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

/**
 * Applies thousands of random outcomes to random leads from several threads at once, then checks
 * with SQL that every open lead has exactly one open task and every closed lead none.
 */
@IntegrationTest
class OpenTaskInvariantTest {

    private static final int LEADS = 150;
    private static final int THREADS = 4;
    private static final int OUTCOMES_PER_THREAD = 600;

    @Autowired
    Outcomes outcomes;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    StatusCatalog catalog;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void randomConcurrentOutcomesKeepOneOpenTaskPerOpenLead() throws Exception {
        clock.setInstant(io.cupboard.support.TestTimes.TUESDAY_MORNING);
        Team team = fixtures.team();
        List<User> agents = List.of(fixtures.agent(team), fixtures.agent(team), fixtures.agent(team));
        List<Long> leadIds = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            leadIds.add(fixtures.lead(agents.get(i % agents.size())).getId());
        }
        // The manager may act on every lead, also after a lead moved to the team pool.
        CurrentUser manager = fixtures.signedIn(fixtures.user(Role.MANAGER, null));
        List<Long> reasonIds = catalog.activeReasons().stream().map(DisqualificationReason::getId).toList();
        AtomicInteger applied = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();

        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                Random random = new Random(20261204L + thread);
                runs.add(executor.submit(() -> {
                    for (int i = 0; i < OUTCOMES_PER_THREAD; i++) {
                        long leadId = leadIds.get(random.nextInt(leadIds.size()));
                        try {
                            outcomes.record(leadId, version(leadId), randomRequest(random, reasonIds), manager);
                            applied.incrementAndGet();
                        } catch (LeadConflictException | LeadRuleException e) {
                            rejected.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            executor.shutdownNow();
        }

        assertThat(applied.get()).isGreaterThan(500);
        assertThat(applied.get() + rejected.get()).isEqualTo(THREADS * OUTCOMES_PER_THREAD);
        assertThat(openLeadsWithoutOpenTask(leadIds)).isZero();
        assertThat(leadsWithTwoOpenTasks(leadIds)).isZero();
        assertThat(closedLeadsWithOpenTask(leadIds)).isZero();
        assertThat(callActivities(leadIds)).isEqualTo(applied.get());
    }

    private OutcomeRequest randomRequest(Random random, List<Long> reasonIds) {
        CallOutcome outcome = CallOutcome.values()[random.nextInt(CallOutcome.values().length)];
        // Unanswered calls dominate real days; weight them so many leads reach the end of attempts.
        if (random.nextInt(3) > 0) {
            outcome = random.nextBoolean() ? CallOutcome.NO_ANSWER : CallOutcome.BUSY;
        }
        return switch (outcome) {
            case CALLBACK -> OutcomeRequest.callback(calendar.nextOpenSlot(
                    clock.instant().plus(1 + random.nextInt(72), ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS)));
            case NOT_RELEVANT -> OutcomeRequest.notRelevant(random.nextInt(10) == 0 ? null : reasonIds.get(random.nextInt(reasonIds.size())));
            default -> OutcomeRequest.of(outcome);
        };
    }

    private int version(long leadId) {
        return jdbc.sql("select version from lead where id = ?").param(leadId).query(Integer.class).single();
    }

    private long openLeadsWithoutOpenTask(List<Long> leadIds) {
        return count("""
                select count(*) from lead l
                where l.id = any(:ids) and l.closed_at is null
                  and not exists (select 1 from task t where t.lead_id = l.id and t.state = 'OPEN')
                """, leadIds);
    }

    private long leadsWithTwoOpenTasks(List<Long> leadIds) {
        return count("""
                select count(*) from (select lead_id from task where lead_id = any(:ids) and state = 'OPEN'
                                      group by lead_id having count(*) > 1) as duplicated
                """, leadIds);
    }

    private long closedLeadsWithOpenTask(List<Long> leadIds) {
        return count("""
                select count(*) from lead l
                where l.id = any(:ids) and l.closed_at is not null
                  and exists (select 1 from task t where t.lead_id = l.id and t.state = 'OPEN')
                """, leadIds);
    }

    private long callActivities(List<Long> leadIds) {
        return count("select count(*) from activity where lead_id = any(:ids) and kind = 'CALL'", leadIds);
    }

    private long count(String sql, List<Long> leadIds) {
        return jdbc.sql(sql).param("ids", leadIds.toArray(Long[]::new)).query(Long.class).single();
    }
}
