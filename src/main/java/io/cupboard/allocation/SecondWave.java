package io.cupboard.allocation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cupboard.calendar.BusinessCalendar;
import io.cupboard.lead.AssignmentReason;
import io.cupboard.lead.ContactPolicies;
import io.cupboard.lead.ContactPolicy;
import io.cupboard.lead.LeadAssignments;
import io.cupboard.lead.LeadType;
import io.cupboard.lead.LeadWaves;
import io.cupboard.shared.JobRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The second-wave job. One run:
 * <ol>
 *     <li>moves leads that nobody called within {@code cupboard.allocation.untouched-after} business
 *     time to their next wave, in the pool of the rule's second-wave team or of their own team;
 *     in the last wave of the lead's contact policy it closes them as unreachable instead;</li>
 *     <li>returns the untouched new leads of absent agents to their team pools;</li>
 *     <li>allocates the waiting leads of every pool, never back to a previous owner.</li>
 * </ol>
 * Candidates are locked with {@code SKIP LOCKED} and each transition is one statement, so a run is
 * idempotent and two overlapping runs never move a lead twice.
 */
@Service
public class SecondWave {

    private static final Logger log = LoggerFactory.getLogger(SecondWave.class);
    /** A cutoff further back than this means that the calendar has no business hours to count. */
    private static final Duration MAX_LOOK_BACK = Duration.ofDays(400);

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;
    private final ContactPolicies policies;
    private final LeadWaves waves;
    private final LeadAssignments assignments;
    private final AgentAvailability availability;
    private final PoolDrain drain;
    private final TransactionTemplate transaction;
    private final AllocationProperties properties;
    private final Clock clock;

    SecondWave(JdbcClient jdbc, BusinessCalendar calendar, ContactPolicies policies, LeadWaves waves,
               LeadAssignments assignments, AgentAvailability availability, PoolDrain drain,
               PlatformTransactionManager transactions, AllocationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.policies = policies;
        this.waves = waves;
        this.assignments = assignments;
        this.availability = availability;
        this.drain = drain;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock;
    }

    /** Runs one sweep at the clock's time and returns what it changed. */
    public Counts run() {
        Instant now = clock.instant();
        JobRun run = JobRun.start(log, "second-wave");
        try {
            Counts counts = sweep(now);
            run.count("untouchedMoved", counts.untouchedMoved())
                    .count("untouchedClosed", counts.untouchedClosed())
                    .count("absentReturned", counts.absentReturned())
                    .count("poolAllocated", counts.poolAllocated());
            run.finished();
            return counts;
        } catch (RuntimeException e) {
            run.failed(e);
            throw e;
        }
    }

    private Counts sweep(Instant now) {
        long businessMinutes = properties.untouchedAfter().toMinutes();
        Instant cutoff = businessCutoff(now, businessMinutes);
        long[] untouched = cutoff == null ? new long[2] : transaction.execute(status -> moveUntouched(cutoff, businessMinutes));
        long absentReturned = calendar.isOpen(now) ? transaction.execute(status -> returnLeadsOfAbsentAgents(now)) : 0;
        long poolAllocated = drain.drainAll();
        return new Counts(untouched[0], untouched[1], absentReturned, poolAllocated);
    }

    /**
     * Moves untouched leads to their next wave, or closes them in their last wave.
     *
     * @return the leads moved and the leads closed
     */
    private long[] moveUntouched(Instant cutoff, long businessMinutes) {
        // NOTE: on the 1,000,000-lead benchmark this plan hashes every open task, as the statement in
        // bench/sql/second-wave.sql does. Plans that probe tasks lead by lead were no faster there,
        // because 53,000 of the 57,000 assigned leads were past the cutoff.
        List<Untouched> candidates = jdbc.sql("""
                        select l.id, l.type, l.source, l.wave, coalesce(second_wave_team.id, l.team_id) as target_team_id
                        from lead l
                        join task t on t.lead_id = l.id and t.state = 'OPEN'
                        left join lateral (
                            select r.second_wave_team_id from allocation_rule r
                            where %s
                            order by r.position, r.id
                            limit 1
                        ) r on true
                        left join team second_wave_team on second_wave_team.id = r.second_wave_team_id and second_wave_team.active
                        where l.closed_at is null and l.owner_id is not null
                          and l.assigned_at <= :cutoff and t.due_at <= :cutoff
                          and not exists (select 1 from activity a
                                          where a.lead_id = l.id and a.kind = 'CALL' and a.created_at >= l.assigned_at)
                        order by l.assigned_at, l.id
                        limit :limit
                        for update of l skip locked
                        """.formatted(RuleMatches.MATCH_CONDITION))
                .param("cutoff", Timestamp.from(cutoff))
                .param("limit", properties.batchSize())
                .query((row, number) -> new Untouched(row.getLong("id"), LeadType.valueOf(row.getString("type")),
                        row.getString("source"), row.getInt("wave"), (Long) row.getObject("target_team_id")))
                .list();

        Map<Long, List<Long>> nextWaveByTeam = new LinkedHashMap<>();
        Map<String, List<Long>> closingByReason = new LinkedHashMap<>();
        for (Untouched lead : candidates) {
            ContactPolicy policy = policies.policyFor(lead.type(), lead.source());
            if (lead.wave() < policy.maxWaves()) {
                nextWaveByTeam.computeIfAbsent(lead.targetTeamId(), team -> new ArrayList<>()).add(lead.id());
            } else {
                closingByReason.computeIfAbsent(policy.unreachableReasonCode(), reason -> new ArrayList<>()).add(lead.id());
            }
        }

        long moved = 0;
        AssignmentReason reason = AssignmentReason.of("untouched").with("businessMinutes", businessMinutes);
        for (Map.Entry<Long, List<Long>> group : nextWaveByTeam.entrySet()) {
            moved += waves.startNextWave(group.getValue(), group.getKey(), reason).size();
        }
        long closed = 0;
        for (Map.Entry<String, List<Long>> group : closingByReason.entrySet()) {
            closed += waves.closeUnreachable(group.getValue(), group.getKey(), "untouchedLastWave",
                    Map.of("businessMinutes", businessMinutes)).size();
        }
        return new long[] {moved, closed};
    }

    /** Returns the new leads that absent agents have not called since they got them to their team pools. */
    private long returnLeadsOfAbsentAgents(Instant now) {
        Set<Long> absent = new HashSet<>();
        for (long teamId : jdbc.sql("select distinct team_id from app_user where role = 'AGENT' and team_id is not null")
                .query(Long.class).list()) {
            absent.addAll(availability.absentAgents(teamId, now));
        }
        if (absent.isEmpty()) {
            return 0;
        }
        List<Long> leads = jdbc.sql("""
                        select l.id from lead l join lead_status s on s.id = l.status_id
                        where l.closed_at is null and l.owner_id = any(cast(:absent as bigint[])) and s.code = 'NEW'
                          and not exists (select 1 from activity a
                                          where a.lead_id = l.id and a.kind = 'CALL' and a.created_at >= l.assigned_at)
                        order by l.assigned_at, l.id
                        limit :limit
                        for update of l skip locked
                        """)
                .param("absent", absent.toArray(Long[]::new))
                .param("limit", properties.batchSize())
                .query(Long.class)
                .list();
        return assignments.reassign(leads, null, null, AssignmentReason.of("ownerAbsent"), null).size();
    }

    /**
     * Returns the latest instant from which at least {@code minutes} business minutes pass until
     * {@code now}, to the second, or null when the calendar has not so many within
     * {@link #MAX_LOOK_BACK}. Leads assigned at or before it are overdue for a call.
     */
    Instant businessCutoff(Instant now, long minutes) {
        if (minutes <= 0) {
            return now;
        }
        // Widen the window backwards until it contains enough business time, then bisect it.
        Duration window = Duration.ofMinutes(minutes);
        while (calendar.businessMinutesBetween(now.minus(window), now) < minutes) {
            window = window.multipliedBy(2);
            if (window.compareTo(MAX_LOOK_BACK) > 0) {
                return null;
            }
        }
        Instant enough = now.minus(window);
        Instant tooLate = now;
        while (Duration.between(enough, tooLate).getSeconds() > 1) {
            Instant middle = enough.plus(Duration.between(enough, tooLate).dividedBy(2));
            if (calendar.businessMinutesBetween(middle, now) >= minutes) {
                enough = middle;
            } else {
                tooLate = middle;
            }
        }
        return enough;
    }

    /**
     * What one run changed.
     *
     * @param untouchedMoved  leads nobody called in time, moved to their next wave
     * @param untouchedClosed leads nobody called in their last wave, closed as unreachable
     * @param absentReturned  new leads of absent agents, returned to their team pools
     * @param poolAllocated   waiting leads that got an agent (or, without a team before, a team)
     */
    public record Counts(long untouchedMoved, long untouchedClosed, long absentReturned, long poolAllocated) {
    }

    private record Untouched(long id, LeadType type, String source, int wave, Long targetTeamId) {
    }
}
