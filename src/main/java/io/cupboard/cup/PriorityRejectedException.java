package io.cupboard.cup;

import java.util.List;

/** A priority matrix change that breaks a rule, with the message key shown to the user. */
public class PriorityRejectedException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public PriorityRejectedException(String messageKey, String logMessage, Object... arguments) {
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
