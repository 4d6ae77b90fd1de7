package io.cupboard.allocation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.cupboard.allocation.LeadAllocator.Attempt;
import io.cupboard.allocation.LeadAllocator.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Allocates leads that wait in team pools, or without a team, as soon as an agent has room. A pool
 * drains when a lead closes or moves away, when an agent's capacity or team changes, when a rule
 * changes, and at every run of the second-wave job.
 *
 * <p>Each lead is allocated in its own short transaction, oldest first, because round robin hands
 * out one turn at a time under the team's lock and each lead has its own excluded agents.
 */
@Service
class PoolDrain {

    private static final Logger log = LoggerFactory.getLogger(PoolDrain.class);

    /** How many waiting leads one query reads. */
    private static final int PAGE_SIZE = 50;

    /**
     * The teams with waiting leads, and a null row when leads wait without a team. A plain
     * {@code select distinct} reads every pooled lead, which took half a second at a million leads on
     * every run of the second-wave job. This query walks lead_open_pool_idx one team at a time instead.
     */
    private static final String POOLED_TEAMS = """
            with recursive pooled(team_id) as (
                (select team_id from lead
                 where closed_at is null and owner_id is null and team_id is not null
                 order by team_id limit 1)
                union all
                select (select l.team_id from lead l
                        where l.closed_at is null and l.owner_id is null and l.team_id > pooled.team_id
                        order by l.team_id limit 1)
                from pooled where pooled.team_id is not null
            )
            select team_id from pooled where team_id is not null
            union all
            select null where exists (select 1 from lead where closed_at is null and owner_id is null and team_id is null)
            """;

    /**
     * The active agents of the given teams who are below their daily capacity, absent or not. This
     * is the room condition of AgentPicker, which counts the open leads the same way. The
     * {@code daily_capacity > 0} test is implied by the count, and it saves the count for agents
     * without capacity.
     */
    private static final String AGENTS_WITH_ROOM = """
            select u.team_id, u.id from app_user u
            where u.team_id = any(cast(:teamIds as bigint[])) and u.role = 'AGENT' and u.active
              and u.daily_capacity > 0
              and u.daily_capacity > (select count(*) from lead l where l.owner_id = u.id and l.closed_at is null)
            """;

    /**
     * Whether any rule can decide a team: leads without a team wait for a rule that matches them,
     * and {@link RuleMatches#MATCH_CONDITION} needs an active rule of an active team.
     */
    private static final String ANY_ACTIVE_RULE = """
            select exists (select 1 from allocation_rule r join team t on t.id = r.team_id where r.active and t.active)
            """;

    private final LeadAllocator allocator;
    private final AgentAvailability availability;
    private final JdbcClient jdbc;
    private final TransactionTemplate newTransaction;
    private final int batchSize;
    private final Clock clock;

    PoolDrain(LeadAllocator allocator, AgentAvailability availability, JdbcClient jdbc,
              PlatformTransactionManager transactions, AllocationProperties properties, Clock clock) {
        this.allocator = allocator;
        this.availability = availability;
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.batchSize = properties.batchSize();
        this.clock = clock;
    }

    /**
     * Allocates the waiting leads of one team's pool, or of no team when {@code teamId} is null, up
     * to the batch size. A team where no present agent has room, and the leads without a team when
     * no rule is active, are skipped without an attempt. A drain stops early once no agent of the
     * team has room.
     *
     * @return the number of leads that got an agent or, for leads without a team, a team
     */
    int drain(Long teamId) {
        Set<Long> withRoom = teamId == null ? Set.of() : teamsWithRoom(List.of(teamId));
        return mayDrain(teamId, withRoom) ? drainPool(teamId) : 0;
    }

    private int drainPool(Long teamId) {
        int allocated = 0;
        int visited = 0;
        WaitingLead last = null;
        // Pages keep an idle drain cheap. A pool where no agent has room stops after its first lead,
        // without reading a whole batch of ids first.
        while (visited < batchSize) {
            List<WaitingLead> page = waitingLeads(teamId, last, Math.min(PAGE_SIZE, batchSize - visited));
            for (WaitingLead lead : page) {
                visited++;
                Attempt attempt = newTransaction.execute(status -> allocator.allocateWaiting(lead.id()));
                if (attempt.result() == Result.ALLOCATED || attempt.result() == Result.POOLED) {
                    allocated++;
                } else if (attempt.result() == Result.NO_AGENT && attempt.agentsWithRoom() == 0) {
                    return allocated;
                }
            }
            if (page.size() < PAGE_SIZE) {
                return allocated;
            }
            last = page.get(page.size() - 1);
        }
        return allocated;
    }

    /**
     * Drains every team's pool and the leads without a team. Teams where no present agent has room
     * are found with one query and skipped, so an idle run makes no allocation attempt in them.
     * The leads without a team are skipped when no rule is active.
     */
    int drainAll() {
        List<Long> teams = jdbc.sql(POOLED_TEAMS)
                .query((row, number) -> (Long) row.getObject("team_id"))
                .list();
        Set<Long> withRoom = teamsWithRoom(teams.stream().filter(Objects::nonNull).toList());
        int allocated = 0;
        for (Long teamId : teams) {
            if (mayDrain(teamId, withRoom)) {
                allocated += drainPool(teamId);
            }
        }
        return allocated;
    }

    /**
     * Returns those of the teams where at least one active, present agent is below their daily
     * capacity. In the other teams every allocation attempt would find no agent with room
     * ({@link LeadAllocator.Attempt#agentsWithRoom()} 0), so their pools cannot drain now.
     */
    Set<Long> teamsWithRoom(Collection<Long> teamIds) {
        if (teamIds.isEmpty()) {
            return Set.of();
        }
        Map<Long, Set<Long>> agentsByTeam = jdbc.sql(AGENTS_WITH_ROOM)
                .param("teamIds", teamIds.toArray(Long[]::new))
                .query((row, number) -> new TeamAgent(row.getLong("team_id"), row.getLong("id")))
                .list()
                .stream()
                .collect(Collectors.groupingBy(TeamAgent::teamId, Collectors.mapping(TeamAgent::agentId, Collectors.toSet())));
        // Absence comes from AgentAvailability, which tests may replace, so it is asked per team and
        // only for teams where someone has room.
        Instant now = clock.instant();
        Set<Long> withRoom = new HashSet<>();
        for (Map.Entry<Long, Set<Long>> team : agentsByTeam.entrySet()) {
            Set<Long> absent = availability.absentAgents(team.getKey(), now);
            if (!absent.containsAll(team.getValue())) {
                withRoom.add(team.getKey());
            }
        }
        return withRoom;
    }

    /**
     * Returns whether a drain can allocate anything now: in a team, when a present agent has room
     * ({@code withRoom} from {@link #teamsWithRoom}), and for the leads without a team, when a rule is active.
     */
    private boolean mayDrain(Long teamId, Set<Long> withRoom) {
        return teamId == null ? anyActiveRule() : withRoom.contains(teamId);
    }

    private boolean anyActiveRule() {
        return jdbc.sql(ANY_ACTIVE_RULE).query(Boolean.class).single();
    }

    /**
     * Drains the given pools once the current transaction commits, or at once without one. A null
     * team id stands for the leads without a team. A failure is logged, not thrown: the caller's
     * change is committed, and the next run of the second-wave job drains the pools again.
     */
    void drainAfterCommit(Long... teamIds) {
        drainAfterCommit(java.util.Arrays.asList(teamIds));
    }

    /** Allocates the leads that wait without a team once the current transaction commits, as after a rule change. */
    void drainWithoutTeamAfterCommit() {
        drainAfterCommit(java.util.Collections.singletonList((Long) null));
    }

    void drainAfterCommit(Collection<Long> teamIds) {
        List<Long> teams = new ArrayList<>(new LinkedHashSet<>(teamIds));
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            drainQuietly(teams);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                drainQuietly(teams);
            }
        });
    }

    /**
     * Drains one pool at once, logging a failure instead of throwing it; for callers whose own
     * transaction has already committed.
     */
    void drainNow(Long teamId) {
        drainQuietly(java.util.Collections.singletonList(teamId));
    }

    private void drainQuietly(List<Long> teams) {
        for (Long teamId : teams) {
            try {
                int allocated = drain(teamId);
                if (allocated > 0) {
                    log.info("Allocated {} waiting leads of {}", allocated, teamId == null ? "no team" : "team " + teamId);
                }
            } catch (RuntimeException e) {
                log.warn("Failed to allocate the waiting leads of {}; the second-wave job tries again",
                        teamId == null ? "no team" : "team " + teamId, e);
            }
        }
    }

    /**
     * Returns the oldest waiting leads of a pool. Of the leads without a team, only those that a
     * rule matches now can be allocated, so the others are not visited at all.
     */
    private List<WaitingLead> waitingLeads(Long teamId, WaitingLead after, int limit) {
        // NOTE: while active rules match none of the leads without a team, every drain reads all of
        // them, so its cost grows with their number.
        String teamCondition = teamId == null
                ? "l.team_id is null and exists (select 1 from allocation_rule r where " + RuleMatches.MATCH_CONDITION + ")"
                : "l.team_id = :teamId";
        // Keyset paging: a lead that stayed in the pool is not read again on the next page.
        String afterCondition = after == null ? "" : "and (l.created_at, l.id) > (:afterCreatedAt, :afterId)";
        var query = jdbc.sql("""
                        select l.id, l.created_at from lead l
                        where l.closed_at is null and l.owner_id is null and %s %s
                        order by l.created_at, l.id
                        limit :limit
                        """.formatted(teamCondition, afterCondition))
                .param("limit", limit);
        if (teamId != null) {
            query = query.param("teamId", teamId);
        }
        if (after != null) {
            query = query.param("afterCreatedAt", after.createdAt()).param("afterId", after.id());
        }
        return query.query((row, number) -> new WaitingLead(row.getLong("id"), row.getTimestamp("created_at"))).list();
    }

    private record TeamAgent(long teamId, long agentId) {
    }

    /** A lead waiting in a pool, with the key that orders the pool. */
    private record WaitingLead(long id, java.sql.Timestamp createdAt) {
    }
}
