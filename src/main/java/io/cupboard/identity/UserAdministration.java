package io.cupboard.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's changes to users: creating them, their role, team, languages and capacity, a new
 * password, and deactivation. Users are never deleted, so the history of their leads keeps its
 * actors. Every change publishes {@link UserChanged} inside the transaction.
 */
@Service
@Transactional
public class UserAdministration {

    /** BCrypt, the password encoder's default, rejects longer passwords (spring-security-crypto 7.0: "cannot be more than 72 bytes"). */
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MIN_PASSWORD_LENGTH = 8;
    static final int MAX_CAPACITY = 10_000;
    static final int MAX_WEIGHT = 100;
    static final int MAX_LANGUAGES = 10;

    private static final Logger log = LoggerFactory.getLogger(UserAdministration.class);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,50}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final int MAX_DISPLAY_NAME = 100;

    private final UserRepository users;
    private final TeamRepository teams;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserAdministration(UserRepository users, TeamRepository teams, PasswordEncoder passwordEncoder,
                       ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.teams = teams;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<User> users() {
        return users.findAllByOrderByRoleAscDisplayNameAsc();
    }

    @Transactional(readOnly = true)
    public User user(long userId) {
        return users.findById(userId).orElseThrow(() -> notFound(userId));
    }

    /**
     * Creates an active user with a password.
     *
     * @throws IdentityRejectedException when a value is invalid or the user name is taken
     */
    public User create(UserDefinition definition, String password, CurrentUser actor) {
        String username = definition.username() == null ? "" : definition.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            throw new IdentityRejectedException("username", "identity.error.usernameInvalid", "User name is invalid");
        }
        if (users.findByUsername(username).isPresent()) {
            throw new IdentityRejectedException("username", "identity.error.usernameTaken", "User name is taken", username);
        }
        validate(definition, null);
        validatePassword(password);
        Instant now = clock.instant();
        User user = new User(username, passwordEncoder.encode(password), definition.displayName(), definition.role(),
                definition.role().requiresTeam() ? definition.teamId() : null, now);
        applySettings(user, definition);
        users.saveAndFlush(user);
        log.info("User {} created user {} with role {}", actor.id(), user.getId(), user.getRole());
        events.publishEvent(new UserChanged(user.getId(), null, user.getTeamId(), false, user.isActiveAgent(), actor.id(), now));
        return user;
    }

    /**
     * Changes a user's name, role, team, languages, capacity, weight and shift.
     *
     * @param version the version the admin edited; another one means that another admin saved the user meanwhile
     * @throws IdentityRejectedException when a value is invalid, the user changed meanwhile, or the
     *                                   change would leave the center without an active admin
     */
    public void update(long userId, int version, UserDefinition definition, CurrentUser actor) {
        User user = current(userId, version);
        validate(definition, user);
        if (user.getId() == actor.id() && definition.role() != user.getRole()) {
            throw new IdentityRejectedException("role", "identity.error.ownRole", "Admins cannot change their own role");
        }
        if (user.getRole() == Role.ADMIN && definition.role() != Role.ADMIN && user.isActive()) {
            requireAnotherActiveAdmin(user);
        }
        Long previousTeam = user.getTeamId();
        boolean previouslyActiveAgent = user.isActiveAgent();
        user.rename(definition.displayName());
        user.changeRole(definition.role(), definition.role().requiresTeam() ? definition.teamId() : null);
        applySettings(user, definition);
        users.saveAndFlush(user);
        log.info("User {} changed user {}", actor.id(), userId);
        events.publishEvent(new UserChanged(userId, previousTeam, user.getTeamId(), previouslyActiveAgent,
                user.isActiveAgent(), actor.id(), clock.instant()));
    }

    /**
     * Sets a new password that the admin chose. The password is hashed and never logged.
     *
     * @throws IdentityRejectedException when the password is shorter than 8 characters or too long
     */
    public void resetPassword(long userId, String password, CurrentUser actor) {
        User user = user(userId);
        validatePassword(password);
        user.changePasswordHash(passwordEncoder.encode(password));
        log.info("User {} reset the password of user {}", actor.id(), userId);
    }

    /**
     * Activates or deactivates a user. A deactivated user cannot log in; listeners of
     * {@link UserChanged} return an agent's open leads to the team pool.
     *
     * @throws IdentityRejectedException when admins deactivate themselves or the last active admin
     */
    public void setActive(long userId, int version, boolean active, CurrentUser actor) {
        User user = current(userId, version);
        if (user.isActive() == active) {
            return;
        }
        boolean previouslyActiveAgent = user.isActiveAgent();
        if (active) {
            requireActiveTeam(user.getTeamId(), null);
            user.activate();
        } else {
            if (user.getId() == actor.id()) {
                throw new IdentityRejectedException(null, "identity.error.deactivateSelf", "Admins cannot deactivate themselves");
            }
            if (user.getRole() == Role.ADMIN) {
                requireAnotherActiveAdmin(user);
            }
            user.deactivate();
        }
        users.saveAndFlush(user);
        log.info("User {} {} user {}", actor.id(), active ? "activated" : "deactivated", userId);
        events.publishEvent(new UserChanged(userId, user.getTeamId(), user.getTeamId(), previouslyActiveAgent,
                user.isActiveAgent(), actor.id(), clock.instant()));
    }

    private void applySettings(User user, UserDefinition definition) {
        user.changeLanguages(normalizedLanguages(definition.languages()));
        user.changeCapacity(definition.dailyCapacity(), definition.allocationWeight());
        user.changeShift(definition.shiftStart(), definition.shiftEnd());
    }

    private void validate(UserDefinition definition, User existing) {
        String displayName = definition.displayName();
        if (displayName == null || displayName.isBlank()) {
            throw new IdentityRejectedException("displayName", "identity.error.displayNameRequired", "A display name is required");
        }
        if (displayName.strip().length() > MAX_DISPLAY_NAME) {
            throw new IdentityRejectedException("displayName", "identity.error.displayNameTooLong",
                    "Display name is longer than " + MAX_DISPLAY_NAME, MAX_DISPLAY_NAME);
        }
        if (definition.role() == null) {
            throw new IdentityRejectedException("role", "identity.error.roleRequired", "A role is required");
        }
        if (definition.role().requiresTeam()) {
            if (definition.teamId() == null) {
                throw new IdentityRejectedException("teamId", "identity.error.teamRequired",
                        "Role " + definition.role() + " needs a team");
            }
            requireActiveTeam(definition.teamId(), existing == null ? null : existing.getTeamId());
        }
        List<String> languages = normalizedLanguages(definition.languages());
        if (languages.isEmpty() || languages.size() > MAX_LANGUAGES || !languages.stream().allMatch(code -> LANGUAGE.matcher(code).matches())) {
            throw new IdentityRejectedException("languages", "identity.error.languagesInvalid",
                    "Languages " + definition.languages() + " are invalid", MAX_LANGUAGES);
        }
        if (definition.dailyCapacity() < 0 || definition.dailyCapacity() > MAX_CAPACITY) {
            throw new IdentityRejectedException("dailyCapacity", "identity.error.capacityInvalid",
                    "Capacity " + definition.dailyCapacity() + " is out of range", MAX_CAPACITY);
        }
        if (definition.allocationWeight() < 1 || definition.allocationWeight() > MAX_WEIGHT) {
            throw new IdentityRejectedException("allocationWeight", "identity.error.weightInvalid",
                    "Weight " + definition.allocationWeight() + " is out of range", MAX_WEIGHT);
        }
        if ((definition.shiftStart() == null) != (definition.shiftEnd() == null)
                || (definition.shiftStart() != null && !definition.shiftStart().isBefore(definition.shiftEnd()))) {
            throw new IdentityRejectedException("shiftEnd", "identity.error.shiftInvalid", "The shift must start before it ends");
        }
    }

    /** Accepts the team a user already has even when it is inactive, but no move into an inactive team. */
    private void requireActiveTeam(Long teamId, Long currentTeamId) {
        if (teamId == null) {
            return;
        }
        Team team = teams.findById(teamId)
                .orElseThrow(() -> new IdentityRejectedException("teamId", "identity.error.teamNotFound", "Team " + teamId + " not found"));
        if (!team.isActive() && !teamId.equals(currentTeamId)) {
            throw new IdentityRejectedException("teamId", "identity.error.teamInactive", "Team " + teamId + " is inactive", team.getName());
        }
    }

    private void requireAnotherActiveAdmin(User admin) {
        if (users.countByRoleAndActiveTrue(Role.ADMIN) <= 1) {
            throw new IdentityRejectedException(null, "identity.error.lastAdmin", "User " + admin.getId() + " is the last active admin");
        }
    }

    private static void validatePassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IdentityRejectedException("password", "identity.error.passwordTooShort", "The password is too short",
                    MIN_PASSWORD_LENGTH);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IdentityRejectedException("password", "identity.error.passwordTooLong", "The password is too long",
                    MAX_PASSWORD_BYTES);
        }
    }

    private static List<String> normalizedLanguages(List<String> languages) {
        if (languages == null) {
            return List.of();
        }
        return languages.stream().filter(Objects::nonNull).map(code -> code.strip().toLowerCase(Locale.ROOT))
                .filter(code -> !code.isEmpty()).distinct().toList();
    }

    private User current(long userId, int version) {
        User user = user(userId);
        if (user.getVersion() != version) {
            throw new IdentityRejectedException(null, "identity.error.conflict", "User " + userId + " changed meanwhile");
        }
        return user;
    }

    private static IdentityRejectedException notFound(long userId) {
        return new IdentityRejectedException(null, "identity.error.userNotFound", "User " + userId + " not found");
    }
}
