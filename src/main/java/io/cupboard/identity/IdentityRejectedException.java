package io.cupboard.identity;

import java.util.List;

/**
 * A change to users or teams that breaks a rule. It carries the form field, a message key and its
 * arguments, so that the admin page shows the reason in the user's language.
 */
public class IdentityRejectedException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final List<Object> arguments;

    /**
     * @param field      the form field at fault, or null for the whole form
     * @param logMessage an English description for logs, never shown to users
     */
    public IdentityRejectedException(String field, String messageKey, String logMessage, Object... arguments) {
        super(logMessage);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
