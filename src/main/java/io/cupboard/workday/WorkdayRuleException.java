package io.cupboard.workday;

import io.cupboard.shared.RuleViolationException;

/**
 * A day action or template change that breaks a rule, with the message key shown to the user.
 */
public class WorkdayRuleException extends RuleViolationException {

    public WorkdayRuleException(String messageKey, String logMessage, Object... arguments) {
        super(messageKey, logMessage, arguments);
    }
}
