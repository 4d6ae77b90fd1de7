package io.cupboard.intake.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem details object as the intake API returns it ({@code application/problem+json}),
 * in English. Field errors carry a JSON Pointer into the request body, such as {@code #/phone}.
 *
 * @param type   a URN that names the kind of problem, for clients to branch on
 * @param errors the invalid fields, empty when the problem is not about fields
 */
record ApiProblem(String type, String title, int status, String detail, List<FieldError> errors) {

    static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: where it is, what is wrong, and a stable code for the reason. */
    record FieldError(String pointer, String detail, String code) {
    }

    ApiProblem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    static ApiProblem of(String type, String title, int status, String detail) {
        return new ApiProblem(type, title, status, detail, List.of());
    }

    /** Returns the members in the order of RFC 9457, with {@code errors} only when there are any. */
    Map<String, Object> toJson(String instance) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", type);
        json.put("title", title);
        json.put("status", status);
        json.put("detail", detail);
        json.put("instance", instance);
        if (!errors.isEmpty()) {
            json.put("errors", errors.stream().map(error -> {
                Map<String, Object> member = new LinkedHashMap<>();
                member.put("pointer", error.pointer());
                member.put("detail", error.detail());
                member.put("code", error.code());
                return member;
            }).toList());
        }
        return json;
    }
}
