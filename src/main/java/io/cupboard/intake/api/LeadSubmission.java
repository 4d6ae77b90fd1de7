package io.cupboard.intake.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The JSON body of {@code POST /api/v1/leads}, for the OpenAPI documentation. The controller reads
 * the body as a JSON tree, so unknown properties are ignored and numbers are accepted where text is
 * expected.
 */
@Schema(name = "LeadSubmission", description = "A lead from a web form or a lead-ad webhook. A name or a phone is required.")
record LeadSubmission(
        @Schema(description = "The person's full name; or give firstName and lastName.", maxLength = 200, example = "דנה לוי")
        String fullName,
        @Schema(maxLength = 100, example = "Dana") String firstName,
        @Schema(maxLength = 100, example = "Levi") String lastName,
        @Schema(description = "Phone number in any common Israeli or international form; normalized to E.164 with region IL.",
                maxLength = 40, example = "050-234-5678") String phone,
        @Schema(maxLength = 40, example = "03-512-3456") String alternatePhone,
        @Schema(maxLength = 254, example = "dana@example.com") String email,
        @Schema(maxLength = 100, example = "חיפה") String city,
        @Schema(maxLength = 200, example = "spring-2026") String campaign,
        @Schema(description = "The sender's own lead id (Google lead_id, Meta leadgen id). A second delivery with the same id "
                + "returns the first lead with result duplicate.", maxLength = 200, example = "1200000000000001") String externalId,
        @Schema(description = "When the person inquired, ISO-8601 with an offset; without one, Asia/Jerusalem wall time.",
                example = "2026-03-26T14:05:11+02:00") String createdAt,
        @Schema(description = "Free text that comes with the lead; it becomes the note on the lead's timeline.", maxLength = 2000)
        String notes,
        @Schema(description = "ISO 639-1 language code.", maxLength = 20, example = "he") String preferredLanguage,
        @Schema(description = "True when the person gave recorded consent to marketing calls.") Boolean consent) {
}
