package io.cupboard.allocation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.Role;
import io.cupboard.identity.Team;
import io.cupboard.identity.TeamRepository;
import io.cupboard.identity.User;
import io.cupboard.identity.UserRepository;
import io.cupboard.lead.AssignmentReason;
import io.cupboard.lead.LeadAssignments;
import io.cupboard.lead.LeadNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reassignment by people. A team lead moves selected leads of their team, or an agent's whole CUP,
 * to an agent or to a pool, and a manager does so across teams. Open tasks move with their leads,
 * and each lead's timeline records who moved it and the reason they gave. Caps do not apply,
 * because the person decides. Pools that gain leads or room drain after the commit.
 */
@Service
@Transactional
public class TeamReassignments {

    public static final int MAX_REASON = 500;

    private static final Logger log = LoggerFactory.getLogger(TeamReassignments.class);

    private final LeadAssignments assignments;
    private final UserRepository users;
    private final TeamRepository teams;
    private final PoolDrain drain;
    private final JdbcClient jdbc;

    TeamReassignments(LeadAssignments assignments, UserRepository users, TeamRepository teams, PoolDrain drain, JdbcClient jdbc) {
        this.assignments = assignments;
        this.users = users;
        this.teams = teams;
        this.drain = drain;
        this.jdbc = jdbc;
    }

    /**
     * Moves selected open leads of a team. Leads that closed meanwhile or already sit where they
     * should go are skipped.
     *
     * @param reason an optional reason for the timelines
     * @return the ids of the leads that moved
     * @throws AccessDeniedException       when a team lead acts on another team
     * @throws LeadNotFoundException       when a lead does not exist or is not in the team
     * @throws AllocationRejectedException when no lead is selected, the target is invalid or the reason too long
     */
    public List<Long> reassign(CurrentUser actor, long teamId, Collection<Long> leadIds, ReassignTarget target, String reason) {
        requireTeamScope(actor, teamId);
        if (leadIds == null || leadIds.isEmpty()) {
            throw new AllocationRejectedException("leadIds", "allocation.reassign.error.noLeads", "No lead selected");
        }
        validateReason(reason, false);
        Destination destination = destination(actor, target);
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(leadIds));
        Map<Long, Long> teamOfLead = jdbc.sql("select id, team_id from lead where id = any(cast(:ids as bigint[]))")
                .param("ids", ids.toArray(Long[]::new))
                .query((row, number) -> Map.entry(row.getLong("id"), row.getLong("team_id")))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        for (long leadId : ids) {
            if (!Long.valueOf(teamId).equals(teamOfLead.get(leadId))) {
                throw new LeadNotFoundException(leadId);
            }
        }
        List<Long> moved = assignments.reassign(ids, destination.ownerId(), destination.teamId(),
                AssignmentReason.of("reassigned", reason), actor.id());
        log.info("User {} moved {} of {} leads of team {} to {} {}", actor.id(), moved.size(), ids.size(), teamId,
                destination.ownerId() == null ? "the pool of team" : "agent", destination.ownerId() == null ? destination.teamId() : destination.ownerId());
        drain.drainAfterCommit(teamId, destination.teamId());
        return moved;
    }

    /**
     * Moves all open leads of an agent, for example while they are away. A team lead moves only the
     * leads in their own team.
     *
     * @param reason the reason for the timelines; required
     * @return the ids of the leads that moved
     * @throws TeamMemberNotFoundException when the agent does not exist or is outside the user's team
     * @throws AllocationRejectedException when the reason is missing or the target is invalid or the same agent
     */
    public List<Long> moveCup(CurrentUser actor, long agentId, ReassignTarget target, String reason) {
        User agent = users.findById(agentId)
                .filter(user -> user.getRole() == Role.AGENT)
                .filter(user -> actor.is(Role.MANAGER) || actor.is(Role.TEAM_LEAD) && user.getTeamId().equals(actor.teamId()))
                .orElseThrow(() -> new TeamMemberNotFoundException("Agent " + agentId + " not found for user " + actor.id()));
        validateReason(reason, true);
        Destination destination = destination(actor, target);
        if (destination.ownerId() != null && destination.ownerId() == agentId) {
            throw new AllocationRejectedException("target", "allocation.move.error.sameAgent", "Target is the same agent");
        }
        String teamCondition = actor.is(Role.TEAM_LEAD) ? " and team_id = :teamId" : "";
        var query = jdbc.sql("select id from lead where owner_id = :agentId and closed_at is null" + teamCondition)
                .param("agentId", agentId);
        if (actor.is(Role.TEAM_LEAD)) {
            query = query.param("teamId", actor.teamId());
        }
        List<Long> moved = assignments.reassign(query.query(Long.class).list(), destination.ownerId(), destination.teamId(),
                AssignmentReason.of("cupMoved", reason), actor.id());
        log.info("User {} moved the CUP of agent {} ({} leads)", actor.id(), agentId, moved.size());
        drain.drainAfterCommit(agent.getTeamId(), destination.teamId());
        return moved;
    }

    /**
     * Returns every open lead of a user to the pool of the lead's own team, in the caller's
     * transaction. For users who were deactivated, stopped being agents or changed team.
     *
     * @param whyCode the code recorded on each lead's timeline
     * @return the teams whose pools received leads
     */
    List<Long> returnToPools(long userId, String whyCode, Long actorId) {
        List<Long> leadIds = jdbc.sql("select id from lead where owner_id = ? and closed_at is null")
                .param(userId).query(Long.class).list();
        if (leadIds.isEmpty()) {
            return List.of();
        }
        List<Long> teamIds = jdbc.sql("select distinct team_id from lead where id = any(cast(:ids as bigint[])) and team_id is not null")
                .param("ids", leadIds.toArray(Long[]::new)).query(Long.class).list();
        List<Long> moved = assignments.reassign(leadIds, null, null, AssignmentReason.of(whyCode), actorId);
        log.info("Returned {} open leads of user {} to the pools of teams {}", moved.size(), userId, teamIds);
        return teamIds;
    }

    private static void requireTeamScope(CurrentUser actor, long teamId) {
        boolean allowed = actor.is(Role.MANAGER) || actor.is(Role.TEAM_LEAD) && Long.valueOf(teamId).equals(actor.teamId());
        if (!allowed) {
            throw new AccessDeniedException("User " + actor.id() + " may not manage team " + teamId);
        }
    }

    /** Resolves the target to an owner and team that the user may move leads to. */
    private Destination destination(CurrentUser actor, ReassignTarget target) {
        if (target == null) {
            throw invalidTarget("No target");
        }
        if (!target.isPool()) {
            User agent = users.findById(target.agentId())
                    .filter(User::isActiveAgent)
                    .filter(user -> actor.is(Role.MANAGER) || user.getTeamId().equals(actor.teamId()))
                    .orElseThrow(() -> invalidTarget("Agent " + target.agentId() + " cannot receive leads"));
            return new Destination(agent.getId(), agent.getTeamId());
        }
        Team team = target.teamId() == null ? null : teams.findById(target.teamId())
                .filter(Team::isActive)
                .filter(candidate -> actor.is(Role.MANAGER) || candidate.getId().equals(actor.teamId()))
                .orElse(null);
        if (team == null) {
            throw invalidTarget("Pool of team " + target.teamId() + " cannot receive leads");
        }
        return new Destination(null, team.getId());
    }

    private static void validateReason(String reason, boolean required) {
        if (required && (reason == null || reason.isBlank())) {
            throw new AllocationRejectedException("reason", "allocation.move.error.reasonRequired", "A reason is required");
        }
        if (reason != null && reason.strip().length() > MAX_REASON) {
            throw new AllocationRejectedException("reason", "allocation.reassign.error.reasonTooLong", "The reason is too long",
                    MAX_REASON);
        }
    }

    private static AllocationRejectedException invalidTarget(String logMessage) {
        return new AllocationRejectedException("target", "allocation.reassign.error.targetInvalid", logMessage);
    }

    private record Destination(Long ownerId, long teamId) {
    }
}
