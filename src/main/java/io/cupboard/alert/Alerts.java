package io.cupboard.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open alerts a user sees, and dismissing them. An agent sees the alerts addressed to them; a
 * team lead sees the escalations of their own team. Other roles have no alerts. An alert outside
 * the user's scope is reported as not found, like one that does not exist.
 */
@Service
@Transactional(readOnly = true)
public class Alerts {

    private static final String SELECT = """
            select a.id, a.kind, a.lead_id, coalesce(l.full_name, l.phone_display, '#' || l.id) as lead_label,
                   u.display_name as agent_name, a.due_at, a.created_at
            from alert a
            join lead l on l.id = a.lead_id
            left join app_user u on u.id = a.agent_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    Alerts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Returns the number of the user's open alerts. */
    public long openCount(CurrentUser user) {
        Optional<Scope> scope = Scope.of(user);
        if (scope.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from alert a where a.dismissed_at is null and a.resolved_at is null and " + scope.get().condition())
                .param("scopeId", scope.get().id())
                .query(Long.class)
                .single();
    }

    /** Returns the user's open alerts, newest first. */
    public List<AlertItem> open(CurrentUser user, int limit) {
        Optional<Scope> scope = Scope.of(user);
        if (scope.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where a.dismissed_at is null and a.resolved_at is null and " + scope.get().condition()
                        + " order by a.created_at desc, a.id desc limit :limit")
                .param("scopeId", scope.get().id())
                .param("limit", limit)
                .query(Alerts::item)
                .list();
    }

    /**
     * Dismisses one of the user's alerts. Dismissing an alert twice changes nothing.
     *
     * @throws AlertNotFoundException when the alert does not exist or is outside the user's scope
     */
    @Transactional
    public void dismiss(long alertId, CurrentUser user) {
        Scope scope = Scope.of(user).orElseThrow(() -> new AlertNotFoundException(alertId));
        long visible = jdbc.sql("select count(*) from alert a where a.id = :id and " + scope.condition())
                .param("id", alertId)
                .param("scopeId", scope.id())
                .query(Long.class)
                .single();
        if (visible == 0) {
            throw new AlertNotFoundException(alertId);
        }
        jdbc.sql("update alert set dismissed_at = :now, dismissed_by = :userId where id = :id and dismissed_at is null")
                .param("now", Timestamp.from(clock.instant()))
                .param("userId", user.id())
                .param("id", alertId)
                .update();
    }

    /**
     * Withdraws the open alerts about a lead's tasks that are no longer open, as after a call
     * outcome. Missed-SLA escalations stay until a team lead dismisses them.
     */
    @Transactional
    public int resolveDoneTasks(long leadId, Instant at) {
        return jdbc.sql("""
                        update alert a set resolved_at = :at
                        from task t
                        where t.id = a.task_id and a.lead_id = :leadId and t.state <> 'OPEN'
                          and a.kind <> 'SLA_BREACHED' and a.resolved_at is null and a.dismissed_at is null
                        """)
                .param("at", Timestamp.from(at))
                .param("leadId", leadId)
                .update();
    }

    private static AlertItem item(ResultSet row, int number) throws SQLException {
        return new AlertItem(row.getLong("id"), AlertKind.valueOf(row.getString("kind")), row.getLong("lead_id"),
                row.getString("lead_label"), row.getString("agent_name"), row.getTimestamp("due_at").toInstant(),
                row.getTimestamp("created_at").toInstant());
    }

    /**
     * The alerts a user may see, as an SQL condition on {@code alert a} with one parameter,
     * {@code :scopeId}: the agent's own alerts, or the team lead's team's escalations.
     */
    private record Scope(String condition, long id) {

        static Optional<Scope> of(CurrentUser user) {
            if (user.role() == Role.AGENT) {
                return Optional.of(new Scope("a.audience = 'AGENT' and a.recipient_id = :scopeId", user.id()));
            }
            if (user.role() == Role.TEAM_LEAD && user.teamId() != null) {
                return Optional.of(new Scope("a.audience = 'TEAM_LEAD' and a.team_id = :scopeId", user.teamId()));
            }
            return Optional.empty();
        }
    }
}
