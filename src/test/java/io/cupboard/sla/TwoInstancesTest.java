package io.cupboard.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.cupboard.CupBoardApplication;
import io.cupboard.alert.AlertSweep;
import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.User;
import io.cupboard.lead.Lead;
import io.cupboard.lead.OutcomeRequest;
import io.cupboard.lead.Outcomes;
import io.cupboard.support.Fixtures;
import io.cupboard.support.IntegrationTest;
import io.cupboard.support.MutableClock;
import io.cupboard.support.TestConfiguration;
import io.cupboard.support.TestTimes;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled jobs when several application instances share one database. A second application
 * context on the same embedded database plays the second instance. Two threads run the
 * lock-guarded schedulers of both instances at the same moment, and then the bare sweeps. Every
 * transition must happen exactly once per row.
 */
@IntegrationTest
class TwoInstancesTest {

    private static final Instant TUESDAY_TEN = TestTimes.TUESDAY_MORNING;
    private static final int ROUNDS = 3;

    private static ConfigurableApplicationContext secondInstance;

    @Autowired
    ApplicationContext firstInstance;

    @Autowired
    LockProvider lockProvider;

    @Autowired
    Outcomes outcomes;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    private User agent;
    private CurrentUser agentUser;

    @BeforeAll
    static void startSecondInstance() {
        secondInstance = new SpringApplicationBuilder(CupBoardApplication.class, TestConfiguration.class)
                .properties("server.port=0", "spring.main.banner-mode=off")
                .run();
    }

    @AfterAll
    static void stopSecondInstance() {
        secondInstance.close();
    }

    @BeforeEach
    void setUp() {
        setClocks(TUESDAY_TEN);
        agent = fixtures.agent(fixtures.team());
        fixtures.openDay(agent);
        agentUser = fixtures.signedIn(agent);
    }

    @AfterEach
    void resetClocks() {
        clock.reset();
        secondInstance.getBean(MutableClock.class).reset();
    }

    @Test
    void heldLockSkipsTheRun() {
        Lead lead = fixtures.lead(agent);
        setClocks(TUESDAY_TEN.plus(Duration.ofMinutes(6)));
        Optional<SimpleLock> otherInstance = lockProvider.lock(
                new LockConfiguration(Instant.now(), SlaScheduler.LOCK, Duration.ofMinutes(1), Duration.ZERO));
        assertThat(otherInstance).as("lock taken for the other instance").isPresent();

        try {
            runScheduler(firstInstance, "slaScheduler");
            assertThat(events(lead, "SLA_BREACHED")).as("while the other instance holds the lock").isZero();
        } finally {
            otherInstance.get().unlock();
        }

        runScheduler(firstInstance, "slaScheduler");
        runScheduler(firstInstance, "slaScheduler");
        assertThat(events(lead, "SLA_BREACHED")).isEqualTo(1);
    }

    @Test
    void concurrentRunsChangeEachRowOnce() throws Exception {
        List<Lead> untouched = List.of(fixtures.lead(agent), fixtures.lead(agent), fixtures.lead(agent));
        Lead callback = fixtures.lead(agent);
        outcomes.record(callback.getId(), version(callback), OutcomeRequest.callback(TUESDAY_TEN.plus(Duration.ofMinutes(30))), agentUser);
        // 11:05: the first contacts are an hour past their deadline and the callback 35 minutes late.
        setClocks(TUESDAY_TEN.plus(Duration.ofMinutes(65)));

        for (int round = 0; round < ROUNDS; round++) {
            onBothInstances(instance -> runScheduler(instance, "slaScheduler"));
            onBothInstances(instance -> runScheduler(instance, "alertScheduler"));
        }
        onBothInstances(instance -> instance.getBean(SlaSweep.class).sweep());
        onBothInstances(instance -> instance.getBean(AlertSweep.class).sweep());

        for (Lead lead : untouched) {
            assertThat(events(lead, "SLA_BREACHED")).as("breach entries of lead " + lead.getId()).isEqualTo(1);
            assertThat(alerts(lead, "NEW_LEAD")).as("new-lead alerts of lead " + lead.getId()).isEqualTo(1);
            assertThat(alerts(lead, "SLA_BREACHED")).as("escalations of lead " + lead.getId()).isEqualTo(1);
        }
        assertThat(events(callback, "CALLBACK_OVERDUE")).isEqualTo(1);
        assertThat(jdbc.sql("select owner_id from lead where id = ?").param(callback.getId()).query().singleRow().get("owner_id")).isNull();
        assertThat(alerts(callback, "CALLBACK_IN_POOL")).isEqualTo(1);
    }

    private void onBothInstances(InstanceAction action) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (ApplicationContext instance : List.of(firstInstance, secondInstance)) {
                runs.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    action.run(instance);
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Calls a scheduler bean's {@code run()} through its ShedLock proxy, as its timer does. */
    private static void runScheduler(ApplicationContext instance, String beanName) {
        ReflectionTestUtils.invokeMethod(instance.getBean(beanName), "run");
    }

    private void setClocks(Instant instant) {
        clock.setInstant(instant);
        secondInstance.getBean(MutableClock.class).setInstant(instant);
    }

    private int version(Lead lead) {
        return jdbc.sql("select version from lead where id = ?").param(lead.getId()).query(Integer.class).single();
    }

    private long events(Lead lead, String event) {
        return jdbc.sql("select count(*) from activity where lead_id = ? and details ->> 'event' = ?")
                .params(lead.getId(), event).query(Long.class).single();
    }

    private long alerts(Lead lead, String kind) {
        return jdbc.sql("select count(*) from alert where lead_id = ? and kind = ?").params(lead.getId(), kind).query(Long.class).single();
    }

    @FunctionalInterface
    private interface InstanceAction {
        void run(ApplicationContext instance) throws Exception;
    }
}
