package io.cupboard.identity;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A person who signs in: an agent, a team lead, the center manager or an admin.
 */
@Entity
@Table(name = "app_user")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    @Column(name = "password_hash")
    private String passwordHash;

    private String displayName;

    @Enumerated(EnumType.STRING)
    private Role role;

    private Long teamId;

    private boolean active;

    private String[] languages;

    private int dailyCapacity;

    private int allocationWeight;

    private LocalTime shiftStart;

    private LocalTime shiftEnd;

    private Instant createdAt;

    @Version
    private int version;

    protected User() {
    }

    public User(String username, String passwordHash, String displayName, Role role, Long teamId, Instant createdAt) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("A user name is required");
        }
        this.username = username.strip();
        this.passwordHash = passwordHash;
        this.role = role;
        rename(displayName);
        moveToTeam(teamId);
        this.active = true;
        this.languages = new String[] {"he"};
        this.dailyCapacity = 200;
        this.allocationWeight = 1;
        this.createdAt = createdAt;
    }

    public void rename(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("A display name is required");
        }
        this.displayName = displayName.strip();
    }

    /** Changes the role and the team together, because agents and team leads must belong to a team. */
    public void changeRole(Role role, Long teamId) {
        if (role == null) {
            throw new IllegalArgumentException("A role is required");
        }
        if (role.requiresTeam() && teamId == null) {
            throw new IllegalArgumentException("A user with role " + role + " must belong to a team");
        }
        this.role = role;
        this.teamId = teamId;
    }

    public void moveToTeam(Long teamId) {
        if (role.requiresTeam() && teamId == null) {
            throw new IllegalArgumentException("A user with role " + role + " must belong to a team");
        }
        this.teamId = teamId;
    }

    public void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public void changeCapacity(int dailyCapacity, int allocationWeight) {
        if (dailyCapacity < 0 || allocationWeight <= 0) {
            throw new IllegalArgumentException("Capacity must be 0 or more and weight positive, were "
                    + dailyCapacity + " and " + allocationWeight);
        }
        this.dailyCapacity = dailyCapacity;
        this.allocationWeight = allocationWeight;
    }

    public void changeLanguages(List<String> languages) {
        this.languages = languages.stream().map(String::strip).filter(language -> !language.isEmpty()).distinct().toArray(String[]::new);
    }

    public void changeShift(LocalTime start, LocalTime end) {
        if ((start == null) != (end == null) || (start != null && !start.isBefore(end))) {
            throw new IllegalArgumentException("A shift needs a start before its end, was " + start + "–" + end);
        }
        this.shiftStart = start;
        this.shiftEnd = end;
    }

    public void deactivate() {
        this.active = false;
    }

    public void activate() {
        this.active = true;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    public Long getTeamId() {
        return teamId;
    }

    public boolean isActive() {
        return active;
    }

    /** Returns true for an active agent, the only kind of user that allocation gives leads to. */
    public boolean isActiveAgent() {
        return active && role == Role.AGENT;
    }

    public List<String> getLanguages() {
        return List.of(languages);
    }

    public int getDailyCapacity() {
        return dailyCapacity;
    }

    public int getAllocationWeight() {
        return allocationWeight;
    }

    public LocalTime getShiftStart() {
        return shiftStart;
    }

    public LocalTime getShiftEnd() {
        return shiftEnd;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getVersion() {
        return version;
    }
}
