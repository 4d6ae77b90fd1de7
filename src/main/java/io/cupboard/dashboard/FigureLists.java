package io.cupboard.dashboard;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The leads behind each dashboard figure of one agent, with the same conditions as the figure.
 */
@Service
@Transactional(readOnly = true)
public class FigureLists {

    /** The row limit of a list; a figure above it shows its first rows by due time. */
    public static final int LIMIT = 500;

    /** A lead in a figure's list, with its open task when it has one. */
    public record FigureLead(long leadId, String name, String phoneDisplay, long statusId, String taskType, Instant dueAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final DashboardProperties properties;

    FigureLists(JdbcClient jdbc, Clock clock, ZoneId centerZone, DashboardProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = centerZone;
        this.properties = properties;
    }

    public List<FigureLead> leads(Figure figure, long agentId) {
        String condition = switch (figure) {
            case OPEN_LEADS -> "l.owner_id = :agent and l.closed_at is null";
            case DUE_TODAY -> "t.owner_id = :agent and t.state = 'OPEN' and t.due_at < :endOfToday";
            case OVERDUE -> "t.owner_id = :agent and t.state = 'OPEN' and t.due_at < :now";
            case PAST_SLA -> "t.owner_id = :agent and t.state = 'OPEN' and t.type = 'FIRST_CONTACT' and t.sla_deadline_at < :now";
            case WITHOUT_TASK -> "l.owner_id = :agent and l.closed_at is null and t.id is null";
            case MISSED_CALLBACKS -> """
                    exists (select 1 from task c where c.lead_id = l.id and c.owner_id = :agent and c.type = 'CALLBACK'
                            and c.due_at >= :startOfToday and c.due_at < :missedBefore
                            and (c.state = 'OPEN' or c.completed_at > c.due_at + make_interval(secs => :graceSeconds)))""";
            case CALLS_TODAY -> """
                    exists (select 1 from activity a where a.lead_id = l.id and a.actor_id = :agent and a.kind = 'CALL'
                            and a.created_at >= :startOfToday and a.created_at < :endOfToday)""";
            case SALES_TODAY -> """
                    exists (select 1 from activity a where a.lead_id = l.id and a.actor_id = :agent and a.kind = 'CALL'
                            and a.outcome = 'SALE' and a.created_at >= :startOfToday and a.created_at < :endOfToday)""";
        };
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        return jdbc.sql("""
                        select l.id, l.full_name, l.phone_display, l.status_id, t.type, t.due_at
                        from lead l
                        left join task t on t.lead_id = l.id and t.state = 'OPEN'
                        where %s
                        order by t.due_at nulls first, l.id
                        limit %d
                        """.formatted(condition, LIMIT))
                .param("agent", agentId)
                .param("now", Timestamp.from(now))
                .param("startOfToday", Timestamp.from(today.atStartOfDay(zone).toInstant()))
                .param("endOfToday", Timestamp.from(today.plusDays(1).atStartOfDay(zone).toInstant()))
                .param("missedBefore", Timestamp.from(now.minus(properties.callbackGrace())))
                .param("graceSeconds", (double) properties.callbackGrace().toSeconds())
                .query((row, number) -> {
                    Timestamp due = row.getTimestamp(6);
                    return new FigureLead(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4), row.getString(5),
                            due == null ? null : due.toInstant());
                })
                .list();
    }
}
