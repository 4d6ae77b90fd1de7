package io.cupboard.intake.api;

import io.cupboard.intake.ApiKeys;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST intake API for web forms and lead-ad webhooks.
 */
@RestController
@RequestMapping("/api/v1/leads")
@Tag(name = "Leads", description = "Lead intake for web forms and lead-ad webhooks")
class IntakeApiController {

    private static final Logger log = LoggerFactory.getLogger(IntakeApiController.class);

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int SUBMIT_ATTEMPTS = 3;

    private final ApiSubmissions submissions;
    private final ProblemWriter problems;

    IntakeApiController(ApiSubmissions submissions, JsonMapper json) {
        this.submissions = submissions;
        this.problems = new ProblemWriter(json);
    }

    @PostMapping
    @Operation(summary = "Submit a lead",
            description = """
                    Creates a lead in status NEW with a first-contact task and allocates it. A lead whose phone (normalized to \
                    E.164, region IL) or e-mail matches an open lead joins it as a new inquiry (200, merged); one that matches a \
                    closed lead reopens it as renewed (200, reopened). A number on the do-not-call list, or, for an outbound \
                    source, in the national do-not-call registry, is blocked (422). Requests with the same Idempotency-Key \
                    within 24 hours return the first response.""",
            security = {@SecurityRequirement(name = OpenApiConfiguration.API_KEY), @SecurityRequirement(name = OpenApiConfiguration.BEARER)},
            parameters = @Parameter(name = IDEMPOTENCY_KEY, in = ParameterIn.HEADER,
                    description = "A unique key per lead, 1 to 255 visible ASCII characters, such as a UUID. A retry with the same "
                            + "key and body returns the stored response with the header Idempotency-Replayed: true.",
                    schema = @Schema(type = "string", maxLength = 255)))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = LeadSubmission.class)))
    @ApiResponse(responseCode = "201", description = "A new lead was created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = LeadSubmissionResult.class)))
    @ApiResponse(responseCode = "200", description = "The lead joined, reopened or repeated an existing lead",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = LeadSubmissionResult.class)))
    @ApiResponse(responseCode = "400", description = "Malformed JSON, wrong types or a malformed Idempotency-Key",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE))
    @ApiResponse(responseCode = "401", description = "Missing, unknown or revoked API key", content = @Content(mediaType = ApiProblem.MEDIA_TYPE))
    @ApiResponse(responseCode = "413", description = "The body exceeds the size limit", content = @Content(mediaType = ApiProblem.MEDIA_TYPE))
    @ApiResponse(responseCode = "415", description = "The body is not JSON", content = @Content(mediaType = ApiProblem.MEDIA_TYPE))
    @ApiResponse(responseCode = "422", description = "Invalid fields (with JSON Pointers in errors), a blocked number, or an "
            + "Idempotency-Key reused with another body", content = @Content(mediaType = ApiProblem.MEDIA_TYPE))
    @ApiResponse(responseCode = "429", description = "The key's requests per minute are used up; see Retry-After",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE))
    ResponseEntity<String> submit(@RequestBody(required = false) byte[] body,
                                  @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                  @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                                  @Parameter(hidden = true) @AuthenticationPrincipal ApiKeys.Caller caller,
                                  HttpServletRequest request) {
        if (!isJson(contentType)) {
            throw new ApiProblemException(ApiProblem.of(ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", 415,
                    "Send the lead as application/json."));
        }
        if (body == null || body.length == 0) {
            throw new ApiProblemException(ApiProblem.of(ProblemTypes.MALFORMED_REQUEST, "Missing body", 400,
                    "The request body must be a JSON object."));
        }
        ApiSubmissions.ApiResponse response = submitWithRetry(caller, body, idempotencyKey, request.getRequestURI());
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(response.status())
                .contentType(MediaType.parseMediaType(response.contentType()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (response.location() != null) {
            builder.header(HttpHeaders.LOCATION, response.location());
        }
        if (response.replayed()) {
            builder.header("Idempotency-Replayed", "true");
        }
        return builder.body(response.body());
    }

    /**
     * Submits again when a deadlock or lock timeout with another transaction rolled the submission
     * back: nothing of it was stored, not even its idempotency record.
     */
    private ApiSubmissions.ApiResponse submitWithRetry(ApiKeys.Caller caller, byte[] body, String idempotencyKey, String instance) {
        for (int attempt = 1; ; attempt++) {
            try {
                return submissions.submit(caller, body, idempotencyKey, instance);
            } catch (ConcurrencyFailureException e) {
                if (attempt >= SUBMIT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    @Hidden
    @RequestMapping(method = {RequestMethod.GET, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE})
    ResponseEntity<String> otherMethods(HttpServletRequest request) {
        return problem(ApiProblem.of(ProblemTypes.METHOD_NOT_ALLOWED, "Method not allowed", 405,
                "Only POST is supported on " + request.getRequestURI() + "."), request, HttpHeaders.ALLOW, "POST");
    }

    @ExceptionHandler(ApiProblemException.class)
    ResponseEntity<String> apiProblem(ApiProblemException exception, HttpServletRequest request) {
        return problem(exception.problem(), request, null, null);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<String> unreadable(HttpMessageNotReadableException exception, HttpServletRequest request) {
        if (exception.getCause() instanceof ApiLimitsFilter.RequestTooLargeException tooLarge) {
            return problem(ApiProblem.of(ProblemTypes.TOO_LARGE, "Request body too large", 413, tooLarge.getMessage() + "."),
                    request, null, null);
        }
        return problem(ApiProblem.of(ProblemTypes.MALFORMED_REQUEST, "Unreadable body", 400, "The request body could not be read."),
                request, null, null);
    }

    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<String> busy(ConcurrencyFailureException exception, HttpServletRequest request) {
        log.warn("API submission failed {} times on concurrent changes: {}", SUBMIT_ATTEMPTS, exception.getMessage());
        return problem(ApiProblem.of(ProblemTypes.BUSY, "Service busy", 503,
                "The lead could not be saved because of concurrent changes; nothing was stored. Retry the request."),
                request, HttpHeaders.RETRY_AFTER, "1");
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<String> failed(RuntimeException exception, HttpServletRequest request) {
        log.error("API submission failed", exception);
        return problem(ApiProblem.of(ProblemTypes.INTERNAL_ERROR, "Internal error", 500,
                "The lead could not be saved because of an internal error; nothing was stored. Retry later."), request, null, null);
    }

    private ResponseEntity<String> problem(ApiProblem problem, HttpServletRequest request, String header, String value) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(problem.status())
                .contentType(MediaType.parseMediaType(ApiProblem.MEDIA_TYPE))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (header != null) {
            builder.header(header, value);
        }
        return builder.body(problems.toJson(problem, request.getRequestURI()));
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.isCompatibleWith(type)
                    || ("application".equals(type.getType()) && type.getSubtype().endsWith("+json"));
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            return false;
        }
    }
}
