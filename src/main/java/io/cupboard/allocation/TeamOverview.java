package io.cupboard.allocation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.Role;
import io.cupboard.identity.Team;
import io.cupboard.identity.TeamRepository;
import io.cupboard.lead.LeadType;
import io.cupboard.lead.TaskType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What team leads and managers see before they reassign: a team's pool, its agents with the size
 * of their CUP (their open leads) against their cap, and an agent's open leads. A team lead sees
 * only their own team; a manager chooses any team.
 */
@Service
@Transactional(readOnly = true)
public class TeamOverview {

    /** The maximum number of leads a page lists; the page also shows the total. */
    public static final int MAX_ROWS = 500;

    private static final String LEAD_COLUMNS = """
            select l.id, l.full_name, l.phone_display, l.type, s.code as status_code, l.wave, l.attempt_count,
                   l.created_at, l.assigned_at, t.type as task_type, t.due_at
            from lead l
            join lead_status s on s.id = l.status_id
            left join task t on t.lead_id = l.id and t.state = 'OPEN'
            """;

    private final TeamRepository teams;
    private final AgentAvailability availability;
    private final JdbcClient jdbc;
    private final Clock clock;

    TeamOverview(TeamRepository teams, AgentAvailability availability, JdbcClient jdbc, Clock clock) {
        this.teams = teams;
        this.availability = availability;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Returns the team a page shows: a team lead's own team, or for a manager the requested team
     * (the first active team when none is requested).
     *
     * @return empty when a manager has no team to choose yet
     * @throws AccessDeniedException       when a team lead requests another team, or for other roles
     * @throws TeamMemberNotFoundException when a manager requests a team that does not exist
     */
    public Optional<TeamView> team(CurrentUser user, Long requestedTeamId) {
        if (user.is(Role.TEAM_LEAD)) {
            if (requestedTeamId != null && !requestedTeamId.equals(user.teamId())) {
                throw new AccessDeniedException("Team lead " + user.id() + " requested team " + requestedTeamId);
            }
            return teams.findById(user.teamId()).map(team -> new TeamView(team, List.of()));
        }
        if (!user.is(Role.MANAGER)) {
            throw new AccessDeniedException("User " + user.id() + " with role " + user.role() + " has no team pages");
        }
        List<Team> all = teams.findAllByOrderByName();
        if (requestedTeamId != null) {
            Team team = all.stream().filter(candidate -> candidate.getId().equals(requestedTeamId)).findFirst()
                    .orElseThrow(() -> new TeamMemberNotFoundException("Team " + requestedTeamId + " not found"));
            return Optional.of(new TeamView(team, all));
        }
        return all.stream().filter(Team::isActive).findFirst().or(() -> all.stream().findFirst())
                .map(team -> new TeamView(team, all));
    }

    public long poolSize(long teamId) {
        return jdbc.sql("select count(*) from lead where closed_at is null and owner_id is null and team_id = ?")
                .param(teamId).query(Long.class).single();
    }

    /** Returns the leads waiting in a team's pool, oldest first, at most {@link #MAX_ROWS}. */
    public List<LeadRow> pool(long teamId) {
        return jdbc.sql(LEAD_COLUMNS + """
                        where l.closed_at is null and l.owner_id is null and l.team_id = :teamId
                        order by l.created_at, l.id
                        limit :limit
                        """)
                .param("teamId", teamId)
                .param("limit", MAX_ROWS)
                .query((row, number) -> leadRow(row))
                .list();
    }

    /** Returns the team's agents, active ones first, with their CUP size and whether they are absent now. */
    public List<AgentLoad> agents(long teamId) {
        Set<Long> absent = availability.absentAgents(teamId, clock.instant());
        return jdbc.sql(AGENT_COLUMNS + "where u.team_id = :teamId and u.role = 'AGENT' order by u.active desc, u.display_name, u.id")
                .param("teamId", teamId)
                .query((row, number) -> agentLoad(row, absent))
                .list();
    }

    /**
     * Returns an agent the user may manage: any agent for a manager, an agent of their own team for a
     * team lead.
     *
     * @throws TeamMemberNotFoundException when there is no such agent in the user's scope
     */
    public AgentLoad agent(CurrentUser user, long agentId) {
        AgentLoad agent = jdbc.sql(AGENT_COLUMNS + "where u.id = :agentId and u.role = 'AGENT'")
                .param("agentId", agentId)
                .query((row, number) -> agentLoad(row, Set.of()))
                .optional()
                .filter(found -> user.is(Role.MANAGER) || user.is(Role.TEAM_LEAD) && found.teamId().equals(user.teamId()))
                .orElseThrow(() -> new TeamMemberNotFoundException("Agent " + agentId + " not found for user " + user.id()));
        boolean absent = availability.absentAgents(agent.teamId(), clock.instant()).contains(agentId);
        return new AgentLoad(agent.id(), agent.displayName(), agent.teamId(), agent.languages(), agent.active(), absent,
                agent.cupSize(), agent.dailyCapacity(), agent.allocationWeight());
    }

    /** Returns an agent's open leads, oldest first, at most {@link #MAX_ROWS}. */
    public List<LeadRow> openLeadsOf(long agentId) {
        return jdbc.sql(LEAD_COLUMNS + """
                        where l.closed_at is null and l.owner_id = :agentId
                        order by l.created_at, l.id
                        limit :limit
                        """)
                .param("agentId", agentId)
                .param("limit", MAX_ROWS)
                .query((row, number) -> leadRow(row))
                .list();
    }

    /**
     * Returns where the user may move leads from a team: that team's pool and active agents, and for
     * a manager also the other active teams' pools and agents. The given team comes first.
     */
    public List<TargetTeam> targets(CurrentUser user, long teamId) {
        List<Team> choices = new ArrayList<>();
        teams.findById(teamId).ifPresent(choices::add);
        if (user.is(Role.MANAGER)) {
            teams.findAllByOrderByName().stream()
                    .filter(team -> team.isActive() && !team.getId().equals(teamId))
                    .forEach(choices::add);
        }
        return choices.stream()
                .map(team -> new TargetTeam(team, agents(team.getId()).stream().filter(AgentLoad::active).toList()))
                .toList();
    }

    private static final String AGENT_COLUMNS = """
            select u.id, u.display_name, u.team_id, u.languages, u.active, u.daily_capacity, u.allocation_weight,
                   (select count(*) from lead l where l.owner_id = u.id and l.closed_at is null) as cup_size
            from app_user u
            """;

    private static AgentLoad agentLoad(java.sql.ResultSet row, Set<Long> absent) throws java.sql.SQLException {
        long id = row.getLong("id");
        String[] languages = (String[]) row.getArray("languages").getArray();
        return new AgentLoad(id, row.getString("display_name"), row.getLong("team_id"), Arrays.asList(languages),
                row.getBoolean("active"), absent.contains(id), row.getLong("cup_size"), row.getInt("daily_capacity"),
                row.getInt("allocation_weight"));
    }

    private static LeadRow leadRow(java.sql.ResultSet row) throws java.sql.SQLException {
        return new LeadRow(row.getLong("id"), row.getString("full_name"), row.getString("phone_display"),
                LeadType.valueOf(row.getString("type")), row.getString("status_code"), row.getInt("wave"),
                row.getInt("attempt_count"), instant(row, "created_at"), instant(row, "assigned_at"),
                row.getString("task_type") == null ? null : TaskType.valueOf(row.getString("task_type")),
                instant(row, "due_at"));
    }

    private static Instant instant(java.sql.ResultSet row, String column) throws java.sql.SQLException {
        java.sql.Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * The team a page shows.
     *
     * @param choices the teams a manager can switch to; empty for a team lead
     */
    public record TeamView(Team team, List<Team> choices) {
    }

    /** A team's pool and active agents, as reassignment targets. */
    public record TargetTeam(Team team, List<AgentLoad> agents) {
    }

    /**
     * An open lead as the team pages list it.
     *
     * @param statusCode the code of the lead's status
     * @param taskType   the type of the open task, or null when the lead has none
     */
    public record LeadRow(long id, String fullName, String phoneDisplay, LeadType type, String statusCode, int wave,
                          int attemptCount, Instant createdAt, Instant assignedAt, TaskType taskType, Instant taskDueAt) {
    }

    /**
     * An agent with the size of their CUP.
     *
     * @param absent  whether the agent counts as absent now
     * @param cupSize the agent's open leads
     */
    public record AgentLoad(long id, String displayName, Long teamId, List<String> languages, boolean active, boolean absent,
                            long cupSize, int dailyCapacity, int allocationWeight) {

        /** Returns true when allocation gives the agent no more leads because their CUP is full. */
        public boolean atCap() {
            return cupSize >= dailyCapacity;
        }
    }
}
