package io.cupboard.intake.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.cupboard.intake.ApiKeys;
import io.cupboard.intake.Fate;
import io.cupboard.intake.FieldProblem;
import io.cupboard.intake.IntakeAdmissions;
import io.cupboard.intake.IntakeSource;
import io.cupboard.intake.IntakeSources;
import io.cupboard.intake.LeadField;
import io.cupboard.intake.LeadInput;
import io.cupboard.intake.LeadValidator;
import io.cupboard.intake.RejectionReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Handles one {@code POST /api/v1/leads} in one transaction: the idempotency record, validation,
 * admission with allocation, the submission's fate and the stored response.
 */
@Service
class ApiSubmissions {

    private static final Logger log = LoggerFactory.getLogger(ApiSubmissions.class);
    /** Printable ASCII, as the Idempotency-Key header field is a string of visible characters. */
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[\\x21-\\x7E]{1,255}$");

    private final IntakeSources sources;
    private final LeadValidator validator;
    private final IntakeAdmissions admissions;
    private final IdempotencyStore idempotency;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    ApiSubmissions(IntakeSources sources, LeadValidator validator, IntakeAdmissions admissions, IdempotencyStore idempotency,
                   JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.sources = sources;
        this.validator = validator;
        this.admissions = admissions;
        this.idempotency = idempotency;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The response to send.
     *
     * @param location the created lead's page, for 201
     * @param replayed whether the response is the stored one of an earlier request with the same key
     */
    record ApiResponse(int status, String contentType, String body, String location, boolean replayed) {
    }

    /**
     * Submits a lead.
     *
     * @throws ApiProblemException for a malformed body or header, or an idempotency key reused
     *                             with another body; nothing is stored then
     */
    @Transactional
    public ApiResponse submit(ApiKeys.Caller caller, byte[] body, String idempotencyKey, String instance) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new ApiProblemException(ApiProblem.of(ProblemTypes.MALFORMED_REQUEST, "Invalid Idempotency-Key header", 400,
                    "The Idempotency-Key header must be 1 to 255 visible ASCII characters."));
        }
        String requestHash = sha256(body);
        if (idempotencyKey != null) {
            Optional<IdempotencyStore.Stored> stored = idempotency.claim(caller.keyId(), idempotencyKey, requestHash);
            if (stored.isPresent()) {
                return replay(stored.get(), requestHash);
            }
        }

        IntakeSource source = sources.find(caller.sourceId()).orElseThrow();
        LeadInput input = parse(body);
        LeadValidator.Result validation = validator.validate(input, source);
        ApiResponse response;
        if (!validation.isValid()) {
            List<ApiProblem.FieldError> errors = validation.problems().stream().map(ApiSubmissions::fieldError).toList();
            ApiProblem problem = new ApiProblem(ProblemTypes.INVALID_LEAD, "Invalid lead", 422,
                    errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.", errors);
            response = problemResponse(problem, instance);
            recordSubmission(caller, Fate.REJECTED, null, validation.firstProblem().reason());
        } else {
            String externalId = validation.lead().contact().externalId();
            String deliveryKey = externalId == null ? null : IntakeAdmissions.externalIdKey(source.id(), externalId);
            IntakeAdmissions.Outcome outcome = admissions.admit(List.of(new IntakeAdmissions.Delivery(validation.lead(), deliveryKey,
                    Map.of("apiKeyId", caller.keyId()))), "api", null).get(0);
            response = response(outcome, instance);
            recordSubmission(caller, outcome.fate(), outcome.leadId(), outcome.reason());
            log.debug("API submission with key {} of source {}: {} lead {}", caller.keyId(), source.id(), outcome.fate(), outcome.leadId());
        }
        if (idempotencyKey != null) {
            idempotency.complete(caller.keyId(), idempotencyKey, response.status(), response.body());
        }
        return response;
    }

    private ApiResponse replay(IdempotencyStore.Stored stored, String requestHash) {
        if (!stored.requestHash().equals(requestHash)) {
            throw new ApiProblemException(ApiProblem.of(ProblemTypes.IDEMPOTENCY_KEY_REUSED, "Idempotency key reused", 422,
                    "This Idempotency-Key was used with a different request body. Use a new key for a new request."));
        }
        if (stored.status() == null) {
            throw new ApiProblemException(ApiProblem.of(ProblemTypes.MALFORMED_REQUEST, "Request in progress", 409,
                    "A request with this Idempotency-Key is still being processed. Retry later."));
        }
        String location = null;
        if (stored.status() == 201) {
            location = "/leads/" + json.readTree(stored.body()).get("leadId").asString();
        }
        return new ApiResponse(stored.status(), stored.status() >= 400 ? ApiProblem.MEDIA_TYPE : "application/json",
                stored.body(), location, true);
    }

    private ApiResponse response(IntakeAdmissions.Outcome outcome, String instance) {
        return switch (outcome.fate()) {
            case IMPORTED -> new ApiResponse(201, "application/json", result(outcome.leadId(), "created"),
                    "/leads/" + outcome.leadId(), false);
            case MERGED -> new ApiResponse(200, "application/json", result(outcome.leadId(), "merged"), null, false);
            case REOPENED -> new ApiResponse(200, "application/json", result(outcome.leadId(), "reopened"), null, false);
            case DUPLICATE -> new ApiResponse(200, "application/json", result(outcome.leadId(), "duplicate"), null, false);
            case BLOCKED -> problemResponse(new ApiProblem(ProblemTypes.DO_NOT_CALL, "Phone number blocked", 422,
                    outcome.reason().englishDetail(),
                    List.of(new ApiProblem.FieldError("#/phone", outcome.reason().englishDetail(), outcome.reason().code()))), instance);
            case REJECTED, BLANK -> throw new IllegalStateException("Admission does not reject: " + outcome.fate());
        };
    }

    private String result(long leadId, String result) {
        return json.writeValueAsString(new LeadSubmissionResult(leadId, result));
    }

    private ApiResponse problemResponse(ApiProblem problem, String instance) {
        return new ApiResponse(problem.status(), ApiProblem.MEDIA_TYPE, json.writeValueAsString(problem.toJson(instance)), null, false);
    }

    /** Reads the body as a JSON object; each field's value may be text, a number or, for consent, a boolean. */
    private LeadInput parse(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new ApiProblemException(ApiProblem.of(ProblemTypes.MALFORMED_REQUEST, "Malformed JSON", 400,
                    "The request body is not valid JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new ApiProblemException(ApiProblem.of(ProblemTypes.MALFORMED_REQUEST, "Malformed JSON", 400,
                    "The request body must be a JSON object."));
        }
        Map<LeadField, String> values = new EnumMap<>(LeadField.class);
        List<ApiProblem.FieldError> typeErrors = new java.util.ArrayList<>();
        for (LeadField field : LeadField.values()) {
            JsonNode value = root.get(field.property());
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isString() || value.isNumber() || (value.isBoolean() && field == LeadField.CONSENT)) {
                values.put(field, value.isIntegralNumber() ? value.bigIntegerValue().toString() : value.asString());
            } else {
                typeErrors.add(new ApiProblem.FieldError("#/" + field.property(),
                        field == LeadField.CONSENT ? "Must be a boolean." : "Must be a string.", "wrong-type"));
            }
        }
        if (!typeErrors.isEmpty()) {
            throw new ApiProblemException(new ApiProblem(ProblemTypes.MALFORMED_REQUEST, "Wrong JSON types", 400,
                    typeErrors.size() == 1 ? "1 field has the wrong type." : typeErrors.size() + " fields have the wrong type.",
                    typeErrors));
        }
        return new LeadInput(values);
    }

    private static ApiProblem.FieldError fieldError(FieldProblem problem) {
        RejectionReason reason = problem.reason();
        String pointer = problem.field() == null ? (reason == RejectionReason.NAME_OR_PHONE_REQUIRED ? "#/phone" : "#")
                : "#/" + problem.field().property();
        String detail = problem.field() == LeadField.ALTERNATE_PHONE && reason.name().startsWith("PHONE_")
                ? "Alternate phone: " + reason.englishDetail() : reason.englishDetail();
        return new ApiProblem.FieldError(pointer, detail, reason.code());
    }

    private void recordSubmission(ApiKeys.Caller caller, Fate fate, Long leadId, RejectionReason reason) {
        jdbc.sql("""
                        insert into intake_submission (source_id, api_key_id, received_at, fate, lead_id, reason)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .params(caller.sourceId(), caller.keyId(), Timestamp.from(clock.instant()), fate.name(), leadId,
                        reason == null ? null : reason.name())
                .update();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
