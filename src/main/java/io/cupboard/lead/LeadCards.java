package io.cupboard.lead;

import io.cupboard.identity.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the lead card for a user who may see the lead.
 */
@Service
@Transactional(readOnly = true)
public class LeadCards {

    private final LeadAccess access;
    private final LeadStatusRepository statuses;
    private final DisqualificationReasonRepository reasons;
    private final TaskRepository tasks;
    private final ContactPolicies policies;
    private final Timeline timeline;
    private final JdbcClient jdbc;

    LeadCards(LeadAccess access, LeadStatusRepository statuses, DisqualificationReasonRepository reasons,
              TaskRepository tasks, ContactPolicies policies, Timeline timeline, JdbcClient jdbc) {
        this.access = access;
        this.statuses = statuses;
        this.reasons = reasons;
        this.tasks = tasks;
        this.policies = policies;
        this.timeline = timeline;
        this.jdbc = jdbc;
    }

    public LeadCard card(long leadId, CurrentUser user) {
        Lead lead = access.visible(leadId, user);
        return new LeadCard(
                lead,
                statuses.findById(lead.getStatusId()).orElseThrow(),
                name("select display_name from app_user where id = ?", lead.getOwnerId()),
                name("select name from team where id = ?", lead.getTeamId()),
                lead.getDisqualificationReasonId() == null ? null : reasons.findById(lead.getDisqualificationReasonId()).orElseThrow(),
                tasks.findOpenByLeadId(leadId).orElse(null),
                policies.policyFor(lead).maxAttempts(),
                timeline.entries(leadId));
    }

    private String name(String sql, Long id) {
        return id == null ? null : jdbc.sql(sql).param(id).query(String.class).optional().orElse(null);
    }
}
