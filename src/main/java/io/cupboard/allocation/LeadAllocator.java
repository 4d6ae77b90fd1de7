package io.cupboard.allocation;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.cupboard.allocation.RuleMatches.MatchedRule;
import io.cupboard.lead.ActivityKind;
import io.cupboard.lead.AssignmentReason;
import io.cupboard.lead.Lead;
import io.cupboard.lead.LeadAssignments;
import io.cupboard.lead.Timeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives a new or renewed lead an owner, or a team pool when no agent can take it. Called inside
 * the transaction that created the lead, so a lead never exists without its allocation.
 *
 * <p>The first active rule that matches the lead's source, campaign, type and language decides
 * the team and the strategy. Automatic allocation never gives a lead back to an agent who owned
 * it before in its current life (since it was created or last reopened), so a lead in its second
 * wave always reaches another agent. Every decision appends an activity naming the rule and
 * publishes {@link LeadAllocated}.
 *
 * <p>NOTE: allocation locks the team's round-robin row until the calling transaction commits.
 * A caller that allocates many leads in one transaction keeps the locks of their teams until it
 * ends. Two such callers that lock the same teams in a different order can deadlock, and
 * PostgreSQL then aborts one of them.
 */
@Service
public class LeadAllocator {

    private static final Logger log = LoggerFactory.getLogger(LeadAllocator.class);

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
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Allocation allocate(long leadId) {
        return decide(leadId, true).allocation();
    }

    /**
     * Tries again to allocate a lead that waits in a team pool or without a team. Nothing is
     * written when the lead still cannot be allocated, so repeating it is harmless.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Attempt allocateWaiting(long leadId) {
        return decide(leadId, false);
    }

    private Attempt decide(long leadId, boolean recordNoRule) {
        Instant now = clock.instant();
        Lead lead = assignments.lockForAssignment(leadId);
        if (!lead.isOpen() || lead.getOwnerId() != null && isActiveAgent(lead.getOwnerId())) {
            return new Attempt(new Allocation(leadId, lead.getOwnerId(), lead.getTeamId(), null), Result.UNCHANGED, 0);
        }
        Optional<MatchedRule> rule = rules.forLead(leadId);
        Long teamId = lead.getTeamId() != null ? lead.getTeamId() : rule.map(MatchedRule::teamId).orElse(null);
        if (teamId == null) {
            if (recordNoRule) {
                timeline.record(leadId, ActivityKind.SYSTEM, null, null, null, now, Map.of("why", "noRule"));
                log.info("Lead {} matched no allocation rule; it waits without a team", leadId);
            }
            return new Attempt(new Allocation(leadId, null, null, null), Result.NO_RULE, 0);
        }

        AllocationStrategy strategy = rule.map(MatchedRule::strategy).orElse(AllocationStrategy.ROUND_ROBIN);
        String language = rule.map(MatchedRule::language).orElse(null);
        AgentPicker.Pick pick = picker.pick(teamId, strategy, language, previousOwners(leadId),
                availability.absentAgents(teamId, now), now);
        Long ruleId = rule.map(MatchedRule::id).orElse(null);
        // A lead already waiting in this team's pool is moved only when an agent takes it.
        boolean outsideTeamPool = !teamId.equals(lead.getTeamId()) || lead.getOwnerId() != null;

        if (pick.agentId() != null) {
            assignments.assign(leadId, pick.agentId(), teamId, reason(outsideTeamPool ? "rule" : "fromPool", rule, strategy), null);
        } else if (outsideTeamPool) {
            assignments.assign(leadId, null, teamId, reason("noAgent", rule, strategy), null);
        } else {
            return new Attempt(new Allocation(leadId, null, teamId, ruleId), Result.NO_AGENT, pick.agentsWithRoom());
        }
        events.publishEvent(new LeadAllocated(leadId, pick.agentId(), teamId, ruleId, now));
        Result result = pick.agentId() != null ? Result.ALLOCATED : Result.POOLED;
        return new Attempt(new Allocation(leadId, pick.agentId(), teamId, ruleId), result, pick.agentsWithRoom());
    }

    private boolean isActiveAgent(long userId) {
        return jdbc.sql("select count(*) from app_user where id = ? and role = 'AGENT' and active")
                .param(userId).query(Long.class).single() > 0;
    }

    /**
     * Returns the agents who owned the lead since it was created or last reopened, from its ASSIGNED
     * activities: both the owner they named and the owner they replaced.
     */
    private Set<Long> previousOwners(long leadId) {
        return new HashSet<>(jdbc.sql("""
                        with life as (
                            select coalesce(max(created_at), '-infinity') as started_at
                            from activity where lead_id = :leadId and kind = 'REOPENED'
                        ), owners as (
                            select cast(a.details ->> 'ownerId' as bigint) as agent_id
                            from activity a, life where a.lead_id = :leadId and a.kind = 'ASSIGNED' and a.created_at >= life.started_at
                            union
                            select cast(a.details ->> 'previousOwnerId' as bigint)
                            from activity a, life where a.lead_id = :leadId and a.kind = 'ASSIGNED' and a.created_at >= life.started_at
                        )
                        select agent_id from owners where agent_id is not null
                        """)
                .param("leadId", leadId)
                .query(Long.class)
                .list());
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
