package io.cupboard.support;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import io.cupboard.identity.Role;
import io.cupboard.identity.Team;
import io.cupboard.identity.TeamRepository;
import io.cupboard.identity.User;
import io.cupboard.identity.UserRepository;
import io.cupboard.lead.Lead;
import io.cupboard.lead.LeadAssignments;
import io.cupboard.lead.LeadContact;
import io.cupboard.lead.LeadRegistration;
import io.cupboard.lead.LeadType;
import io.cupboard.lead.PhoneNumber;
import org.springframework.security.core.userdetails.UserDetailsService;
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
    private final LeadRegistration registration;
    private final LeadAssignments assignments;
    private final UserDetailsService userDetails;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private String passwordHash;

    public Fixtures(TeamRepository teams, UserRepository users, PasswordEncoder passwordEncoder, Clock clock,
                    LeadRegistration registration, LeadAssignments assignments, UserDetailsService userDetails,
                    org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.teams = teams;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.registration = registration;
        this.assignments = assignments;
        this.userDetails = userDetails;
        this.jdbc = jdbc;
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

    /**
     * Returns the user with this name, creating it as an agent of a new team with the given
     * password when it does not exist yet (browser tests log in as the demo's agent1).
     */
    public User namedAgent(String username, String displayName, String password) {
        return users.findByUsername(username).orElseGet(() -> users.saveAndFlush(new User(username,
                passwordEncoder.encode(password), displayName, Role.AGENT, team().getId(), clock.instant())));
    }

    /** Opens the agent's work day for the clock's date, so the CUP page shows instead of the day plan. */
    public void openDay(User agent) {
        jdbc.sql("""
                insert into work_day (agent_id, work_date, opened_at) values (?, ?, ?)
                on conflict (agent_id, work_date) do update set opened_at = excluded.opened_at
                """).params(agent.getId(), clock.instant().atZone(clock.getZone()).toLocalDate(),
                java.sql.Timestamp.from(clock.instant())).update();
    }

    /** Returns the signed-in form of a user, as controllers and services receive it. */
    public io.cupboard.identity.CurrentUser signedIn(User user) {
        return (io.cupboard.identity.CurrentUser) userDetails.loadUserByUsername(user.getUsername());
    }

    /** Creates a lead with a unique valid mobile number, through registration and assignment. */
    public Lead lead(User owner) {
        Lead lead = registration.register(LeadContact.of("ליד " + SEQUENCE.incrementAndGet(), uniquePhone(), "test"),
                LeadType.NEW, "test", null);
        assignments.assign(lead.getId(), owner.getId(), owner.getTeamId(), "test", null);
        return lead;
    }

    /** Returns a valid Israeli mobile number that no other fixture in this JVM returned. */
    public static PhoneNumber uniquePhone() {
        while (true) {
            int sequence = SEQUENCE.incrementAndGet();
            var phone = PhoneNumber.tryParse("052" + (2000000 + (sequence * 7919L + ProcessHandle.current().pid()) % 8000000));
            if (phone.isPresent()) {
                return phone.get();
            }
        }
    }

    private String passwordHash() {
        if (passwordHash == null) {
            passwordHash = passwordEncoder.encode(PASSWORD);
        }
        return passwordHash;
    }
}
