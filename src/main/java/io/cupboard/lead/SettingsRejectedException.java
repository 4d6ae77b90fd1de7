package io.cupboard.lead;

/**
 * An admin change that breaks a rule of the settings, with the form field and message key to show.
 */
public class SettingsRejectedException extends LeadRuleException {

    private final String field;

    public SettingsRejectedException(String field, String messageKey, String logMessage, Object... arguments) {
        super(messageKey, logMessage, arguments);
        this.field = field;
    }

    /** Returns the form field the message belongs to, or null for the whole form. */
    public String field() {
        return field;
    }
}
