package io.cupboard.intake;

/**
 * A reason a lead was rejected, with the field it concerns, or a null field when it concerns the
 * whole lead (no name and no phone).
 */
public record FieldProblem(LeadField field, RejectionReason reason) {
}
