package io.cupboard.lead;

/**
 * A text that is not a valid phone number, with the reason as a message key suffix.
 */
public class InvalidPhoneNumberException extends IllegalArgumentException {

    /** Why a number was rejected; {@link #messageKey()} names the user-facing text. */
    public enum Reason {
        MISSING, SCIENTIFIC_NOTATION, NOT_A_NUMBER, INVALID;

        public String messageKey() {
            return "phone.invalid." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Reason reason;

    public InvalidPhoneNumberException(Reason reason, String raw) {
        // The raw number is personal data, so only its length goes into the message (and into logs).
        super("Invalid phone number (" + reason + ", " + (raw == null ? 0 : raw.length()) + " characters)");
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
