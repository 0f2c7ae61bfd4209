package io.smartlb.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.smartlb.core.QueueFullException;
import io.smartlb.core.ShutdownException;
import io.smartlb.service.DataTooLargeException;
import io.smartlb.service.IdempotencyKeyReusedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/** Every error answer as {@code application/problem+json}; never a stack trace. */
public class ProblemMappers {

    // notes to programmers in Jackson's messages: where the source is (redacted), a feature to enable
    private static final Pattern SOURCE_AT = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)]");
    private static final Pattern SOURCE_NOTE = Pattern.compile("\\s*\\[Source: [^\\]]*]");
    // ", from `StreamReadConstraints.getMaxNestingDepth()`" in a limit's message: a note to programmers
    private static final Pattern LIMIT_SOURCE = Pattern.compile(",\\s*from `[^`]*`");
    private static final Pattern FEATURE_HINT = Pattern.compile(":?\\s*enable `\\w+Feature\\.[A-Z_]+` to allow");
    // "(not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)" after a '/' or '#'
    private static final Pattern COMMENTS_NOT_ENABLED = Pattern.compile("\\s*\\([^()]*Feature '\\w*COMMENTS' not enabled for parser\\)");
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e) {
        return Problems.problem(e.status(), e.getMessage(), e.extra()).build();
    }

    @ServerExceptionMapper
    public Response queueFull(QueueFullException e) {
        return Problems.problem(429, e.getMessage(), Map.of()).header("Retry-After", "1").build();
    }

    @ServerExceptionMapper
    public Response tooLarge(DataTooLargeException e) {
        return Problems.problem(413, e.getMessage(), Map.of()).build();
    }

    @ServerExceptionMapper
    public Response keyReused(IdempotencyKeyReusedException e) {
        return Problems.problem(422, e.getMessage(), Map.of("field", "Idempotency-Key", "jobId", Long.toString(e.jobId()))).build();
    }

    @ServerExceptionMapper
    public Response shuttingDown(ShutdownException e) {
        return Problems.problem(503, e.getMessage(), Map.of()).header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    public Response invalidJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException && e.getCause() instanceof JsonParseException parse) {
            // broken JSON inside a field's value ({"data": [1, 2}}): the JSON is wrong, not the field's type
            return invalidJson(parse);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String problem = e.getCause() instanceof NumberFormatException ? ": has a number too large to read"
                    : e.getCause() instanceof StreamConstraintsException limit ? ": is past the parser's limits: "
                            + LIMIT_SOURCE.matcher(limit.getOriginalMessage()).replaceAll("")
                    : ": has the wrong type or shape";
            return Problems.problem(400, field + problem, Map.of("field", field)).build();
        }
        if (e instanceof MismatchedInputException) {
            // the JSON parsed but is not one object: say so without naming our classes
            return Problems.problem(400, e.getOriginalMessage().startsWith("Trailing token")
                    ? "body: content after the JSON object" : "body: must be a JSON object", Map.of("field", "body")).build();
        }
        String problem = e instanceof StreamConstraintsException ? "body: is past the parser's limits: " : "body: not valid JSON: ";
        return Problems.problem(400, problem + parserWords(e), Map.of("field", "body")).build();
    }

    // the parser's message without its notes to programmers (a redacted source, a feature to enable),
    // and where in the body it stopped
    static String parserWords(JsonProcessingException e) {
        String words = SOURCE_AT.matcher(e.getOriginalMessage()).replaceAll("line $1, column $2");
        words = SOURCE_NOTE.matcher(words).replaceAll("");
        words = FEATURE_HINT.matcher(words).replaceAll("");
        words = COMMENTS_NOT_ENABLED.matcher(words).replaceAll(" JSON has no comments");
        words = LIMIT_SOURCE.matcher(words).replaceAll("").strip();
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? words : words + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    // Quarkus maps this subtype itself unless a mapper names it
    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e) {
        return invalidJson(e);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, Request request) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        Throwable cause = e.getCause();
        if (status == 400 && cause instanceof JsonProcessingException json) {
            return invalidJson(json);
        }
        String allow = original == null ? null : original.getHeaderString("Allow");
        String methods = allow;  // what the detail tells the client to use
        if (allow == null && status == 405) {
            methods = AllowedMethods.forPath(uri.getPath()).orElse(null);
            allow = methods == null ? null : AllowedMethods.withOptions(methods);  // as OPTIONS answers
        }
        Response.ResponseBuilder problem = Problems.problem(status, detail(status, e, request.getMethod(), uri.getPath(), methods), Map.of());
        if (allow != null) {
            problem.header("Allow", allow);
        }
        return problem.build();
    }

    // the framework's own words name its annotations (@Consumes, @Produces) and its matching
    // ("Unable to find matching target resource method"); say what the client can change
    private static String detail(int status, WebApplicationException e, String method, String path, String allow) {
        return switch (status) {
            case 415 -> "Content-Type: this endpoint reads application/json";
            case 406 -> "Accept: this endpoint answers application/json";
            case 404 -> "nothing at " + path + "; the API is /jobs, /jobs/{id}, /workers, /queue and /forward/{path}";
            case 405 -> method + " is not allowed on " + path + (allow == null ? "" : "; use " + allow);
            default -> e.getMessage();
        };
    }

    /**
     * A body that could not be read. Quarkus answers a chunked body over
     * {@code quarkus.http.limits.max-body-size} itself (a bare 413, connection closed) and then
     * fails the read; that answer is out, so this notes it in one line and writes nothing more.
     */
    @ServerExceptionMapper
    public Response unreadableBody(IOException e, ServerRequestContext context) {
        if (!context.serverResponse().headWritten()) {
            return unexpected(e);
        }
        LOG.infof("request body not read (%s); the HTTP layer has answered", e.getMessage());
        return Response.status(413).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("unexpected error answering a request", e);
        return Problems.problem(500, "internal error; see the server log", Map.of()).build();
    }
}
