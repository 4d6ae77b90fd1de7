package io.cupboard.allocation;

import java.util.List;

/**
 * A request to the allocation module that breaks a rule: an invalid allocation rule, or a
 * reassignment without leads or to an agent who cannot take them. It carries the form field, a
 * message key and its arguments, so that the page shows the reason in the user's language.
 */
public class AllocationRejectedException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final List<Object> arguments;

    /**
     * @param field      the form field at fault, or null for the whole form
     * @param logMessage an English description for logs, never shown to users
     */
    public AllocationRejectedException(String field, String messageKey, String logMessage, Object... arguments) {
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
