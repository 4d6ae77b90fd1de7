package io.cupboard.intake;

import java.time.Instant;

import io.cupboard.lead.LeadContact;

/**
 * A record of the mapping step's preview: its values as they would be saved, and what would
 * happen to it if the import ran now.
 *
 * @param contact    the cleaned contact, or null when the record is rejected or blank
 * @param fate       the expected fate
 * @param problem    why the record would be rejected or blocked, or null
 * @param leadId     the lead it would join or reopen, or null
 */
public record PreviewRow(int recordNumber, LeadContact contact, Instant inquiredAt, String note, Fate fate,
                         FieldProblem problem, Long leadId) {
}
