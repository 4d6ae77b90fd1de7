package io.cupboard.identity;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's changes to teams. Teams are never deleted, only deactivated, and only when no active
 * user belongs to them. Leads still in a deactivated team's pool stay visible to managers, who move
 * them to another team.
 */
@Service
@Transactional
public class TeamAdministration {

    static final int MAX_HANDLING_MINUTES = 240;

    private static final Logger log = LoggerFactory.getLogger(TeamAdministration.class);
    private static final int MAX_NAME = 100;

    private final TeamRepository teams;
    private final UserRepository users;
    private final Clock clock;

    TeamAdministration(TeamRepository teams, UserRepository users, Clock clock) {
        this.teams = teams;
        this.users = users;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Team> teams() {
        return teams.findAllByOrderByName();
    }

    /** Returns the active teams by name, for choices in forms. */
    @Transactional(readOnly = true)
    public List<Team> activeTeams() {
        return teams.findAllByOrderByName().stream().filter(Team::isActive).toList();
    }

    /**
     * @throws IdentityRejectedException when the name is missing, too long or taken, or the minutes are out of range
     */
    public Team create(String name, int averageHandlingMinutes, CurrentUser actor) {
        validate(name, averageHandlingMinutes);
        if (teams.existsByNameIgnoreCase(name.strip())) {
            throw new IdentityRejectedException("name", "identity.error.teamNameTaken", "Team name is taken", name.strip());
        }
        Team team = teams.saveAndFlush(new Team(name, averageHandlingMinutes, clock.instant()));
        log.info("User {} created team {}", actor.id(), team.getId());
        return team;
    }

    /**
     * @param version the version the admin edited
     * @throws IdentityRejectedException when a value is invalid, the name is taken or the team changed meanwhile
     */
    public void update(long teamId, int version, String name, int averageHandlingMinutes, CurrentUser actor) {
        Team team = current(teamId, version);
        validate(name, averageHandlingMinutes);
        if (!team.getName().equalsIgnoreCase(name.strip()) && teams.existsByNameIgnoreCase(name.strip())) {
            throw new IdentityRejectedException("name", "identity.error.teamNameTaken", "Team name is taken", name.strip());
        }
        team.rename(name);
        team.changeAverageHandlingMinutes(averageHandlingMinutes);
        log.info("User {} changed team {}", actor.id(), teamId);
    }

    /**
     * Activates or deactivates a team. Allocation rules that target an inactive team are skipped.
     *
     * @throws IdentityRejectedException when a team to deactivate still has active users
     */
    public void setActive(long teamId, int version, boolean active, CurrentUser actor) {
        Team team = current(teamId, version);
        if (active) {
            team.activate();
        } else {
            long activeUsers = users.countByTeamIdAndActiveTrue(teamId);
            if (activeUsers > 0) {
                throw new IdentityRejectedException(null, "identity.error.teamHasUsers",
                        "Team " + teamId + " has " + activeUsers + " active users", team.getName(), activeUsers);
            }
            team.deactivate();
        }
        log.info("User {} {} team {}", actor.id(), active ? "activated" : "deactivated", teamId);
    }

    private static void validate(String name, int averageHandlingMinutes) {
        if (name == null || name.isBlank()) {
            throw new IdentityRejectedException("name", "identity.error.teamNameRequired", "A team name is required");
        }
        if (name.strip().length() > MAX_NAME) {
            throw new IdentityRejectedException("name", "identity.error.teamNameTooLong", "Team name is too long", MAX_NAME);
        }
        if (averageHandlingMinutes < 1 || averageHandlingMinutes > MAX_HANDLING_MINUTES) {
            throw new IdentityRejectedException("averageHandlingMinutes", "identity.error.handlingMinutesInvalid",
                    "Average handling minutes " + averageHandlingMinutes + " are out of range", MAX_HANDLING_MINUTES);
        }
    }

    private Team current(long teamId, int version) {
        Team team = teams.findById(teamId).orElseThrow(
                () -> new IdentityRejectedException(null, "identity.error.teamNotFound", "Team " + teamId + " not found"));
        if (team.getVersion() != version) {
            throw new IdentityRejectedException(null, "identity.error.conflict", "Team " + teamId + " changed meanwhile");
        }
        return team;
    }
}
