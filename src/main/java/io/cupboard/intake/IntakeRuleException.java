package io.cupboard.intake;

import java.util.List;

/**
 * A request that breaks an intake rule, with a message key and arguments for the user's language.
 */
public class IntakeRuleException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public IntakeRuleException(String messageKey, String logMessage, Object... arguments) {
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
