package io.cupboard.identity;

/**
 * What a user does in the center, and the page they land on after login.
 */
public enum Role {
    AGENT("/cup"),
    TEAM_LEAD("/team"),
    MANAGER("/center"),
    ADMIN("/admin");

    private final String homePath;

    Role(String homePath) {
        this.homePath = homePath;
    }

    public String homePath() {
        return homePath;
    }

    /** Returns the Spring Security authority, {@code ROLE_AGENT} and so on. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether a user of this role must belong to a team. */
    public boolean requiresTeam() {
        return this == AGENT || this == TEAM_LEAD;
    }
}
