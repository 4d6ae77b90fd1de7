package io.cupboard.intake.api;

/** The problem types of the intake API. Clients may branch on them; they never change. */
final class ProblemTypes {

    static final String UNAUTHORIZED = "urn:cupboard:problem:unauthorized";
    static final String FORBIDDEN = "urn:cupboard:problem:forbidden";
    static final String MALFORMED_REQUEST = "urn:cupboard:problem:malformed-request";
    static final String INVALID_LEAD = "urn:cupboard:problem:invalid-lead";
    static final String DO_NOT_CALL = "urn:cupboard:problem:do-not-call";
    static final String IDEMPOTENCY_KEY_REUSED = "urn:cupboard:problem:idempotency-key-reused";
    static final String TOO_LARGE = "urn:cupboard:problem:request-too-large";
    static final String UNSUPPORTED_MEDIA_TYPE = "urn:cupboard:problem:unsupported-media-type";
    static final String METHOD_NOT_ALLOWED = "urn:cupboard:problem:method-not-allowed";
    static final String RATE_LIMITED = "urn:cupboard:problem:rate-limited";
    static final String BUSY = "urn:cupboard:problem:busy";
    static final String INTERNAL_ERROR = "urn:cupboard:problem:internal-error";

    private ProblemTypes() {
    }
}
