package io.smartlb.api;

import java.util.Map;

/**
 * An error answer with its HTTP status, turned into {@code application/problem+json} by
 * {@link ProblemMappers}. {@code extra} members are added to the problem body.
 */
final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, Object> extra;

    ApiProblem(int status, String detail, Map<String, Object> extra) {
        super(detail, null, false, false);
        this.status = status;
        this.extra = extra;
    }

    static ApiProblem badRequest(String field, String problem) {
        return new ApiProblem(400, field + ": " + problem, Map.of("field", field));
    }

    static ApiProblem notFound(String what) {
        return new ApiProblem(404, what + " not found", Map.of());
    }

    int status() {
        return status;
    }

    Map<String, Object> extra() {
        return extra;
    }
}
