package io.cupboard.support;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import io.cupboard.identity.Role;
import io.cupboard.identity.Team;
import io.cupboard.identity.TeamRepository;
import io.cupboard.identity.User;
import io.cupboard.identity.UserRepository;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Creates teams and users with unique names, so tests sharing a database do not collide.
 */
public class Fixtures {

    public static final String PASSWORD = "secret-Passw0rd";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final TeamRepository teams;
    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private String passwordHash;

    public Fixtures(TeamRepository teams, UserRepository users, PasswordEncoder passwordEncoder, Clock clock) {
        this.teams = teams;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    public static String unique(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
    }

    public Team team() {
        return teams.saveAndFlush(new Team(unique("צוות"), 6, clock.instant()));
    }

    public User user(Role role, Team team) {
        User user = new User(unique(role.name().toLowerCase()), passwordHash(), "משתמש " + SEQUENCE.incrementAndGet(),
                role, team == null ? null : team.getId(), clock.instant());
        return users.saveAndFlush(user);
    }

    public User agent(Team team) {
        return user(Role.AGENT, team);
    }

    private String passwordHash() {
        if (passwordHash == null) {
            passwordHash = passwordEncoder.encode(PASSWORD);
        }
        return passwordHash;
    }
}
