package io.cupboard.allocation;

/**
 * An agent or team that does not exist or is outside the user's team. Like a lead outside the
 * user's scope, it is shown as not found.
 */
public class TeamMemberNotFoundException extends RuntimeException {

    public TeamMemberNotFoundException(String message) {
        super(message);
    }
}
