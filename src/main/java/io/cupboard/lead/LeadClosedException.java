package io.cupboard.lead;

/** An action that needs an open lead was tried on a closed one. */
public class LeadClosedException extends LeadRuleException {

    public LeadClosedException(Long leadId) {
        super("lead.error.closed", "Lead " + leadId + " is closed");
    }
}
