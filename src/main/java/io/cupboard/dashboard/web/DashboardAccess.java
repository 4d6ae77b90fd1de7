package io.cupboard.dashboard.web;

import java.util.List;

import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.Role;
import io.cupboard.identity.Team;
import io.cupboard.identity.TeamRepository;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Which team a dashboard request may show: a team lead always their own, a manager any team they
 * choose (the first by name when none is chosen).
 */
@Component
class DashboardAccess {

    private final TeamRepository teams;
    private final JdbcClient jdbc;

    DashboardAccess(TeamRepository teams, JdbcClient jdbc) {
        this.teams = teams;
        this.jdbc = jdbc;
    }

    /**
     * Returns the team to show, or empty when the center has no team yet.
     *
     * @throws ResponseStatusException 403 when a team lead asks for another team
     */
    java.util.Optional<Team> team(CurrentUser user, Long requested) {
        if (user.is(Role.TEAM_LEAD)) {
            if (requested != null && !requested.equals(user.teamId())) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN);
            }
            return teams.findById(user.teamId());
        }
        if (requested != null) {
            return java.util.Optional.of(teams.findById(requested).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        }
        return teams.findAllByOrderByName().stream().findFirst();
    }

    /** Returns the teams a manager may choose from; a team lead chooses none. */
    List<Team> choices(CurrentUser user) {
        return user.is(Role.MANAGER) ? teams.findAllByOrderByName() : List.of();
    }

    /**
     * Checks that an agent belongs to a team the user may see.
     *
     * @throws ResponseStatusException 404 otherwise, as for an agent that does not exist
     */
    long agentTeam(CurrentUser user, long agentId) {
        Long teamId = jdbc.sql("select team_id from app_user where id = ? and role = 'AGENT'").param(agentId)
                .query(Long.class).optional().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (user.is(Role.TEAM_LEAD) && !teamId.equals(user.teamId())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return teamId;
    }
}
