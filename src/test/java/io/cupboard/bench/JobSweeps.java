package io.cupboard.bench;

import java.io.PrintStream;
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
import io.cupboard.calendar.BusinessCalendar;
import io.cupboard.shared.JobRun;
import io.cupboard.workday.DayClosingJob;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Times each scheduled job's sweep against the single SQL statement that makes the same
 * transition, on the same rows, at several shares of the leads needing it. Each run arms the rows
 * with a script of {@code bench/sql}, sweeps, and restores them, so runs repeat on equal data.
 *
 * <p>{@code bench/run} starts it as a program against the benchmark database; the smoke test calls
 * {@link #dayClosing} on its small database.
 */
public final class JobSweeps {

    /** The reason the day-closing job writes on carried tasks (its own constant is package-private). */
    static final String DAY_CLOSING_REASON = "Carried by the system: the day was not closed";

    /** Jobs with a sweep benchmark here, by the job bean's class. */
    private static final Set<Class<?>> MEASURED = Set.of(DayClosingJob.class);

    /** One timed sweep: the rows it changed and its time, next to the single statement's. */
    public record Sweep(String job, double share, long armed, long jobRows, double jobMillis, long statementRows,
                        double statementMillis) {

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

        run("day-closing-arm.sql", window);
        long started = System.nanoTime();
        long statementRows = update("day-closing.sql", statement);
        double statementMillis = (System.nanoTime() - started) / 1e6;
        run("day-closing-restore.sql", window);

        run("day-closing-arm.sql", window);
        started = System.nanoTime();
        JobRun result = job.close(day);
        double jobMillis = (System.nanoTime() - started) / 1e6;
        run("day-closing-restore.sql", window);
        return new Sweep("day-closing", share, armed, result.counts().getOrDefault("tasks carried", 0L), jobMillis,
                statementRows, statementMillis);
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

    private void run(String script, Map<String, ?> variables) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            BenchScript.load(script, variables).execute(connection);
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
     * and the repetitions of each.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("Usage: JobSweeps JDBC_URL LEADS SHARES REPETITIONS, for example "
                    + "jdbc:postgresql://127.0.0.1:54329/cupboard 1000000 0,0.001,0.01 3");
            System.exit(2);
        }
        long leads = Long.parseLong(args[1]);
        double[] shares = Arrays.stream(args[2].split(",")).mapToDouble(Double::parseDouble).toArray();
        int repetitions = Integer.parseInt(args[3]);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CupBoardApplication.class)
                .properties(Map.of(
                        "spring.datasource.url", args[0],
                        "spring.datasource.username", "postgres",
                        // The security configuration needs a servlet context; any free loopback port will do.
                        "server.address", "127.0.0.1",
                        "server.port", "0",
                        "spring.flyway.enabled", "false",
                        "cupboard.jobs.enabled", "false",
                        "spring.main.banner-mode", "off",
                        "logging.level.root", "WARN"))
                .run()) {
            JobSweeps sweeps = new JobSweeps(context);
            print(System.out, sweeps, leads, shares, repetitions);
        }
    }

    private static void print(PrintStream out, JobSweeps sweeps, long leads, double[] shares, int repetitions)
            throws SQLException {
        // One unreported round first, so that no measured run pays for cold caches and JIT compilation.
        sweeps.dayClosing(shares[shares.length - 1], Math.round(leads * shares[shares.length - 1]));
        for (double share : shares) {
            for (int repetition = 1; repetition <= repetitions; repetition++) {
                Sweep sweep = sweeps.dayClosing(share, Math.round(leads * share));
                out.printf(java.util.Locale.ROOT, "sweep job=%s share=%s armed=%d job_rows=%d job_ms=%.1f statement_rows=%d "
                                + "statement_ms=%.1f ratio=%.2f%n", sweep.job(), share, sweep.armed(), sweep.jobRows(),
                        sweep.jobMillis(), sweep.statementRows(), sweep.statementMillis(), sweep.ratio());
            }
        }
        List<String> unmeasured = sweeps.unmeasuredJobs();
        for (String job : unmeasured) {
            out.printf("sweep job=%s skipped: no sweep benchmark defined for it yet (add its arm, statement and "
                    + "restore scripts to bench/sql and an entry to JobSweeps)%n", job);
        }
        if (unmeasured.isEmpty()) {
            for (String expected : List.of("first-contact SLA sweep", "second wave", "alerts")) {
                out.printf("sweep job=%s skipped: not available in this build%n", expected);
            }
        }
    }
}
