package io.cupboard.lead;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** The stored columns of a lead row, read with SQL. */
record LeadColumns(Long id, String fullName, String phoneE164, String phoneDisplay, String alternatePhoneE164, String email,
                   String city, String preferredLanguage, String source, String campaign, String externalId,
                   ConsentBasis consentBasis, Instant registryCheckedAt, LeadType type, Long statusId, Long ownerId,
                   Long teamId, int attemptCount, int followUpCount, int wave, Instant createdAt, Instant assignedAt,
                   Instant firstContactAt, Instant lastActivityAt, Instant closedAt, Long disqualificationReasonId,
                   int version) {

    /** The select list that {@link #read} maps, in the lead table's column names. */
    static final String SELECT_LIST = """
            id, full_name, phone_e164, phone_display, alternate_phone_e164, email, city, preferred_language, source,
            campaign, external_id, consent_basis, registry_checked_at, type, status_id, owner_id, team_id,
            attempt_count, follow_up_count, wave, created_at, assigned_at, first_contact_at, last_activity_at,
            closed_at, disqualification_reason_id, version""";

    static LeadColumns read(ResultSet row) throws SQLException {
        return new LeadColumns(
                row.getLong("id"),
                row.getString("full_name"),
                row.getString("phone_e164"),
                row.getString("phone_display"),
                row.getString("alternate_phone_e164"),
                row.getString("email"),
                row.getString("city"),
                row.getString("preferred_language"),
                row.getString("source"),
                row.getString("campaign"),
                row.getString("external_id"),
                ConsentBasis.valueOf(row.getString("consent_basis")),
                instant(row, "registry_checked_at"),
                LeadType.valueOf(row.getString("type")),
                nullableLong(row, "status_id"),
                nullableLong(row, "owner_id"),
                nullableLong(row, "team_id"),
                row.getInt("attempt_count"),
                row.getInt("follow_up_count"),
                row.getInt("wave"),
                instant(row, "created_at"),
                instant(row, "assigned_at"),
                instant(row, "first_contact_at"),
                instant(row, "last_activity_at"),
                instant(row, "closed_at"),
                nullableLong(row, "disqualification_reason_id"),
                row.getInt("version"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
