package io.cupboard.lead;

/**
 * Why the center may call a lead. Israel's do-not-call registry allows a marketing call to a
 * listed number only after an inbound inquiry or recorded consent, or to a number checked against
 * the registry within the last 15 days.
 */
public enum ConsentBasis {
    /** The person asked to be called (a form, an ad, an inbound call). */
    INBOUND,
    /** A cold list: the number must be checked against the registry. */
    OUTBOUND,
    /** The person gave recorded consent. */
    CONSENT
}
