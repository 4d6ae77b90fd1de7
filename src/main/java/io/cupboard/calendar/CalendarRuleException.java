package io.cupboard.calendar;

import java.util.List;

/**
 * An admin change to the calendar that breaks a rule, with the form field and the message key to
 * show in the admin's language.
 */
public class CalendarRuleException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final List<Object> arguments;

    public CalendarRuleException(String field, String messageKey, String logMessage, Object... arguments) {
        super(logMessage);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    /** Returns the form field the message belongs to, or null for the whole form. */
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
