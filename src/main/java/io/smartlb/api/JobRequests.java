package io.smartlb.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartlb.core.Job;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

/** Checks {@code POST /jobs} input; each failure names its field. */
final class JobRequests {

    static final int MAX_IDEMPOTENCY_KEY = 200;
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}");
    private static final String MODEL_RULE = "1-128 chars of [A-Za-z0-9._:/-], starting with a letter or digit";

    private JobRequests() {
    }

    /**
     * Reads a job body with the service's mapper, as JAX-RS would: as bytes when {@code text} is
     * null (an ASCII body), else as that text, its UTF-8 decoding (a leading byte order mark
     * dropped, as RFC 8259 allows): from bytes the parser calls a misplaced non-ASCII character
     * "Invalid UTF-8", which the body is not. An empty body is no request, which {@link #check}
     * refuses.
     */
    static SubmitRequest parse(ObjectMapper json, byte[] body, String text) throws JsonProcessingException {
        if (body.length == 0) {
            return null;
        }
        if (text != null) {
            return json.readValue(text.startsWith("\uFEFF") ? text.substring(1) : text, SubmitRequest.class);
        }
        try {
            return json.readValue(body, SubmitRequest.class);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("reading bytes in memory", e);  // none is read from a stream
        }
    }

    static void check(SubmitRequest request, String idempotencyKey) {
        if (request == null) {
            throw ApiProblem.badRequest("body", "a JSON object with a 'model' is required");
        }
        if (request.model() == null || request.model().isEmpty()) {
            throw ApiProblem.badRequest("model", "is required: " + MODEL_RULE);
        }
        if (!MODEL.matcher(request.model()).matches()) {
            throw ApiProblem.badRequest("model", "must be " + MODEL_RULE);
        }
        if (request.priority() != null
                && (!Double.isFinite(request.priority()) || Math.abs(request.priority()) > Job.MAX_PRIORITY)) {
            throw ApiProblem.badRequest("priority", "must be a number within +-" + (long) Job.MAX_PRIORITY + " seconds");
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw ApiProblem.badRequest("Idempotency-Key", "must be 1-" + MAX_IDEMPOTENCY_KEY + " characters");
        }
    }

    /** Refuses a header or query parameter given more than once: which one counts would be a guess. */
    static void atMostOnce(String field, List<String> values) {
        if (values != null && values.size() > 1) {
            throw ApiProblem.badRequest(field, "given " + values.size() + " times; send it once");
        }
    }

    /** Reads {@code ?wait=}: true or false, any case; absent or empty ({@code ?wait}) means true. */
    static boolean waitFlag(String wait) {
        if (wait == null || wait.isEmpty() || wait.equalsIgnoreCase("true")) {
            return true;
        }
        if (wait.equalsIgnoreCase("false")) {
            return false;
        }
        throw ApiProblem.badRequest("wait", "must be true or false");
    }
}
