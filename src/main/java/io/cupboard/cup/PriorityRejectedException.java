package io.cupboard.cup;

import io.cupboard.shared.RuleViolationException;

/** A priority matrix change that breaks a rule, with the message key shown to the user. */
public class PriorityRejectedException extends RuleViolationException {

    public PriorityRejectedException(String messageKey, String logMessage, Object... arguments) {
        super(messageKey, logMessage, arguments);
    }
}
