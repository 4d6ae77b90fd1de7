package io.cupboard.intake;

import java.time.Instant;
import java.util.Map;

import io.cupboard.lead.ConsentBasis;

/**
 * A channel that leads come from: a lead-ad account, a web form, a purchased list. Its code is the lead's
 * {@code source}, which contact policies may match.
 *
 * @param fieldMapping the header name last mapped to each field, proposed again for the next file
 */
public record IntakeSource(long id, String code, String name, Direction direction, boolean active,
                           Map<LeadField, String> fieldMapping, Instant createdAt, int version) {

    /** Whether the people on a source asked to be called. */
    public enum Direction {
        /** Forms and lead ads: the person asked to be called. */
        INBOUND,
        /** A cold list: numbers must be checked against the national do-not-call registry. */
        OUTBOUND;

        public ConsentBasis consentBasis() {
            return this == INBOUND ? ConsentBasis.INBOUND : ConsentBasis.OUTBOUND;
        }
    }
}
