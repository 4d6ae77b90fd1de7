package io.cupboard.lead;

import java.util.Optional;

import io.cupboard.identity.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may see and change a lead: an agent their own leads, a team lead their team's, a manager and
 * an admin every lead. A lead outside the user's scope is reported as not found.
 */
@Service
public class LeadAccess {

    private final LeadRepository leads;

    LeadAccess(LeadRepository leads) {
        this.leads = leads;
    }

    public static boolean mayAccess(Lead lead, CurrentUser user) {
        return switch (user.role()) {
            case AGENT -> lead.getOwnerId() != null && lead.getOwnerId() == user.id();
            case TEAM_LEAD -> lead.getTeamId() != null && lead.getTeamId().equals(user.teamId());
            case MANAGER, ADMIN -> true;
        };
    }

    @Transactional(readOnly = true)
    public Lead visible(long leadId, CurrentUser user) {
        Lead lead = leads.findById(leadId).orElseThrow(() -> new LeadNotFoundException(leadId));
        if (!mayAccess(lead, user)) {
            throw new LeadNotFoundException(leadId);
        }
        return lead;
    }

    /** Loads a lead the user may change, locking its row until the transaction ends. */
    Lead lockVisible(long leadId, CurrentUser user) {
        return changeable(leads.findForUpdate(leadId), leadId, user);
    }

    /**
     * Returns a loaded lead if the user may change it. A user of null is the system, which may
     * change every lead.
     *
     * @throws LeadNotFoundException when the lead does not exist or is outside the user's scope
     */
    static Lead changeable(Optional<Lead> found, long leadId, CurrentUser user) {
        Lead lead = found.orElseThrow(() -> new LeadNotFoundException(leadId));
        if (user != null && !mayAccess(lead, user)) {
            throw new LeadNotFoundException(leadId);
        }
        return lead;
    }
}
