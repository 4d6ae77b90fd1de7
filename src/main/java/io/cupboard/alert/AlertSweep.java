package io.cupboard.alert;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import io.cupboard.calendar.BusinessCalendar;
import io.cupboard.shared.JobRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One sweep of alerts: withdraws open alerts whose task was done, moved or rescheduled, then
 * raises each kind of alert with one {@code insert … select} over the tasks that call for it. The
 * unique index on {@code alert} makes every insert idempotent, so a second run, or a run on
 * another instance at the same time, raises nothing twice.
 *
 * <p>The statements read the lead module's {@code task} and {@code lead} tables.
 */
@Service
public class AlertSweep {

    private static final Logger log = LoggerFactory.getLogger(AlertSweep.class);

    private static final String INSERT = """
            insert into alert (kind, audience, recipient_id, team_id, lead_id, task_id, agent_id, due_at, created_at)
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final BusinessCalendar calendar;
    private final AlertProperties properties;
    private final Clock clock;

    AlertSweep(JdbcClient jdbc, TransactionTemplate transactions, BusinessCalendar calendar, AlertProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    /** Resolves and raises alerts once, and returns the rows changed. */
    public AlertSweepResult sweep() {
        JobRun run = JobRun.start(log, "alert-sweep");
        try {
            Instant now = clock.instant();
            long resolved = inTransaction(() -> resolveStale(now));
            run.count("resolved", resolved);
            Map<AlertKind, Long> raised = new EnumMap<>(AlertKind.class);
            for (AlertKind kind : AlertKind.values()) {
                long rows = inTransaction(() -> raise(kind, now));
                raised.put(kind, rows);
                run.count(kind.name(), rows);
            }
            run.finished();
            return new AlertSweepResult(raised, resolved);
        } catch (RuntimeException e) {
            run.failed(e);
            throw e;
        }
    }

    /**
     * Withdraws open alerts that no longer apply: the task is done, an agent alert's task moved
     * to another user or the pool, a pooled callback was taken, or the due time changed. Missed-SLA
     * escalations stay until a team lead dismisses them.
     */
    long resolveStale(Instant now) {
        return jdbc.sql("""
                        update alert a set resolved_at = :now
                        from task t
                        where t.id = a.task_id
                          and a.resolved_at is null and a.dismissed_at is null and a.kind <> 'SLA_BREACHED'
                          and (t.state <> 'OPEN'
                               or (a.audience = 'AGENT' and t.owner_id is distinct from a.recipient_id)
                               or (a.kind = 'CALLBACK_IN_POOL' and t.owner_id is not null)
                               or (a.kind in ('CALLBACK_DUE', 'TASK_OVERDUE', 'TASK_OVERDUE_ESCALATED', 'CALLBACK_IN_POOL')
                                   and t.due_at <> a.due_at))
                        """)
                .param("now", Timestamp.from(now))
                .update();
    }

    long raise(AlertKind kind, Instant now) {
        Instant since = now.minus(properties.lookback());
        String sql = switch (kind) {
            // Open first-contact tasks of leads assigned to an agent within the lookback.
            case NEW_LEAD -> INSERT + """
                    select 'NEW_LEAD', 'AGENT', t.owner_id, t.team_id, t.lead_id, t.id, t.owner_id,
                           coalesce(t.sla_deadline_at, t.due_at), :now
                    from task t
                    join lead l on l.id = t.lead_id
                    where t.state = 'OPEN' and t.type = 'FIRST_CONTACT' and t.owner_id is not null
                      and l.assigned_at >= :since
                      and not exists (select 1 from alert a where a.kind = 'NEW_LEAD' and a.task_id = t.id
                                                               and a.recipient_id = t.owner_id)
                    on conflict do nothing
                    """;
            // Callbacks of an agent due within callback-due-within before or after now.
            case CALLBACK_DUE -> INSERT + """
                    select 'CALLBACK_DUE', 'AGENT', t.owner_id, t.team_id, t.lead_id, t.id, t.owner_id, t.due_at, :now
                    from task t
                    where t.state = 'OPEN' and t.type = 'CALLBACK' and t.owner_id is not null
                      and t.due_at > :windowStart and t.due_at <= :windowEnd
                    on conflict do nothing
                    """;
            // An agent's tasks overdue by task-overdue-after of business time. First contacts
            // have their own SLA alerts.
            case TASK_OVERDUE -> INSERT + """
                    select 'TASK_OVERDUE', 'AGENT', t.owner_id, t.team_id, t.lead_id, t.id, t.owner_id, t.due_at, :now
                    from task t
                    where t.state = 'OPEN' and t.type <> 'FIRST_CONTACT' and t.owner_id is not null
                      and t.due_at <= :agentCutoff and t.due_at >= :since
                    on conflict do nothing
                    """;
            // A team's tasks, owned or pooled, overdue by escalate-overdue-after of business time.
            case TASK_OVERDUE_ESCALATED -> INSERT + """
                    select 'TASK_OVERDUE_ESCALATED', 'TEAM_LEAD', null, t.team_id, t.lead_id, t.id, t.owner_id, t.due_at, :now
                    from task t
                    where t.state = 'OPEN' and t.type <> 'FIRST_CONTACT' and t.team_id is not null
                      and t.due_at <= :teamLeadCutoff and t.due_at >= :since
                    on conflict do nothing
                    """;
            // First-contact deadlines that the SLA sweep marked as breached.
            case SLA_BREACHED -> INSERT + """
                    select 'SLA_BREACHED', 'TEAM_LEAD', null, t.team_id, t.lead_id, t.id, t.owner_id, t.sla_deadline_at, :now
                    from task t
                    where t.sla_breached_at >= :since and t.team_id is not null
                    on conflict do nothing
                    """;
            // Callbacks waiting in a team pool, for instance handed over by the SLA sweep.
            case CALLBACK_IN_POOL -> INSERT + """
                    select 'CALLBACK_IN_POOL', 'TEAM_LEAD', null, t.team_id, t.lead_id, t.id, null, t.due_at, :now
                    from task t
                    where t.state = 'OPEN' and t.type = 'CALLBACK' and t.owner_id is null and t.team_id is not null
                      and t.due_at >= :since
                    on conflict do nothing
                    """;
            // Raised when the inquiry arrives (InquiryAlerts), not by the sweep.
            case NEW_INQUIRY -> null;
        };
        if (sql == null) {
            return 0;
        }
        return jdbc.sql(sql)
                .params(parameters(kind, now, since))
                .update();
    }

    private Map<String, Object> parameters(AlertKind kind, Instant now, Instant since) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("now", Timestamp.from(now));
        parameters.put("since", Timestamp.from(since));
        switch (kind) {
            case CALLBACK_DUE -> {
                parameters.put("windowStart", Timestamp.from(now.minus(properties.callbackDueWithin())));
                parameters.put("windowEnd", Timestamp.from(now.plus(properties.callbackDueWithin())));
            }
            case TASK_OVERDUE -> parameters.put("agentCutoff",
                    Timestamp.from(calendar.subtractBusinessMinutes(now, properties.taskOverdueAfter().toMinutes())));
            case TASK_OVERDUE_ESCALATED -> parameters.put("teamLeadCutoff",
                    Timestamp.from(calendar.subtractBusinessMinutes(now, properties.escalateOverdueAfter().toMinutes())));
            default -> {
            }
        }
        return parameters;
    }

    private long inTransaction(LongSupplier step) {
        Long rows = transactions.execute(status -> step.getAsLong());
        return rows == null ? 0 : rows;
    }
}
