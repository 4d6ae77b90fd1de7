package io.cupboard.workday;

import java.util.List;

/**
 * A day action or template change that breaks a rule, with the message key shown to the user.
 */
public class WorkdayRuleException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public WorkdayRuleException(String messageKey, String logMessage, Object... arguments) {
        super(logMessage);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
