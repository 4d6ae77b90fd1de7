package io.cupboard.shared;

import java.util.List;

/**
 * A request that breaks a business rule. It carries a message key and its arguments, so the web
 * layer shows the reason in the user's language; the exception message is English, for logs.
 */
public class RuleViolationException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public RuleViolationException(String messageKey, String logMessage, Object... arguments) {
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
