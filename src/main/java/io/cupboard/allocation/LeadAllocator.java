package io.cupboard.allocation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.cupboard.allocation.RuleMatches.MatchedRule;
import io.cupboard.lead.ActivityKind;
import io.cupboard.lead.AssignmentReason;
import io.cupboard.lead.LeadAssignments;
import io.cupboard.lead.LeadNotFoundException;
import io.cupboard.lead.Timeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives new or renewed leads an owner, or a team pool when no agent can take them. Called inside
 * the transaction that created the leads, so a lead never exists without its allocation.
 *
 * <p>The first active rule that matches the lead's source, campaign, type and language decides
 * the team and the strategy. Automatic allocation never gives a lead back to an agent who owned
 * it before in its current life (since it was created or last reopened), so a lead in its second
 * wave always reaches another agent. Every decision appends an activity naming the rule and
 * publishes {@link LeadAllocated}.
 *
 * <p>A batch of leads is decided with a fixed number of statements per team, not per lead: the
 * leads, their rules and their previous owners are read once, each team's agents are read once
 * under its round-robin lock, and the moves are written one statement per agent and reason.
 * Everything is read and written with SQL, so a caller with lead entities in its persistence
 * context flushes them first and does not use them afterwards.
 *
 * <p>NOTE: allocation locks the teams' round-robin rows until the calling transaction commits.
 * One batch locks its teams in id order, but a caller that allocates several batches in one
 * transaction keeps every team's lock until it ends, so two such callers can still deadlock, and
 * PostgreSQL then aborts one of them.
 */
@Service
public class LeadAllocator {

    private static final Logger log = LoggerFactory.getLogger(LeadAllocator.class);
    /** How many ids a log line names at most. */
    private static final int LOGGED_IDS = 20;

    private final LeadAssignments assignments;
    private final RuleMatches rules;
    private final AgentPicker picker;
    private final AgentAvailability availability;
    private final Timeline timeline;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LeadAllocator(LeadAssignments assignments, RuleMatches rules, AgentPicker picker, AgentAvailability availability,
                  Timeline timeline, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.assignments = assignments;
        this.rules = rules;
        this.picker = picker;
        this.availability = availability;
        this.timeline = timeline;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Allocates one lead by the admin's rules. A lead that matches no rule stays without a team, with
     * a SYSTEM activity saying so, until a rule that matches it is added. A closed lead and a lead
     * whose owner is an active agent are left as they are; a reopened lead whose former owner was
     * deactivated since is allocated again.
     *
     * @return the outcome: the agent and team, or the pool it waits in
     * @throws LeadNotFoundException when the lead does not exist
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Allocation allocate(long leadId) {
        return decide(List.of(leadId), true).get(0).allocation();
    }

    /**
     * Allocates many leads as {@link #allocate} does each, in the order given: of two leads for the
     * same team, the first takes the team's next turn.
     *
     * @return the outcomes, in the order of the ids given
     * @throws LeadNotFoundException when one of the leads does not exist
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Allocation> allocateAll(Collection<Long> leadIds) {
        return decide(List.copyOf(new LinkedHashSet<>(leadIds)), true).stream().map(Attempt::allocation).toList();
    }

    /**
     * Tries again to allocate a lead that waits in a team pool or without a team. Nothing is
     * written when the lead still cannot be allocated, so repeating it is harmless.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Attempt allocateWaiting(long leadId) {
        return decide(List.of(leadId), false).get(0);
    }

    /** Decides distinct leads and returns one attempt each, in their order. */
    private List<Attempt> decide(List<Long> leadIds, boolean recordNoRule) {
        if (leadIds.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Map<Long, LeadState> states = lock(leadIds);
        List<Long> waiting = leadIds.stream().filter(id -> states.get(id).needsOwner()).toList();
        Map<Long, MatchedRule> matched = waiting.isEmpty() ? Map.of() : rules.forLeads(waiting);

        Map<Long, Attempt> attempts = new HashMap<>();
        Map<Long, List<Long>> byTeam = new TreeMap<>();
        List<Long> withoutRule = new ArrayList<>();
        for (long leadId : leadIds) {
            LeadState state = states.get(leadId);
            Long teamId = state.teamId() != null ? state.teamId()
                    : matched.containsKey(leadId) ? matched.get(leadId).teamId() : null;
            if (!state.needsOwner()) {
                attempts.put(leadId, new Attempt(new Allocation(leadId, state.ownerId(), state.teamId(), null), Result.UNCHANGED, 0));
            } else if (teamId == null) {
                withoutRule.add(leadId);
                attempts.put(leadId, new Attempt(new Allocation(leadId, null, null, null), Result.NO_RULE, 0));
            } else {
                byTeam.computeIfAbsent(teamId, team -> new ArrayList<>()).add(leadId);
            }
        }

        Map<Long, Set<Long>> previous = previousOwners(byTeam.values().stream().flatMap(List::stream).toList());
        Map<Move, List<Long>> moves = new LinkedHashMap<>();
        byTeam.forEach((teamId, teamLeads) -> {
            AgentPicker.Turn turn = picker.begin(teamId, availability.absentAgents(teamId, now));
            for (long leadId : teamLeads) {
                attempts.put(leadId, decide(states.get(leadId), teamId, Optional.ofNullable(matched.get(leadId)), turn,
                        previous.getOrDefault(leadId, Set.of()), moves));
            }
            turn.finish(now);
        });

        moves.forEach((move, movedLeads) -> assignments.reassign(movedLeads, move.ownerId(), move.teamId(), move.reason(), null));
        if (recordNoRule && !withoutRule.isEmpty()) {
            timeline.recordAll(withoutRule, ActivityKind.SYSTEM, null, now, Map.of("why", "noRule"));
            log.info("{} leads matched no allocation rule and wait without a team: {}", withoutRule.size(),
                    withoutRule.subList(0, Math.min(LOGGED_IDS, withoutRule.size())));
        }
        for (long leadId : leadIds) {
            Attempt attempt = attempts.get(leadId);
            if (attempt.result() == Result.ALLOCATED || attempt.result() == Result.POOLED) {
                Allocation allocation = attempt.allocation();
                events.publishEvent(new LeadAllocated(leadId, allocation.ownerId(), allocation.teamId(), allocation.ruleId(), now));
            }
        }
        return leadIds.stream().map(attempts::get).toList();
    }

    /** Picks the agent for one lead of a team and adds its move to {@code moves}, when there is one. */
    private static Attempt decide(LeadState lead, long teamId, Optional<MatchedRule> rule, AgentPicker.Turn turn,
                                  Set<Long> previousOwners, Map<Move, List<Long>> moves) {
        AllocationStrategy strategy = rule.map(MatchedRule::strategy).orElse(AllocationStrategy.ROUND_ROBIN);
        AgentPicker.Pick pick = turn.pick(strategy, rule.map(MatchedRule::language).orElse(null), previousOwners);
        Long ruleId = rule.map(MatchedRule::id).orElse(null);
        // A lead already waiting in this team's pool is moved only when an agent takes it.
        boolean outsideTeamPool = lead.teamId() == null || lead.teamId() != teamId || lead.ownerId() != null;

        Move move;
        if (pick.agentId() != null) {
            move = new Move(pick.agentId(), teamId, reason(outsideTeamPool ? "rule" : "fromPool", rule, strategy));
        } else if (outsideTeamPool) {
            move = new Move(null, teamId, reason("noAgent", rule, strategy));
        } else {
            return new Attempt(new Allocation(lead.id(), null, teamId, ruleId), Result.NO_AGENT, pick.agentsWithRoom());
        }
        moves.computeIfAbsent(move, key -> new ArrayList<>()).add(lead.id());
        Result result = pick.agentId() != null ? Result.ALLOCATED : Result.POOLED;
        return new Attempt(new Allocation(lead.id(), pick.agentId(), teamId, ruleId), result, pick.agentsWithRoom());
    }

    /**
     * Locks the leads in id order until the transaction ends, so that nothing else assigns or works
     * them meanwhile, and reads what allocation needs of them.
     */
    private Map<Long, LeadState> lock(List<Long> leadIds) {
        Map<Long, LeadState> states = new HashMap<>();
        jdbc.sql("""
                        select l.id, l.owner_id, l.team_id, l.closed_at is null as open,
                               exists (select 1 from app_user u where u.id = l.owner_id and u.role = 'AGENT' and u.active) as owner_active
                        from lead l
                        where l.id = any(cast(:leadIds as bigint[]))
                        order by l.id
                        for update of l
                        """)
                .param("leadIds", leadIds.toArray(Long[]::new))
                .query(row -> {
                    states.put(row.getLong("id"), new LeadState(row.getLong("id"), (Long) row.getObject("owner_id"),
                            (Long) row.getObject("team_id"), row.getBoolean("open"), row.getBoolean("owner_active")));
                });
        for (long leadId : leadIds) {
            if (!states.containsKey(leadId)) {
                throw new LeadNotFoundException(leadId);
            }
        }
        return states;
    }

    /**
     * Returns the agents who owned each lead since it was created or last reopened, from its
     * ASSIGNED activities: both the owner they named and the owner they replaced.
     */
    private Map<Long, Set<Long>> previousOwners(List<Long> leadIds) {
        Map<Long, Set<Long>> owners = new HashMap<>();
        if (leadIds.isEmpty()) {
            return owners;
        }
        jdbc.sql("""
                        with life as (
                            select lead_id, coalesce(max(created_at) filter (where kind = 'REOPENED'), '-infinity') as started_at
                            from activity
                            where lead_id = any(cast(:leadIds as bigint[])) and kind in ('REOPENED', 'ASSIGNED')
                            group by lead_id
                        )
                        select distinct a.lead_id, owner.agent_id
                        from activity a
                        join life on life.lead_id = a.lead_id and a.created_at >= life.started_at
                        cross join lateral (values (cast(a.details ->> 'ownerId' as bigint)),
                                                   (cast(a.details ->> 'previousOwnerId' as bigint))) as owner(agent_id)
                        where a.lead_id = any(cast(:leadIds as bigint[])) and a.kind = 'ASSIGNED' and owner.agent_id is not null
                        """)
                .param("leadIds", leadIds.toArray(Long[]::new))
                .query(row -> {
                    owners.computeIfAbsent(row.getLong("lead_id"), lead -> new HashSet<>()).add(row.getLong("agent_id"));
                });
        return owners;
    }

    private static AssignmentReason reason(String why, Optional<MatchedRule> rule, AllocationStrategy strategy) {
        AssignmentReason reason = AssignmentReason.of(why).with("strategy", strategy.name());
        if (rule.isPresent()) {
            reason = reason.with("ruleId", rule.get().id()).with("ruleName", rule.get().name());
        }
        return reason;
    }

    /**
     * What allocation decided for a lead.
     *
     * @param ownerId the agent, or null when the lead waits in a pool or nobody could take it
     * @param teamId  the team, or null when no rule matched
     * @param ruleId  the rule that decided, or null for the default
     */
    public record Allocation(long leadId, Long ownerId, Long teamId, Long ruleId) {
    }

    /** The facts of a locked lead that allocation reads. */
    private record LeadState(long id, Long ownerId, Long teamId, boolean open, boolean ownerActive) {

        /** Returns whether the lead is open and has no active agent as its owner. */
        boolean needsOwner() {
            return open && (ownerId == null || !ownerActive);
        }
    }

    /** One destination and reason, written for all its leads in one statement. */
    private record Move(Long ownerId, long teamId, AssignmentReason reason) {
    }

    /** The change that one attempt made. */
    enum Result {
        /** The lead got an agent. */
        ALLOCATED,
        /** The lead joined a team's pool because no agent of the team could take it. */
        POOLED,
        /** The lead stays in its pool: no agent of the team may take it now. */
        NO_AGENT,
        /** No rule matches the lead, and it has no team. */
        NO_RULE,
        /** The lead is closed or already has an owner. */
        UNCHANGED
    }

    /**
     * @param agentsWithRoom how many present agents of the team are below their cap; 0 means that
     *                       no other lead of the pool can be allocated now either
     */
    record Attempt(Allocation allocation, Result result, int agentsWithRoom) {
    }
}
