package io.cupboard.identity.web;

import io.cupboard.identity.CurrentUser;
import io.cupboard.identity.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The links of the navigation bar that the signed-in user may follow, and the name it shows. The
 * layout reads them on every page. Spring Security's {@code sec:authorize} evaluated an access
 * expression and looked up its handler beans for each of its nine checks, a twentieth of the CUP
 * page's time; the role answers the same questions, because the URL rules grant by role alone.
 * The user is read on the first call, so requests that render no layout never load the security context.
 */
public final class NavigationLinks {

    /** The request attribute the layout reads. */
    public static final String ATTRIBUTE = "navigation";

    private CurrentUser user;
    private boolean resolved;

    public boolean isSignedIn() {
        return user() != null;
    }

    public boolean isCup() {
        return has(Role.AGENT);
    }

    public boolean isTeam() {
        return has(Role.TEAM_LEAD) || has(Role.MANAGER);
    }

    public boolean isCenter() {
        return has(Role.MANAGER);
    }

    public boolean isIntake() {
        return has(Role.TEAM_LEAD) || has(Role.MANAGER) || has(Role.ADMIN);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    public boolean isAlerts() {
        return has(Role.AGENT) || has(Role.TEAM_LEAD);
    }

    public String getDisplayName() {
        return user() == null ? null : user().displayName();
    }

    private boolean has(Role role) {
        return user() != null && user().is(role);
    }

    private CurrentUser user() {
        if (!resolved) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            user = authentication != null && authentication.getPrincipal() instanceof CurrentUser current ? current : null;
            resolved = true;
        }
        return user;
    }
}
