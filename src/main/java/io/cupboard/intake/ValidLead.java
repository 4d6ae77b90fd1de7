package io.cupboard.intake;

import java.time.Instant;

import io.cupboard.lead.LeadContact;

/**
 * A lead that passed validation.
 *
 * @param inquiredAt when the person inquired, as the source reports it, or null
 * @param note       the notes value, or null
 */
public record ValidLead(LeadContact contact, Instant inquiredAt, String note) {
}
