package io.cupboard.intake;

import java.util.Locale;

/** The reason a record was rejected or blocked. The names are stored, and the texts come from the bundles. */
public enum RejectionReason {
    NAME_OR_PHONE_REQUIRED,
    PHONE_SCIENTIFIC_NOTATION,
    PHONE_NOT_A_NUMBER,
    PHONE_INVALID,
    EMAIL_INVALID,
    TOO_LONG,
    DATE_INVALID,
    LANGUAGE_INVALID,
    CONSENT_INVALID,
    /** A placeholder lead from an ad platform's testing tool, such as {@code <test lead: dummy data for phone_number>}. */
    TEST_LEAD,
    /** Blocked: the number is on the center's do-not-call list. */
    DO_NOT_CALL,
    /** Blocked: an outbound lead whose number is listed in the national do-not-call registry. */
    REGISTRY;

    public String messageKey() {
        return "intake.reason." + name();
    }

    /** Returns the English text the API uses for this reason. */
    public String englishDetail() {
        return switch (this) {
            case NAME_OR_PHONE_REQUIRED -> "A name or a phone number is required.";
            case PHONE_SCIENTIFIC_NOTATION -> "The phone number is in scientific notation and some of its digits are lost.";
            case PHONE_NOT_A_NUMBER -> "The value is not a phone number.";
            case PHONE_INVALID -> "The phone number is not valid.";
            case EMAIL_INVALID -> "The e-mail address is not valid.";
            case TOO_LONG -> "The value is too long.";
            case DATE_INVALID -> "The date and time is not valid; use ISO-8601, for example 2026-03-26T14:05:11+02:00.";
            case LANGUAGE_INVALID -> "The language must be a two-letter ISO 639-1 code, such as he or en.";
            case CONSENT_INVALID -> "Consent must be true or false.";
            case TEST_LEAD -> "The lead is a placeholder from the ad platform's testing tool.";
            case DO_NOT_CALL -> "The phone number is on the do-not-call list.";
            case REGISTRY -> "The phone number is listed in the national do-not-call registry.";
        };
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
