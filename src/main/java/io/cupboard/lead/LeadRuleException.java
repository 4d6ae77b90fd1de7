package io.cupboard.lead;

import java.util.List;

/**
 * A request that breaks a lifecycle rule. It carries a message key and arguments, so that the web
 * layer shows the reason in the user's language.
 */
public class LeadRuleException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public LeadRuleException(String messageKey, String logMessage, Object... arguments) {
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
