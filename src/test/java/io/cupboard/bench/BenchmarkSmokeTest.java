package io.cupboard.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import io.cupboard.cup.CupItem;
import io.cupboard.cup.CupProperties;
import io.cupboard.cup.Cups;
import io.cupboard.dashboard.AgentFigures;
import io.cupboard.dashboard.FigureQueries;
import io.cupboard.lead.PhoneNumber;
import io.cupboard.lead.TaskType;
import io.cupboard.support.MutableClock;
import io.cupboard.support.TestConfiguration;
import io.cupboard.support.TestTimes;
import io.cupboard.workday.DaySchedules;
import io.cupboard.workday.DaySegment;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The benchmark's small variant: generates a few thousand leads into a database of its own, checks
 * the dataset's invariants and skew, and runs each baseline script of {@code bench/sql} once next to
 * the application code it stands for. It asserts results, never timings.
 */
@SpringBootTest(properties = "cupboard.database.embedded.database-name=cupboard_bench_smoke")
@Import(TestConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchmarkSmokeTest {

    static final int LEADS = 8000;
    static final LocalDate ANCHOR = LocalDate.of(2026, 12, 8);

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    ZoneId centerZone;

    @Autowired
    ApplicationContext context;

    String generatedFingerprint;

    @BeforeAll
    void generate() throws SQLException {
        clock.setInstant(TestTimes.TUESDAY_MORNING);
        try (Connection connection = dataSource.getConnection()) {
            BenchScript.load("generate.sql", generatorVariables(7)).execute(connection);
            generatedFingerprint = fingerprint(connection);
        }
    }

    @AfterAll
    void resetClock() {
        clock.reset();
    }

    @Test
    void generatorBuildsTheCenter() {
        assertThat(count("select count(*) from lead")).isEqualTo(LEADS);
        assertThat(count("select count(*) from team")).isEqualTo(4);
        assertThat(count("select count(*) from app_user where role = 'AGENT'")).isEqualTo(16);
        long open = count("select count(*) from lead where closed_at is null");
        assertThat(open).isBetween(LEADS * 27L / 100, LEADS * 33L / 100);
        long activities = count("select count(*) from activity");
        assertThat(activities).isBetween(LEADS * 9L, LEADS * 11L);
        assertThat(count("select count(*) from lead where created_at < ?", ANCHOR.minusDays(700)))
                .isPositive();
    }

    @Test
    void everyOpenLeadHasExactlyOneOpenTask() {
        assertThat(count("""
                select count(*) from lead l
                where (l.closed_at is null) <> ((select count(*) from task t where t.lead_id = l.id and t.state = 'OPEN') = 1)
                """)).isZero();
        assertThat(count("select count(*) from task t join lead l on l.id = t.lead_id where t.state = 'OPEN' and l.closed_at is not null"))
                .isZero();
        assertThat(count("""
                select count(*) from task t join lead l on l.id = t.lead_id
                where t.state = 'OPEN' and (t.owner_id is distinct from l.owner_id or t.team_id is distinct from l.team_id)
                """)).isZero();
    }

    @Test
    void openLeadsAreSkewedOverAgents() {
        Map<String, Long> openByAgent = new LinkedHashMap<>();
        jdbc.sql("""
                        select u.username, count(l.id) from app_user u
                        left join lead l on l.owner_id = u.id and l.closed_at is null
                        where u.role = 'AGENT' and u.username like 'agent%' group by u.username order by u.username
                        """)
                .query((row, number) -> openByAgent.put(row.getString(1), row.getLong(2))).list();

        assertThat(openByAgent).hasSize(12);
        assertThat(openByAgent.get("agent001")).isEqualTo(250);
        openByAgent.forEach((agent, leads) -> {
            if (!agent.equals("agent001")) {
                assertThat(leads).as(agent).isBetween(60L, 150L);
            }
        });
        assertThat(count("select count(*) from lead l join app_user u on u.id = l.owner_id where u.username like 'pool%'"))
                .isZero();
        assertThat(count("""
                select count(*) from lead l join team t on t.id = l.team_id
                where t.name = 'צוות מאגר' and l.owner_id is null and l.closed_at is null
                """)).isPositive();
    }

    @Test
    void closedLeadsCarryTheirReason() {
        assertThat(count("""
                select count(*) from lead l join lead_status s on s.id = l.status_id
                where s.category in ('LOST', 'DISQUALIFIED') and l.disqualification_reason_id is null
                """)).isZero();
        assertThat(count("select count(*) from lead where closed_at < created_at or first_contact_at < created_at")).isZero();
    }

    @Test
    void generatedPhonesAreValid() {
        List<String> phones = jdbc.sql("select phone_e164 from lead where id % 500 = 1 order by id").query(String.class).list();

        assertThat(phones).hasSize(LEADS / 500);
        assertThat(phones).allSatisfy(phone -> assertThat(PhoneNumber.parse(phone).e164()).isEqualTo(phone));
        assertThat(count("select count(distinct phone_e164) from lead")).isEqualTo(LEADS);
    }

    @Test
    void generatorIsDeterministic() throws SQLException {
        String url;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists cupboard_bench_smoke_again");
            statement.execute("create database cupboard_bench_smoke_again");
            url = connection.getMetaData().getURL().replaceFirst("/cupboard_bench_smoke\\b", "/cupboard_bench_smoke_again");
        }
        Flyway.configure().dataSource(url, "postgres", null).locations("classpath:db/migration").load().migrate();
        String again;
        try (Connection connection = java.sql.DriverManager.getConnection(url, "postgres", null)) {
            BenchScript.load("generate.sql", generatorVariables(7)).execute(connection);
            again = fingerprint(connection);
        }

        assertThat(again).isEqualTo(generatedFingerprint);
    }

    @Test
    void generatorRejectsFilledDatabase() {
        assertThatThrownBy(() -> {
            try (Connection connection = dataSource.getConnection()) {
                BenchScript.load("generate.sql", generatorVariables(8)).execute(connection);
            }
        }).hasMessageContaining("generate into a fresh database");
    }

    @Test
    void cupBaselineReturnsTheCupPageRows() throws SQLException {
        long agentId = userId("agent001");
        long teamId = jdbc.sql("select team_id from app_user where id = ?").param(agentId).query(Long.class).single();
        Instant now = clock.instant();
        LocalDate today = now.atZone(centerZone).toLocalDate();
        CupProperties properties = context.getBean(CupProperties.class);
        DaySchedules schedules = context.getBean(DaySchedules.class);
        Set<TaskType> focus = schedules.currentSegment(teamId, now).map(DaySegment::getFocus)
                .map(value -> value.taskTypes()).orElse(Set.of());
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("agent", agentId);
        variables.put("now", "'" + now + "'");
        variables.put("end_of_today", "'" + today.plusDays(1).atStartOfDay(centerZone).toInstant() + "'");
        variables.put("callback_from", "'" + now.minus(properties.callbackWindowAfter()) + "'");
        variables.put("callback_to", "'" + now.plus(properties.callbackWindowBefore()) + "'");
        variables.put("focus", "'{" + String.join(",", focus.stream().map(Enum::name).toList()) + "}'");
        variables.put("lift", properties.segmentLift());
        variables.put("registry_cutoff", "'" + now.minus(java.time.Duration.ofDays(15)) + "'");

        List<Map<String, Object>> rows;
        try (Connection connection = dataSource.getConnection()) {
            rows = BenchScript.load("cup.pgbench", variables).execute(connection);
        }

        List<Long> page = context.getBean(Cups.class).cupOf(agentId, teamId).sections().values().stream()
                .flatMap(Collection::stream).map(CupItem::taskId).toList();
        assertThat(rows.stream().map(row -> ((Number) row.get("task_id")).longValue()).toList()).isEqualTo(page);
        assertThat(page).hasSizeGreaterThan(100);
    }

    @Test
    void teamBaselineReturnsTheTeamFigures() throws SQLException {
        long teamId = jdbc.sql("select team_id from app_user where username = 'agent001'").query(Long.class).single();

        List<Map<String, Object>> rows;
        try (Connection connection = dataSource.getConnection()) {
            rows = BenchScript.load("team.pgbench", dashboardVariables(teamId)).execute(connection);
        }

        Map<Long, Long> baseline = new LinkedHashMap<>();
        rows.forEach(row -> baseline.put(((Number) row.get("id")).longValue(), ((Number) row.get("cup_size")).longValue()));
        Map<Long, Long> service = new LinkedHashMap<>();
        context.getBean(FigureQueries.class).agents(teamId).forEach(agent -> service.put(agent.agentId(), agent.cupSize()));
        assertThat(baseline).isEqualTo(service);
        assertThat(service.values()).allSatisfy(size -> assertThat(size).isPositive());
    }

    @Test
    void centerBaselineCoversEveryTeam() throws SQLException {
        Map<String, Object> variables = dashboardVariables(null);
        LocalDate today = clock.instant().atZone(centerZone).toLocalDate();
        variables.put("from", "'" + today.minusDays(6).atStartOfDay(centerZone).toInstant() + "'");
        variables.put("to", "'" + today.plusDays(1).atStartOfDay(centerZone).toInstant() + "'");
        variables.put("from_date", "'" + today.minusDays(6) + "'");
        variables.put("to_date", "'" + today.plusDays(1) + "'");
        variables.put("zone", "'" + centerZone.getId() + "'");
        BenchScript script = BenchScript.load("center.pgbench", variables);

        List<String> statements = script.statements();
        assertThat(statements).hasSize(6);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            int teams = 0;
            try (var result = statement.executeQuery(statements.get(0))) {
                while (result.next()) {
                    teams++;
                }
            }
            assertThat(teams).isEqualTo(4);
            for (String sql : statements.subList(1, statements.size())) {
                statement.executeQuery(sql).close();
            }
        }
        List<AgentFigures> everyone = context.getBean(FigureQueries.class).agents(null);
        assertThat(everyone).hasSize(16);
    }

    @Test
    void outcomeBaselineLeavesOneOpenTask() throws SQLException {
        long leadId = jdbc.sql("""
                        select l.id from lead l join app_user u on u.id = l.owner_id
                        where l.closed_at is null and u.username = 'agent002' order by l.id limit 1
                        """).query(Long.class).single();
        int version = jdbc.sql("select version from lead where id = ?").param(leadId).query(Integer.class).single();
        jdbc.sql("create table if not exists bench_outcome_lead (n integer primary key, lead_id bigint not null)").update();
        jdbc.sql("insert into bench_outcome_lead values (1, ?) on conflict (n) do update set lead_id = excluded.lead_id")
                .param(leadId).update();

        try (Connection connection = dataSource.getConnection()) {
            BenchScript.load("outcome.pgbench", Map.of("n", 1)).execute(connection);
        }

        assertThat(jdbc.sql("select type from task where lead_id = ? and state = 'OPEN'").param(leadId).query(String.class).list())
                .containsExactly("FOLLOW_UP");
        assertThat(jdbc.sql("select version from lead where id = ?").param(leadId).query(Integer.class).single())
                .isEqualTo(version + 1);
    }

    @Test
    void dayClosingStatementCarriesWhatTheJobCarries() throws SQLException {
        long armed = LEADS / 100;

        JobSweeps.Sweep sweep = new JobSweeps(context).dayClosing(0.01, armed);

        assertThat(sweep.statementRows()).isEqualTo(armed);
        assertThat(sweep.jobRows()).isEqualTo(armed);
        assertThat(count("""
                select count(*) from task t join app_user u on u.id = t.owner_id
                where t.state = 'OPEN' and u.role = 'AGENT' and t.due_at < ?
                """, ANCHOR.atStartOfDay(centerZone).toOffsetDateTime())).isZero();
        assertThat(count("select count(*) from information_schema.tables where table_name like 'bench_armed%'")).isZero();
    }

    @Test
    void slaStatementMarksWhatTheSweepMarks() throws SQLException {
        long armed = LEADS / 100;

        JobSweeps.Sweep sweep = new JobSweeps(context).sla(0.01, armed);

        assertThat(sweep.armed()).isEqualTo(armed);
        assertThat(sweep.jobRows()).isGreaterThanOrEqualTo(armed);
        assertThat(sweep.statementRows()).isEqualTo(sweep.jobRows());
        assertThat(count("select count(*) from information_schema.tables where table_name like 'bench_armed%'")).isZero();
    }

    @Test
    void secondWaveStatementMovesWhatTheJobMoves() throws SQLException {
        long armed = LEADS / 100;
        String capacities = "select sum(daily_capacity) from app_user where role = 'AGENT'";
        long capacityBefore = count(capacities);

        JobSweeps.Sweep sweep = new JobSweeps(context).secondWave(0.01, armed);

        assertThat(sweep.armed()).isEqualTo(armed);
        assertThat(sweep.jobRows()).isGreaterThanOrEqualTo(armed);
        assertThat(sweep.statementRows()).isEqualTo(sweep.jobRows());
        assertThat(sweep.jobOtherRows()).isZero();
        assertThat(count(capacities)).isEqualTo(capacityBefore);
        assertThat(count("select count(*) from information_schema.tables where table_name like 'bench_armed%'")).isZero();
    }

    @Test
    void alertStatementRaisesWhatTheSweepRaises() throws SQLException {
        long armed = LEADS / 100;
        long alertsBefore = count("select count(*) from alert");

        JobSweeps.Sweep sweep = new JobSweeps(context).alerts(0.01, armed);

        assertThat(sweep.armed()).isEqualTo(armed);
        assertThat(sweep.statementRows()).isEqualTo(sweep.jobRows());
        assertThat(count("select count(*) from alert")).isEqualTo(alertsBefore);
        assertThat(count("select count(*) from information_schema.tables where table_name like 'bench_armed%'")).isZero();
    }

    @Test
    void apiCleanupStatementDeletesWhatTheJobDeletes() throws SQLException {
        long armed = LEADS / 100;
        long recordsBefore = count("select count(*) from intake_idempotency");
        long windowsBefore = count("select count(*) from intake_rate_window");
        // The arming adds a live record per lead of the last day. Without such leads, the exact counts below
        // would not show that live records stay.
        assertThat(count("select count(*) from lead where created_at >= ?",
                clock.instant().minus(Duration.ofHours(24)).plus(Duration.ofMinutes(10)).atOffset(ZoneOffset.UTC))).isPositive();

        JobSweeps.Sweep sweep = new JobSweeps(context).apiCleanup(0.01, armed);

        assertThat(sweep.armed()).isEqualTo(armed);
        assertThat(sweep.jobRows()).isEqualTo(armed);
        assertThat(sweep.statementRows()).isEqualTo(armed);
        assertThat(sweep.jobOtherRows()).isZero();
        assertThat(count("select count(*) from intake_idempotency")).isEqualTo(recordsBefore);
        assertThat(count("select count(*) from intake_rate_window")).isEqualTo(windowsBefore);
        assertThat(count("select count(*) from intake_api_key where key_prefix = 'cbk_benchsweep'")).isZero();
        assertThat(count("select count(*) from information_schema.tables where table_name like 'bench_saved%'")).isZero();
    }

    @Test
    void everyJobHasSweepBenchmark() {
        assertThat(new JobSweeps(context).unmeasuredJobs()).isEmpty();
    }

    @Test
    void poolClaimBaselineClaimsAndRollsBack() throws SQLException {
        jdbc.sql("""
                create table if not exists bench_pool_agent as
                select cast(row_number() over (order by username) as integer) as n, id, team_id
                from app_user where username like 'pool%'
                """).update();
        String pooled = "select count(*) from task where owner_id is null and state = 'OPEN'";
        long before = count(pooled);

        List<Map<String, Object>> rows;
        try (Connection connection = dataSource.getConnection()) {
            rows = BenchScript.load("pool-claim.pgbench", Map.of("n", 1)).execute(connection);
        }

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("id")).isNotNull();
        assertThat(count(pooled)).isEqualTo(before);
    }

    @Test
    void importWritesBaselineWritesAndRollsBack() throws SQLException {
        jdbc.sql("drop table if exists bench_import_staging").update();
        jdbc.sql("""
                create table bench_import_staging as
                select 'ליד ' || n as full_name, '+97254' || (3000000 + n) as phone, 'writes' || n || '@example.com' as email,
                       'חיפה' as city, 'facebook' as source, 'campaign-import' as campaign
                from generate_series(1, 40) as n
                """).update();
        long leads = count("select count(*) from lead");

        List<String> statements = BenchScript.load("import-writes.sql", Map.of()).statements();
        assertThat(statements.get(statements.size() - 1).strip()).isEqualToIgnoringCase("rollback;");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements.subList(0, statements.size() - 1)) {
                statement.execute(sql);
            }
            var written = statement.executeQuery("""
                    select (select count(*) from lead) as leads,
                           (select count(*) from activity a join bench_import_leads l on l.id = a.lead_id) as activities,
                           (select count(*) from task t join bench_import_leads l on l.id = t.lead_id where t.owner_id is not null) as tasks
                    """);
            written.next();
            assertThat(written.getLong("leads")).isEqualTo(leads + 40);
            assertThat(written.getLong("activities")).isEqualTo(80);
            assertThat(written.getLong("tasks")).isEqualTo(40);
            statement.execute("rollback");
        }

        assertThat(count("select count(*) from lead")).isEqualTo(leads);
        assertThat(count("select count(*) from import_batch where file_name = 'import-writes.csv'")).isZero();
        jdbc.sql("drop table bench_import_staging").update();
    }

    @Test
    void poolDuplicateCheckFindsNone() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Map<String, Object>> rows = BenchScript.load("pool-duplicates.sql",
                    Map.of("since", "'" + Instant.EPOCH + "'")).execute(connection);
            assertThat(((Number) rows.get(0).get("duplicates")).longValue()).isZero();
        }
    }

    private Map<String, Object> generatorVariables(long seed) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("seed", seed);
        variables.put("leads", LEADS);
        variables.put("agents", 12);
        variables.put("teams", 3);
        variables.put("pool_agents", 4);
        variables.put("activities", 10);
        variables.put("anchor", ANCHOR);
        variables.put("zone", centerZone.getId());
        variables.put("password", "{noop}unused");
        return variables;
    }

    private Map<String, Object> dashboardVariables(Long teamId) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(centerZone).toLocalDate();
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("team", teamId == null ? "null" : teamId);
        variables.put("now", "'" + now + "'");
        variables.put("today", "'" + today + "'");
        variables.put("start_of_today", "'" + today.atStartOfDay(centerZone).toInstant() + "'");
        variables.put("end_of_today", "'" + today.plusDays(1).atStartOfDay(centerZone).toInstant() + "'");
        variables.put("week_start", "'" + today.minusDays(6).atStartOfDay(centerZone).toInstant() + "'");
        variables.put("missed_before", "'" + now.minus(java.time.Duration.ofMinutes(30)) + "'");
        variables.put("grace_seconds", 1800);
        return variables;
    }

    private static String fingerprint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             var result = statement.executeQuery("""
                     select (select md5(string_agg(concat_ws('|', id, full_name, status_id, owner_id is not null, team_id is not null,
                                                             created_at, closed_at, attempt_count), ',' order by id)) from lead)
                            || (select md5(string_agg(concat_ws('|', id, lead_id, type, state, due_at), ',' order by id)) from task)
                            || (select md5(string_agg(concat_ws('|', lead_id, kind, outcome, created_at), ',' order by lead_id, created_at, kind))
                                from activity)
                     """)) {
            result.next();
            return result.getString(1);
        }
    }

    private long userId(String username) {
        return jdbc.sql("select id from app_user where username = ?").param(username).query(Long.class).single();
    }

    private long count(String sql, Object... parameters) {
        return jdbc.sql(sql).params(parameters).query(Long.class).single();
    }
}
