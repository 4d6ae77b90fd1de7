package io.cupboard.dashboard;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The center dashboard's figures over a date range, each one SQL aggregate: the lead funnel,
 * disqualification reasons per team, SLA compliance and day-close compliance per day and team,
 * and how many attempts it took to reach people.
 */
@Service
@Transactional(readOnly = true)
public class CenterAnalytics {

    /** Leads that arrived in the range, by source (its name where the admin registered it) and campaign, and how far they got. */
    public record FunnelRow(String source, String campaign, long arrived, long contacted, long followUp, long won, long lost,
                            long disqualified) {
    }

    /** Closed leads of a team in the range with one disqualification reason, and their share of the team's closed leads. */
    public record ReasonShare(long teamId, String teamName, String reasonCode, long leads, long closedLeads) {

        public double share() {
            return closedLeads == 0 ? 0 : (double) leads / closedLeads;
        }
    }

    /** A share per team and day: first contacts made within the SLA, or days closed clean. */
    public record DailyShare(LocalDate day, long teamId, String teamName, long met, long total) {

        public Double share() {
            return total == 0 ? null : (double) met / total;
        }
    }

    /** How many leads were first reached after a number of unanswered attempts (5 means 5 or more). */
    public record AttemptsBucket(int attempts, long leads) {
    }

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final Clock clock;

    CenterAnalytics(JdbcClient jdbc, ZoneId centerZone, Clock clock) {
        this.jdbc = jdbc;
        this.zone = centerZone;
        this.clock = clock;
    }

    public List<FunnelRow> funnel(LocalDate from, LocalDate to) {
        return range(jdbc.sql("""
                        select coalesce(src.name, l.source, '') as source, coalesce(l.campaign, '') as campaign, count(*) as arrived,
                               count(l.first_contact_at) as contacted,
                               count(*) filter (where l.follow_up_count > 0) as follow_up,
                               count(*) filter (where s.category = 'WON') as won,
                               count(*) filter (where s.category = 'LOST') as lost,
                               count(*) filter (where s.category = 'DISQUALIFIED') as disqualified
                        from lead l join lead_status s on s.id = l.status_id
                        left join intake_source src on src.code = l.source
                        where l.created_at >= :from and l.created_at < :to
                        group by 1, 2
                        order by arrived desc, source, campaign
                        """), from, to)
                .query((row, number) -> new FunnelRow(row.getString(1), row.getString(2), row.getLong(3), row.getLong(4),
                        row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8)))
                .list();
    }

    public List<ReasonShare> reasons(LocalDate from, LocalDate to) {
        return range(jdbc.sql("""
                        with closed as (
                            select l.team_id, l.disqualification_reason_id
                            from lead l
                            where l.closed_at >= :from and l.closed_at < :to and l.team_id is not null
                        ), totals as (
                            select team_id, count(*) as closed_leads from closed group by team_id
                        )
                        select c.team_id, t.name, r.code, count(*) as leads, totals.closed_leads
                        from closed c
                        join disqualification_reason r on r.id = c.disqualification_reason_id
                        join team t on t.id = c.team_id
                        join totals on totals.team_id = c.team_id
                        group by c.team_id, t.name, r.code, r.sort_order, totals.closed_leads
                        order by t.name, r.sort_order
                        """), from, to)
                .query((row, number) -> new ReasonShare(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4),
                        row.getLong(5)))
                .list();
    }

    /** First-contact SLA compliance per day and team: leads reached by their deadline out of those due. */
    public List<DailyShare> slaTrend(LocalDate from, LocalDate to) {
        return range(jdbc.sql("""
                        select (t.created_at at time zone :zone)::date as day, t.team_id, tm.name,
                               count(*) filter (where l.first_contact_at <= t.sla_deadline_at) as met,
                               count(*) as total
                        from task t
                        join lead l on l.id = t.lead_id
                        join team tm on tm.id = t.team_id
                        where t.type = 'FIRST_CONTACT' and t.sla_deadline_at is not null
                          and t.created_at >= :from and t.created_at < :to
                          and (l.first_contact_at is not null or t.sla_deadline_at < :now)
                        group by 1, 2, 3
                        order by 1, 3
                        """), from, to)
                .param("zone", zone.getId())
                .param("now", Timestamp.from(clock.instant()))
                .query((row, number) -> new DailyShare(row.getObject(1, LocalDate.class), row.getLong(2), row.getString(3),
                        row.getLong(4), row.getLong(5)))
                .list();
    }

    /** Day-close compliance per day and team: agents' days closed clean out of the days recorded. */
    public List<DailyShare> dayCloseTrend(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select w.work_date, u.team_id, tm.name, count(*) filter (where w.closed_clean) as met, count(*) as total
                        from work_day w
                        join app_user u on u.id = w.agent_id
                        join team tm on tm.id = u.team_id
                        where w.work_date >= :from and w.work_date < :to
                        group by 1, 2, 3
                        order by 1, 3
                        """)
                .param("from", from)
                .param("to", to.plusDays(1))
                .query((row, number) -> new DailyShare(row.getObject(1, LocalDate.class), row.getLong(2), row.getString(3),
                        row.getLong(4), row.getLong(5)))
                .list();
    }

    /** Leads first reached in the range, by how many unanswered attempts came before the contact. */
    public List<AttemptsBucket> attemptsToContact(LocalDate from, LocalDate to) {
        return range(jdbc.sql("""
                        with first_contact as (
                            select a.lead_id, min(a.created_at) as contacted_at
                            from activity a
                            where a.kind = 'CALL' and a.outcome not in ('NO_ANSWER', 'BUSY', 'WRONG_NUMBER')
                              and a.created_at >= :from and a.created_at < :to
                            group by a.lead_id
                        ), reached as (
                            select f.lead_id,
                                   (select count(*) from activity b
                                    where b.lead_id = f.lead_id and b.kind = 'CALL' and b.outcome in ('NO_ANSWER', 'BUSY')
                                      and b.created_at < f.contacted_at) as attempts
                            from first_contact f
                            where not exists (select 1 from activity e
                                              where e.lead_id = f.lead_id and e.kind = 'CALL'
                                                and e.outcome not in ('NO_ANSWER', 'BUSY', 'WRONG_NUMBER')
                                                and e.created_at < :from)
                        )
                        select least(attempts, 5) as bucket, count(*) from reached group by 1 order by 1
                        """), from, to)
                .query((row, number) -> new AttemptsBucket(row.getInt(1), row.getLong(2)))
                .list();
    }

    private JdbcClient.StatementSpec range(JdbcClient.StatementSpec statement, LocalDate from, LocalDate to) {
        return statement
                .param("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
    }
}
