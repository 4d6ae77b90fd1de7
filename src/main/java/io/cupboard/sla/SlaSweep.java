package io.cupboard.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.LongSupplier;

import io.cupboard.calendar.BusinessCalendar;
import io.cupboard.shared.JobRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One sweep of the SLA transitions. Each transition is one SQL statement over every matching row,
 * in its own transaction, and changes only rows that still need it, so running the sweep again
 * (or on two instances at once) changes nothing twice. Leads that an outcome is recording at that
 * moment are locked, so the sweep skips them and takes them on its next run.
 *
 * <p>The statements read and write the lead module's {@code lead}, {@code task} and
 * {@code activity} tables and the policy module's {@code contact_policy}: a set-based job cannot
 * go through their entities.
 */
@Service
public class SlaSweep {

    private static final Logger log = LoggerFactory.getLogger(SlaSweep.class);

    /** The open leads in their retry phase whose attempts reached their policy's maximum. */
    private static final String ATTEMPTS_EXHAUSTED = """
            select l.id as lead_id, t.id as task_id, l.owner_id, l.attempt_count, l.wave, s.code as from_status,
                   p.attempts_end, p.max_waves, p.second_wave_team_id, p.unreachable_reason_id
            from lead l
            join task t on t.lead_id = l.id and t.state = 'OPEN' and t.type = 'RETRY'
            join lead_status s on s.id = l.status_id
            cross join lateral (
                select cp.max_attempts, cp.attempts_end, cp.max_waves, cp.second_wave_team_id, cp.unreachable_reason_id
                from contact_policy cp
                where cp.lead_type = l.type and (cp.source is null or lower(cp.source) = lower(l.source))
                order by cp.source is null
                limit 1) p
            where l.closed_at is null
              and l.attempt_count >= (select min(max_attempts) from contact_policy)
              and l.attempt_count >= p.max_attempts
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final BusinessCalendar calendar;
    private final AgentPresence presence;
    private final SlaProperties properties;
    private final Clock clock;

    SlaSweep(JdbcClient jdbc, TransactionTemplate transactions, BusinessCalendar calendar, AgentPresence presence,
             SlaProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.calendar = calendar;
        this.presence = presence;
        this.properties = properties;
        this.clock = clock;
    }

    /** Runs every transition once and returns the rows each changed. */
    public SlaSweepResult sweep() {
        JobRun run = JobRun.start(log, "sla-sweep");
        try {
            Instant now = clock.instant();
            long breaches = inTransaction(() -> markBreaches(now));
            long closed = inTransaction(() -> closeUnreachable(now));
            long waves = inTransaction(() -> startNextWaves(now));
            long callbacks = inTransaction(() -> handOverCallbacks(now));
            run.count("breachesMarked", breaches).count("closedUnreachable", closed).count("secondWaves", waves)
                    .count("callbacksHandedOver", callbacks);
            run.finished();
            return new SlaSweepResult(breaches, closed, waves, callbacks);
        } catch (RuntimeException e) {
            run.failed(e);
            throw e;
        }
    }

    /**
     * Marks first-contact tasks whose deadline passed with the lead not contacted: still open, or
     * completed after the deadline. The mark is the deadline itself, and the timeline gets an
     * entry. The alert sweep escalates marked breaches to the team lead.
     */
    long markBreaches(Instant now) {
        return jdbc.sql("""
                        with breached as (
                            update task t
                            set sla_breached_at = t.sla_deadline_at
                            where t.type = 'FIRST_CONTACT'
                              and t.sla_breached_at is null
                              and t.sla_deadline_at between :since and :now
                              and (t.state = 'OPEN' or t.completed_at > t.sla_deadline_at)
                            returning t.id, t.lead_id, t.owner_id, t.sla_deadline_at
                        )
                        insert into activity (lead_id, kind, actor_id, created_at, details)
                        select b.lead_id, 'SYSTEM', null, :now,
                               jsonb_build_object('event', 'SLA_BREACHED', 'taskId', b.id, 'ownerId', b.owner_id,
                                                  'deadline', b.sla_deadline_at)
                        from breached b
                        """)
                .param("now", Timestamp.from(now))
                .param("since", Timestamp.from(now.minus(properties.breachLookback())))
                .update();
    }

    /**
     * Closes as unreachable the leads whose attempts are exhausted and whose policy ends there:
     * it closes them, or its waves are used up. Their open retry task is cancelled, because no
     * call was made on it.
     */
    long closeUnreachable(Instant now) {
        return jdbc.sql("with candidates as (" + ATTEMPTS_EXHAUSTED + """
                              and (p.attempts_end = 'CLOSE_UNREACHABLE' or l.wave >= p.max_waves)
                            for update of l, t skip locked
                        ),
                        closed as (
                            update lead l
                            set status_id = (select id from lead_status where code = 'UNREACHABLE'),
                                closed_at = :now, last_activity_at = :now,
                                disqualification_reason_id = c.unreachable_reason_id, version = l.version + 1
                            from candidates c
                            where l.id = c.lead_id
                            returning l.id, c.task_id, c.attempt_count, c.wave, c.from_status, c.unreachable_reason_id
                        ),
                        cancelled as (
                            update task t
                            set state = 'CANCELLED', completed_at = :now, version = t.version + 1
                            from closed
                            where t.id = closed.task_id
                        )
                        insert into activity (lead_id, kind, actor_id, created_at, details)
                        select closed.id, 'SYSTEM', null, :now,
                               jsonb_build_object('event', 'CLOSED_UNREACHABLE', 'attempt', closed.attempt_count,
                                                  'wave', closed.wave, 'fromStatus', closed.from_status,
                                                  'toStatus', 'UNREACHABLE', 'reason', r.code)
                        from closed
                        join disqualification_reason r on r.id = closed.unreachable_reason_id
                        """)
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Starts the next wave for leads whose attempts are exhausted while their policy's waves
     * remain, as {@code Outcomes} does after a last unanswered call: the lead returns to status
     * ATTEMPTING with its attempts reset, and goes to the pool of the policy's second-wave team or
     * its own team. Its open retry task moves with it and falls due at the next business moment.
     */
    long startNextWaves(Instant now) {
        return jdbc.sql("with candidates as (" + ATTEMPTS_EXHAUSTED + """
                              and p.attempts_end = 'SECOND_WAVE' and l.wave < p.max_waves
                            for update of l, t skip locked
                        ),
                        moved as (
                            update lead l
                            set wave = l.wave + 1, attempt_count = 0, owner_id = null, assigned_at = null,
                                team_id = coalesce(c.second_wave_team_id, l.team_id),
                                status_id = (select id from lead_status where code = 'ATTEMPTING'),
                                version = l.version + 1
                            from candidates c
                            where l.id = c.lead_id
                            returning l.id, l.team_id, l.wave, c.task_id, c.owner_id as previous_owner_id, c.from_status
                        ),
                        handed as (
                            update task t
                            set owner_id = null, team_id = moved.team_id, due_at = :due, version = t.version + 1
                            from moved
                            where t.id = moved.task_id
                        )
                        insert into activity (lead_id, kind, actor_id, created_at, details)
                        select moved.id, 'ASSIGNED', null, :now,
                               jsonb_build_object('event', 'SECOND_WAVE', 'ownerId', null, 'teamId', moved.team_id,
                                                  'previousOwnerId', moved.previous_owner_id, 'wave', moved.wave,
                                                  'fromStatus', moved.from_status, 'toStatus', 'ATTEMPTING')
                        from moved
                        """)
                .param("now", Timestamp.from(now))
                .param("due", Timestamp.from(calendar.nextOpenSlot(now)))
                .update();
    }

    /**
     * Offers open callbacks to their team's pool when the agent is absent today and the callback
     * is due today or earlier, or when the callback is overdue by
     * {@code cupboard.sla.callback-overdue-after} of business time. The lead leaves the agent too,
     * because agents see only their own leads.
     */
    long handOverCallbacks(Instant now) {
        LocalDate today = now.atZone(calendar.zone()).toLocalDate();
        Long[] absent = presence.absentAgents(today).toArray(Long[]::new);
        Instant overdueBefore = calendar.subtractBusinessMinutes(now, properties.callbackOverdueAfter().toMinutes());
        return jdbc.sql("""
                        with candidates as (
                            select l.id as lead_id, t.id as task_id, t.owner_id,
                                   case when t.owner_id = any(:absent) and t.due_at < :endOfToday
                                        then 'AGENT_ABSENT' else 'CALLBACK_OVERDUE' end as event
                            from task t
                            join lead l on l.id = t.lead_id
                            where t.state = 'OPEN' and t.type = 'CALLBACK' and t.owner_id is not null
                              and l.closed_at is null and l.team_id is not null
                              and ((t.owner_id = any(:absent) and t.due_at < :endOfToday) or t.due_at <= :overdueBefore)
                            for update of l, t skip locked
                        ),
                        moved as (
                            update lead l
                            set owner_id = null, assigned_at = null, version = l.version + 1
                            from candidates c
                            where l.id = c.lead_id
                            returning l.id, l.team_id, c.task_id, c.owner_id as previous_owner_id, c.event
                        ),
                        handed as (
                            update task t
                            set owner_id = null, team_id = moved.team_id, version = t.version + 1
                            from moved
                            where t.id = moved.task_id
                        )
                        insert into activity (lead_id, kind, actor_id, created_at, details)
                        select moved.id, 'ASSIGNED', null, :now,
                               jsonb_build_object('event', moved.event, 'ownerId', null, 'teamId', moved.team_id,
                                                  'previousOwnerId', moved.previous_owner_id)
                        from moved
                        """)
                .param("now", Timestamp.from(now))
                .param("absent", absent)
                .param("endOfToday", Timestamp.from(today.plusDays(1).atStartOfDay(calendar.zone()).toInstant()))
                .param("overdueBefore", Timestamp.from(overdueBefore))
                .update();
    }

    private long inTransaction(LongSupplier transition) {
        Long rows = transactions.execute(status -> transition.getAsLong());
        return rows == null ? 0 : rows;
    }
}
