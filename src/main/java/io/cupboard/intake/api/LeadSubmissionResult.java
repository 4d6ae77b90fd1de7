package io.cupboard.intake.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of a successful {@code POST /api/v1/leads}. */
@Schema(name = "LeadSubmissionResult")
record LeadSubmissionResult(
        @Schema(description = "The lead's id in CupBoard.", example = "4711") long leadId,
        @Schema(description = "created (201): a new lead. merged (200): a new inquiry on the open lead with this number or "
                + "e-mail. reopened (200): a closed lead reopened as renewed. duplicate (200): the same externalId came before.",
                allowableValues = {"created", "merged", "reopened", "duplicate"}) String result) {
}
