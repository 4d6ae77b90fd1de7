package io.cupboard.allocation;

import io.cupboard.lead.AssignmentReason;
import io.cupboard.lead.Lead;
import io.cupboard.lead.LeadAssignments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a lead whose attempts ran out to the second-wave team of its rule. The lead module has
 * already put the lead in its own team's pool with the next wave number. This class moves it on
 * when the rule names another team.
 */
@Service
class WaveHandover {

    private final LeadAssignments assignments;
    private final RuleMatches rules;
    private final JdbcClient jdbc;

    WaveHandover(LeadAssignments assignments, RuleMatches rules, JdbcClient jdbc) {
        this.assignments = assignments;
        this.rules = rules;
        this.jdbc = jdbc;
    }

    /**
     * Moves the lead to its rule's second-wave team when its last call ended the attempts.
     *
     * @return the team whose pool the lead is in now, or null when the lead is not waiting
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Long afterLastAttempt(long leadId) {
        Lead lead = assignments.lockForAssignment(leadId);
        if (!lead.isOpen() || lead.getOwnerId() != null || !lastCallStartedWave(leadId)) {
            return lead.getTeamId();
        }
        return rules.forLead(leadId)
                .filter(rule -> rule.secondWaveTeamId() != null && !rule.secondWaveTeamId().equals(lead.getTeamId()))
                .map(rule -> {
                    assignments.assign(leadId, null, rule.secondWaveTeamId(), AssignmentReason.of("attemptsEnded")
                            .with("ruleId", rule.id()).with("ruleName", rule.name()), null);
                    return rule.secondWaveTeamId();
                })
                .orElse(lead.getTeamId());
    }

    /** Returns true when the lead's latest call ended its attempts, which the lead module records as {@code secondWave}. */
    private boolean lastCallStartedWave(long leadId) {
        return jdbc.sql("""
                        select details ->> 'secondWave' is not null from activity
                        where lead_id = ? and kind = 'CALL'
                        order by created_at desc, id desc
                        limit 1
                        """)
                .param(leadId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }
}
