package io.cupboard.lead;

import io.cupboard.shared.RuleViolationException;

/**
 * A request that breaks a lead lifecycle rule, with the message key shown to the user.
 */
public class LeadRuleException extends RuleViolationException {

    public LeadRuleException(String messageKey, String logMessage, Object... arguments) {
        super(messageKey, logMessage, arguments);
    }
}
