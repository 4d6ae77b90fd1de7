package io.cupboard.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agents' hygiene figures in one SQL statement: each figure is an aggregate over indexed
 * columns, grouped per agent, for one team or for the whole center.
 */
@Service
@Transactional(readOnly = true)
public class FigureQueries {

    /**
     * The per-agent figures; {@code :team} null selects every team. Each aggregate takes the
     * agents as an array ({@code = any(array(...))}), so it reads only their rows through the owner
     * indexes. With {@code in (select ...)} the planner read every open lead and task of the center
     * and filtered them, which grows with the center instead of the team.
     */
    static final String AGENT_FIGURES = """
            with agents as (
                select id, display_name, team_id from app_user
                where role = 'AGENT' and active and team_id is not null
                  and (cast(:team as bigint) is null or team_id = cast(:team as bigint))
            ),
            open_tasks as (
                select t.owner_id,
                       count(*) filter (where t.due_at < :endOfToday) as due_today,
                       count(*) filter (where t.due_at < :now) as overdue,
                       count(*) filter (where t.type = 'FIRST_CONTACT' and t.sla_deadline_at < :now) as past_sla
                from task t
                where t.state = 'OPEN' and t.owner_id = any(array(select id from agents))
                group by t.owner_id
            ),
            open_leads as (
                select l.owner_id, count(*) as cup_size,
                       count(*) filter (where not exists (
                           select 1 from task t where t.lead_id = l.id and t.state = 'OPEN')) as without_task
                from lead l
                where l.closed_at is null and l.owner_id = any(array(select id from agents))
                group by l.owner_id
            ),
            callbacks as (
                select t.owner_id, count(*) as missed
                from task t
                where t.type = 'CALLBACK' and t.owner_id = any(array(select id from agents))
                  and t.due_at >= :startOfToday and t.due_at < :missedBefore
                  and (t.state = 'OPEN' or t.completed_at > t.due_at + make_interval(secs => :graceSeconds))
                group by t.owner_id
            ),
            first_contacts as (
                select t.owner_id,
                       count(*) filter (where t.created_at >= :startOfToday
                                          and (l.first_contact_at is not null or t.sla_deadline_at < :now)) as due_today,
                       count(*) filter (where t.created_at >= :startOfToday and l.first_contact_at <= t.sla_deadline_at) as met_today,
                       count(*) filter (where l.first_contact_at is not null or t.sla_deadline_at < :now) as due_week,
                       count(*) filter (where l.first_contact_at <= t.sla_deadline_at) as met_week,
                       percentile_cont(0.5) within group (order by extract(epoch from l.first_contact_at - l.created_at))
                           filter (where t.created_at >= :startOfToday and l.first_contact_at is not null) as median_seconds
                from task t
                join lead l on l.id = t.lead_id
                where t.type = 'FIRST_CONTACT' and t.owner_id = any(array(select id from agents))
                  and t.created_at >= :weekStart and t.sla_deadline_at is not null
                group by t.owner_id
            ),
            calls as (
                select a.actor_id, count(*) as attempts,
                       count(*) filter (where a.outcome not in ('NO_ANSWER', 'BUSY', 'WRONG_NUMBER')) as contacts,
                       count(*) filter (where a.outcome = 'SALE') as sales
                from activity a
                where a.kind = 'CALL' and a.actor_id = any(array(select id from agents))
                  and a.created_at >= :startOfToday and a.created_at < :endOfToday
                group by a.actor_id
            )
            select a.id, a.display_name, a.team_id,
                   coalesce(ol.cup_size, 0) as cup_size, coalesce(ot.due_today, 0) as due_today,
                   coalesce(ot.overdue, 0) as overdue, coalesce(cb.missed, 0) as missed_callbacks,
                   coalesce(ol.without_task, 0) as without_task, coalesce(ot.past_sla, 0) as past_sla,
                   fc.due_today as sla_due_today, fc.met_today as sla_met_today,
                   fc.due_week as sla_due_week, fc.met_week as sla_met_week, fc.median_seconds,
                   coalesce(c.attempts, 0) as attempts, coalesce(c.contacts, 0) as contacts, coalesce(c.sales, 0) as sales,
                   w.opened_at, coalesce(w.closed_clean, false) as closed_clean
            from agents a
            left join open_tasks ot on ot.owner_id = a.id
            left join open_leads ol on ol.owner_id = a.id
            left join callbacks cb on cb.owner_id = a.id
            left join first_contacts fc on fc.owner_id = a.id
            left join calls c on c.actor_id = a.id
            left join work_day w on w.agent_id = a.id and w.work_date = :today
            """;

    /** The agents' figures summed per team; the shares and the median are recomputed over the team. */
    static final String TEAM_FIGURES = """
            with figures as (""" + "\n" + AGENT_FIGURES + """
            )
            select f.team_id, t.name, count(*) as agents,
                   sum(f.cup_size) as cup_size, sum(f.due_today) as due_today, sum(f.overdue) as overdue,
                   sum(f.missed_callbacks) as missed_callbacks, sum(f.without_task) as without_task,
                   sum(f.past_sla) as past_sla,
                   sum(coalesce(f.sla_due_today, 0)) as sla_due_today, sum(coalesce(f.sla_met_today, 0)) as sla_met_today,
                   sum(coalesce(f.sla_due_week, 0)) as sla_due_week, sum(coalesce(f.sla_met_week, 0)) as sla_met_week,
                   (select percentile_cont(0.5) within group (order by extract(epoch from l.first_contact_at - l.created_at))
                    from task ft join lead l on l.id = ft.lead_id
                    where ft.type = 'FIRST_CONTACT' and ft.team_id = f.team_id and ft.created_at >= :startOfToday
                      and l.first_contact_at is not null) as median_seconds,
                   sum(f.attempts) as attempts, sum(f.contacts) as contacts, sum(f.sales) as sales,
                   count(f.opened_at) as days_opened, count(*) filter (where f.closed_clean) as days_closed_clean
            from figures f
            join team t on t.id = f.team_id
            group by f.team_id, t.name
            order by t.name
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final DashboardProperties properties;

    FigureQueries(JdbcClient jdbc, Clock clock, ZoneId centerZone, DashboardProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = centerZone;
        this.properties = properties;
    }

    /** Returns a team's agents, worst hygiene first; a null team returns every agent of the center. */
    public List<AgentFigures> agents(Long teamId) {
        return bind(jdbc.sql(AGENT_FIGURES), teamId)
                .query(FigureQueries::figures)
                .list().stream()
                .sorted(Comparator.comparingInt(AgentFigures::hygieneScore).thenComparing(AgentFigures::agentName))
                .toList();
    }

    /** Returns every team's figures, by team name. */
    public List<TeamFigures> teams() {
        return bind(jdbc.sql(TEAM_FIGURES), null).query(FigureQueries::teamFigures).list();
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Long teamId) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        return statement
                .param("team", teamId)
                .param("now", Timestamp.from(now))
                .param("today", today)
                .param("startOfToday", Timestamp.from(today.atStartOfDay(zone).toInstant()))
                .param("endOfToday", Timestamp.from(today.plusDays(1).atStartOfDay(zone).toInstant()))
                .param("weekStart", Timestamp.from(today.minusDays(6).atStartOfDay(zone).toInstant()))
                .param("missedBefore", Timestamp.from(now.minus(properties.callbackGrace())))
                .param("graceSeconds", (double) properties.callbackGrace().toSeconds());
    }

    private static TeamFigures teamFigures(ResultSet row, int number) throws SQLException {
        Double median = (Double) row.getObject("median_seconds");
        return new TeamFigures(
                row.getLong("team_id"),
                row.getString("name"),
                row.getLong("agents"),
                row.getLong("cup_size"),
                row.getLong("due_today"),
                row.getLong("overdue"),
                row.getLong("missed_callbacks"),
                row.getLong("without_task"),
                row.getLong("past_sla"),
                share(row, "sla_met_today", "sla_due_today"),
                share(row, "sla_met_week", "sla_due_week"),
                median == null ? null : Duration.ofSeconds(Math.round(median)),
                row.getLong("attempts"),
                row.getLong("contacts"),
                row.getLong("sales"),
                row.getLong("days_opened"),
                row.getLong("days_closed_clean"));
    }

    private static AgentFigures figures(ResultSet row, int number) throws SQLException {
        Double median = (Double) row.getObject("median_seconds");
        Timestamp opened = row.getTimestamp("opened_at");
        return new AgentFigures(
                row.getLong("id"),
                row.getString("display_name"),
                row.getLong("team_id"),
                row.getLong("cup_size"),
                row.getLong("due_today"),
                row.getLong("overdue"),
                row.getLong("missed_callbacks"),
                row.getLong("without_task"),
                row.getLong("past_sla"),
                share(row, "sla_met_today", "sla_due_today"),
                share(row, "sla_met_week", "sla_due_week"),
                median == null ? null : Duration.ofSeconds(Math.round(median)),
                row.getLong("attempts"),
                row.getLong("contacts"),
                row.getLong("sales"),
                opened == null ? null : opened.toInstant(),
                row.getBoolean("closed_clean"));
    }

    private static Double share(ResultSet row, String met, String due) throws SQLException {
        long total = row.getLong(due);
        return total == 0 ? null : (double) row.getLong(met) / total;
    }
}
