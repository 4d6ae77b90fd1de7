package io.cupboard.alert;

import java.sql.Timestamp;

import io.cupboard.lead.InquiryMerged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Alerts a lead's owner when the same person inquires again while the lead is open, so the agent
 * calls back while the interest is fresh. The alert belongs to the lead's open task and is
 * withdrawn with it.
 */
@Component
class InquiryAlerts {

    private static final Logger log = LoggerFactory.getLogger(InquiryAlerts.class);

    private final JdbcClient jdbc;

    InquiryAlerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs after the inquiry's commit, in a transaction of its own. */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(InquiryMerged event) {
        if (event.ownerId() == null) {
            return;
        }
        int raised = jdbc.sql("""
                        insert into alert (kind, audience, recipient_id, team_id, lead_id, task_id, agent_id, due_at, created_at)
                        select 'NEW_INQUIRY', 'AGENT', :owner, l.team_id, l.id, t.id, :owner, :at, :at
                        from lead l join task t on t.lead_id = l.id and t.state = 'OPEN'
                        where l.id = :lead
                        on conflict do nothing
                        """)
                .param("owner", event.ownerId())
                .param("lead", event.leadId())
                .param("at", Timestamp.from(event.at()))
                .update();
        log.debug("Raised {} inquiry alerts for lead {}", raised, event.leadId());
    }
}
