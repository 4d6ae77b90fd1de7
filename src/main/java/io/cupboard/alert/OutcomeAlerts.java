package io.cupboard.alert;

import io.cupboard.lead.OutcomeRecorded;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Withdraws a lead's alerts as soon as a call outcome closed the task they were about, instead of
 * waiting for the next alert sweep.
 */
@Component
class OutcomeAlerts {

    private final Alerts alerts;

    OutcomeAlerts(Alerts alerts) {
        this.alerts = alerts;
    }

    /** Runs after the outcome's commit, in a transaction of its own so that its update is committed too. */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(OutcomeRecorded event) {
        alerts.resolveDoneTasks(event.leadId(), event.at());
    }
}
