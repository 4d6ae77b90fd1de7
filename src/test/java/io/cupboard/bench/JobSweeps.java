package io.cupboard.bench;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import io.cupboard.CupBoardApplication;
import io.cupboard.alert.AlertProperties;
import io.cupboard.alert.AlertSweep;
import io.cupboard.alert.AlertSweepResult;
import io.cupboard.allocation.AllocationProperties;
import io.cupboard.allocation.SecondWave;
import io.cupboard.calendar.BusinessCalendar;
import io.cupboard.intake.IntakeProperties;
import io.cupboard.shared.JobRun;
import io.cupboard.sla.SlaProperties;
import io.cupboard.sla.SlaSweep;
import io.cupboard.sla.SlaSweepResult;
import io.cupboard.workday.DayClosingJob;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Times each scheduled job's sweep against the single SQL statement that makes the same
 * transition, on the same rows, at several shares of the leads needing it. Each run arms the rows
 * with a script of {@code bench/sql}, sweeps, and restores them, so runs repeat on equal data.
 *
 * <p>{@code bench/run} starts it as a program against the benchmark database; the smoke test calls
 * each sweep once on its small database.
 */
public final class JobSweeps {

    /** The reason the day-closing job writes on carried tasks (its own constant is package-private). */
    static final String DAY_CLOSING_REASON = "Carried by the system: the day was not closed";

    /** The intake API cleanup job, a package-private class that is reached by its name. */
    static final String API_CLEANUP_CLASS = "io.cupboard.intake.api.ApiRecordCleanup";

    /** How long the intake API cleanup keeps request counts (its own constant is private). */
    static final Duration RATE_WINDOW_RETENTION = Duration.ofHours(1);

    /** The tables whose rows the sweeps' scripts and jobs update or delete. */
    private static final List<String> SWEPT_TABLES = List.of("alert", "app_user", "intake_api_key", "intake_idempotency",
            "intake_rate_window", "lead", "task", "work_day");

    /** Jobs with a sweep benchmark here, by the job bean's class. */
    private static final Set<Class<?>> MEASURED = Set.of(DayClosingJob.class, SlaSweep.class, SecondWave.class,
            AlertSweep.class, ClassUtils.resolveClassName(API_CLEANUP_CLASS, JobSweeps.class.getClassLoader()));

    /**
     * One timed sweep: what was armed, the rows the job and the statement changed and their times.
     *
     * @param armedKind     the rows that were armed, such as "open tasks"
     * @param changedKind   the rows that the job and the statement count, such as "tasks carried"
     * @param jobOtherRows  rows the job changed in its other transitions, which the statement does not make
     */
    public record Sweep(String job, double share, long armed, String armedKind, String changedKind, long jobRows,
                        long jobOtherRows, double jobMillis, long statementRows, double statementMillis) {

        double ratio() {
            return statementMillis == 0 ? Double.NaN : jobMillis / statementMillis;
        }
    }

    private final ApplicationContext context;
    private final DataSource dataSource;
    private final Clock clock;

    public JobSweeps(ApplicationContext context) {
        this.context = context;
        this.dataSource = context.getBean(DataSource.class);
        this.clock = context.getBean(Clock.class);
    }

    /**
     * Arms {@code armed} tasks, then times the single statement and the day-closing job on them,
     * restoring the rows after each. Open tasks already due before today are carried too.
     */
    public Sweep dayClosing(double share, long armed) throws SQLException {
        BusinessCalendar calendar = context.getBean(BusinessCalendar.class);
        DayClosingJob job = context.getBean(DayClosingJob.class);
        Instant now = clock.instant();
        LocalDate today = now.atZone(calendar.zone()).toLocalDate();
        LocalDate day = lastWorkingDayBefore(today, calendar);
        Instant dayEnd = day.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
        Instant firstSlot = calendar.nextOpening(dayEnd.minusSeconds(1));
        if (firstSlot.isBefore(now)) {
            firstSlot = calendar.nextOpenSlot(now);
        }
        Duration spacing = context.getBean(Environment.class)
                .getProperty("cupboard.workday.carry-spacing", Duration.class, Duration.ofMinutes(6));

        Map<String, Object> window = new LinkedHashMap<>();
        window.put("armed", armed);
        window.put("ten_days_ago", today.minusDays(10).atTime(10, 0).atZone(calendar.zone()).toInstant());
        window.put("window_from", today.minusDays(14));
        window.put("today", today);
        window.put("today_start", today.atStartOfDay(calendar.zone()).toInstant());
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("day", day);
        statement.put("day_end", dayEnd);
        statement.put("now", now);
        statement.put("first_slot", firstSlot);
        statement.put("spacing_seconds", spacing.toSeconds());
        statement.put("reason", DAY_CLOSING_REASON);

        return measure("day-closing", share, window, statement, "select count(*) from bench_armed_task where armed",
                "open tasks", "tasks carried", () -> {
                    // The work days it records belong to the same transition, and the statement records them too.
                    JobRun result = job.close(day);
                    return new long[] {result.counts().getOrDefault("tasks carried", 0L), 0};
                });
    }

    /**
     * Arms {@code armed} first-contact tasks with a passed SLA deadline, then times the
     * breach-marking statement and the whole SLA sweep on them. The sweep's other transitions
     * (unreachable closing, next waves, callback hand-over) change only rows that the dataset
     * already has in their state, and the arming and restoring scripts cover those rows too.
     */
    public Sweep sla(double share, long armed) throws SQLException {
        SlaSweep job = context.getBean(SlaSweep.class);
        Instant now = clock.instant();
        Instant since = now.minus(context.getBean(SlaProperties.class).breachLookback());
        Map<String, Object> arm = new LinkedHashMap<>();
        arm.put("armed", armed);
        arm.put("since", since);
        arm.put("now", now);
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("since", since);
        statement.put("now", now);
        return measure("sla", share, arm, statement, "select count(*) from bench_armed_task where armed",
                "first-contact tasks", "breaches marked", () -> {
                    SlaSweepResult result = job.sweep();
                    return new long[] {result.breachesMarked(), result.total() - result.breachesMarked()};
                });
    }

    /**
     * Arms {@code armed} open leads of agents as untouched since before the untouched threshold, then
     * times the single statement and the second-wave job on them. While armed, agents have no room,
     * so the job's pool drain allocates nothing (see second-wave-arm.sql).
     */
    public Sweep secondWave(double share, long armed) throws SQLException {
        SecondWave job = context.getBean(SecondWave.class);
        BusinessCalendar calendar = context.getBean(BusinessCalendar.class);
        Instant now = clock.instant();
        Instant cutoff = calendar.subtractBusinessMinutes(now,
                context.getBean(AllocationProperties.class).untouchedAfter().toMinutes());
        Map<String, Object> arm = new LinkedHashMap<>();
        arm.put("armed", armed);
        arm.put("assigned_at", cutoff.minus(Duration.ofHours(1)));
        // The job computes its cutoff a moment later, so rows assigned just after this one are saved too.
        arm.put("saved_before", cutoff.plus(Duration.ofMinutes(10)));
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("cutoff", cutoff);
        statement.put("now", now);
        return measure("second-wave", share, arm, statement, "select count(*) from bench_armed_lead where armed",
                "open leads of agents", "leads moved or closed", () -> {
                    SecondWave.Counts counts = job.run();
                    long untouched = counts.untouchedMoved() + counts.untouchedClosed();
                    return new long[] {untouched, counts.absentReturned() + counts.poolAllocated()};
                });
    }

    /**
     * Arms {@code armed} open tasks of agents as overdue, then times the single statement and the
     * alert sweep on them. Both raise every kind of alert that the dataset calls for, not only the
     * armed tasks' overdue alerts.
     */
    public Sweep alerts(double share, long armed) throws SQLException {
        AlertSweep job = context.getBean(AlertSweep.class);
        AlertProperties properties = context.getBean(AlertProperties.class);
        BusinessCalendar calendar = context.getBean(BusinessCalendar.class);
        Instant now = clock.instant();
        Instant agentCutoff = calendar.subtractBusinessMinutes(now, properties.taskOverdueAfter().toMinutes());
        Map<String, Object> arm = new LinkedHashMap<>();
        arm.put("armed", armed);
        // NOTE: when the calendar had no business time for longer than the look-back (24 h by
        // default), the cutoff lies before it and neither side raises overdue alerts.
        arm.put("overdue_at", agentCutoff.minus(Duration.ofMinutes(1)));
        arm.put("armed_at", now);
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("now", now);
        statement.put("since", now.minus(properties.lookback()));
        statement.put("window_start", now.minus(properties.callbackDueWithin()));
        statement.put("window_end", now.plus(properties.callbackDueWithin()));
        statement.put("agent_cutoff", agentCutoff);
        statement.put("team_lead_cutoff", calendar.subtractBusinessMinutes(now, properties.escalateOverdueAfter().toMinutes()));
        return measure("alerts", share, arm, statement, "select count(*) from bench_armed_task", "open tasks of agents",
                "alerts raised", () -> {
                    AlertSweepResult result = job.sweep();
                    long raised = result.raised().values().stream().mapToLong(Long::longValue).sum();
                    return new long[] {raised, result.resolved()};
                });
    }

    /**
     * Arms {@code armed} expired idempotency records of the intake API beside a day of live ones,
     * then times the single statement and the cleanup job on them. Both also delete expired
     * request counts, and the arming leaves none of those.
     */
    public Sweep apiCleanup(double share, long armed) throws SQLException {
        Object job = context.getBean(ClassUtils.resolveClassName(API_CLEANUP_CLASS, JobSweeps.class.getClassLoader()));
        Method deleteExpired = ReflectionUtils.findMethod(job.getClass(), "deleteExpired");
        ReflectionUtils.makeAccessible(deleteExpired);
        Instant now = clock.instant();
        Map<String, Object> arm = new LinkedHashMap<>();
        arm.put("armed", armed);
        arm.put("now", now);
        arm.put("expired_before", now.minus(context.getBean(IntakeProperties.class).api().idempotencyRetention()));
        arm.put("window_before", now.minus(RATE_WINDOW_RETENTION));
        Map<String, Object> statement = new LinkedHashMap<>(arm);
        statement.remove("armed");
        statement.remove("now");
        return measure("api-cleanup", share, arm, statement,
                "select count(*) from intake_idempotency where idempotency_key like 'expired-%'",
                "expired idempotency records", "idempotency records deleted", () -> {
                    JobRun result = (JobRun) ReflectionUtils.invokeMethod(deleteExpired, job);
                    long idempotency = result.counts().getOrDefault("idempotency", 0L);
                    return new long[] {idempotency, result.total() - idempotency};
                });
    }

    /** A job run that returns the rows of the measured transition and the rows of its other transitions. */
    private interface JobCall {
        long[] run();
    }

    /**
     * Arms, times the statement, restores, arms again, times the job and restores, with the scripts
     * {@code NAME-arm.sql}, {@code NAME.sql} and {@code NAME-restore.sql}. The restoring script gets
     * the arming script's variables.
     */
    private Sweep measure(String name, double share, Map<String, Object> arm, Map<String, Object> statement,
                          String armedQuery, String armedKind, String changedKind, JobCall job) throws SQLException {
        run(name + "-arm.sql", arm);
        long armed = count(armedQuery);
        long started = System.nanoTime();
        long statementRows = update(name + ".sql", statement);
        double statementMillis = (System.nanoTime() - started) / 1e6;
        run(name + "-restore.sql", arm);
        vacuum();

        run(name + "-arm.sql", arm);
        started = System.nanoTime();
        long[] jobRows = job.run();
        double jobMillis = (System.nanoTime() - started) / 1e6;
        run(name + "-restore.sql", arm);
        vacuum();
        return new Sweep(name, share, armed, armedKind, changedKind, jobRows[0], jobRows[1], jobMillis, statementRows,
                statementMillis);
    }

    /** Returns the job methods of this build (public methods returning a {@link JobRun}) of beans with no benchmark here. */
    public List<String> unmeasuredJobs() {
        Set<String> found = new TreeSet<>();
        for (String name : context.getBeanDefinitionNames()) {
            // By type, not by instance: request- and session-scoped beans cannot be created here.
            Class<?> beanType = context.getType(name);
            if (beanType == null) {
                continue;
            }
            Class<?> type = ClassUtils.getUserClass(beanType);
            if (!type.getPackageName().startsWith("io.cupboard") || MEASURED.contains(type)) {
                continue;
            }
            Arrays.stream(type.getMethods())
                    .filter(method -> method.getReturnType() == JobRun.class)
                    .forEach(method -> found.add(type.getSimpleName() + "." + method.getName()));
        }
        return new ArrayList<>(found);
    }

    private static LocalDate lastWorkingDayBefore(LocalDate today, BusinessCalendar calendar) {
        // The same walk as DayClosingJob.closeLastWorkingDay.
        LocalDate day = today.minusDays(1);
        for (int back = 0; back < 14 && calendar.hoursOn(day).isEmpty(); back++) {
            day = day.minusDays(1);
        }
        return day;
    }

    /**
     * Removes the row versions that arming, sweeping and restoring left behind. Autovacuum does not
     * keep pace with them. Without this, each timing would scan more dead rows than the one before,
     * and whichever of the job and the statement ran second would pay for both.
     */
    private void vacuum() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("vacuum " + String.join(", ", SWEPT_TABLES));
        }
    }

    private void run(String script, Map<String, ?> variables) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            BenchScript.load(script, variables).execute(connection);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private long update(String script, Map<String, ?> variables) throws SQLException {
        List<String> statements = BenchScript.load(script, variables).statements();
        long rows = 0;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            for (String sql : statements) {
                rows += statement.executeUpdate(sql);
            }
        }
        return rows;
    }

    /**
     * Runs the sweeps against a running benchmark database and prints one line per sweep.
     * Arguments: the JDBC URL, the number of leads, the shares of leads to arm (comma-separated),
     * the repetitions of each, and optionally the sweeps to run (comma-separated names such as
     * second-wave; all by default).
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 4 && args.length != 5) {
            System.err.println("Usage: JobSweeps JDBC_URL LEADS SHARES REPETITIONS [SWEEPS], for example "
                    + "jdbc:postgresql://127.0.0.1:54329/cupboard 1000000 0,0.001,0.01 3 second-wave,alerts");
            System.exit(2);
        }
        long leads = Long.parseLong(args[1]);
        double[] shares = Arrays.stream(args[2].split(",")).mapToDouble(Double::parseDouble).toArray();
        int repetitions = Integer.parseInt(args[3]);
        Set<String> only = args.length == 5 ? Set.of(args[4].split(",")) : null;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CupBoardApplication.class)
                .properties(Map.of(
                        "spring.datasource.url", args[0],
                        "spring.datasource.username", "postgres",
                        // The security configuration needs a servlet context; any free loopback port will do.
                        "server.address", "127.0.0.1",
                        "server.port", "0",
                        "spring.flyway.enabled", "false",
                        // The largest batch allowed, so that one second-wave run moves every armed lead as
                        // the statement does (the default of 500 would cap it).
                        "cupboard.allocation.batch-size", "100000",
                        "cupboard.jobs.enabled", "false",
                        "spring.main.banner-mode", "off",
                        "logging.level.root", "WARN"))
                .run()) {
            JobSweeps sweeps = new JobSweeps(context);
            print(System.out, sweeps, leads, shares, repetitions, only);
        }
    }

    /** A sweep benchmark: arms that many rows and times the job and its statement. */
    private interface SweepCall {
        Sweep measure(double share, long armed) throws SQLException;
    }

    /**
     * Prints one line per measured sweep, and one per job without a benchmark.
     *
     * @param only the names of the sweeps to run, or null for all of them
     */
    private static void print(PrintStream out, JobSweeps sweeps, long leads, double[] shares, int repetitions,
                              Set<String> only) throws SQLException {
        Map<String, SweepCall> calls = new LinkedHashMap<>();
        calls.put("day-closing", sweeps::dayClosing);
        calls.put("sla", sweeps::sla);
        calls.put("second-wave", sweeps::secondWave);
        calls.put("alerts", sweeps::alerts);
        calls.put("api-cleanup", sweeps::apiCleanup);
        if (only != null) {
            Set<String> unknown = new TreeSet<>(only);
            unknown.removeAll(calls.keySet());
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("Unknown sweeps " + unknown + "; the sweeps are " + calls.keySet());
            }
            calls.keySet().retainAll(only);
        }
        double largest = shares[shares.length - 1];
        // The load runs before the sweeps leave many dead rows behind, so every sweep starts without them.
        sweeps.vacuum();
        for (SweepCall call : calls.values()) {
            // One unreported round first, so that no measured run pays for cold caches and JIT compilation.
            call.measure(largest, Math.round(leads * largest));
            for (double share : shares) {
                for (int repetition = 1; repetition <= repetitions; repetition++) {
                    Sweep sweep = call.measure(share, Math.round(leads * share));
                    out.printf(java.util.Locale.ROOT, "sweep job=%s share=%s armed=%d armed_kind=%s changed_kind=%s "
                                    + "job_rows=%d job_other_rows=%d job_ms=%.1f statement_rows=%d statement_ms=%.1f "
                                    + "ratio=%.2f%n", sweep.job(), share, sweep.armed(), words(sweep.armedKind()),
                            words(sweep.changedKind()), sweep.jobRows(), sweep.jobOtherRows(), sweep.jobMillis(),
                            sweep.statementRows(), sweep.statementMillis(), sweep.ratio());
                }
            }
        }
        for (String job : sweeps.unmeasuredJobs()) {
            out.printf("sweep job=%s skipped: no sweep benchmark defined for it yet (add its arm, statement and "
                    + "restore scripts to bench/sql and an entry to JobSweeps)%n", job);
        }
    }

    /** Joins the words with underscores, so that the value stays one field of the key=value line. */
    private static String words(String text) {
        return text.replace(' ', '_');
    }
}
