package io.cupboard.alert;

import io.cupboard.lead.OutcomeRecorded;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

/**
 * Withdraws a lead's alerts as soon as a call outcome closed the task they were about, instead of
 * waiting for the next alert sweep. It runs inside the outcome's transaction, so both commit together.
 */
@Component
class OutcomeAlerts {

    private final Alerts alerts;

    OutcomeAlerts(Alerts alerts) {
        this.alerts = alerts;
    }

    @EventListener
    void on(OutcomeRecorded event) {
        alerts.resolveDoneTasks(event.leadId(), event.at());
    }
}
