package io.smartlb.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Refuses a JSON body that is not well-formed UTF-8 with 400, naming the first bad byte. The parser
 * is lenient where RFC 8259 (section 8.1) is not: it read the overlong {@code C0 AE} as {@code .}
 * (so {@code "m\xC0\xAE1"} passed as model {@code m.1}) and a body in UTF-16, guessed from its zero
 * bytes, as JSON. A zero byte is valid UTF-8 but never valid JSON text outside an escape, so it is
 * refused too. {@code /forward} bodies are bytes, not read here.
 */
@Provider
public class Utf8Body implements ReaderInterceptor {

    private static final int CHUNK = 4096;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || context.getType() == byte[].class) {
            return context.proceed();  // not JSON, or a pass-through body
        }
        byte[] body = context.getInputStream().readAllBytes();
        check(body);
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /** Throws a 400 problem when {@code body} is not UTF-8, or has a zero byte. */
    static void check(byte[] body) {
        for (byte b : body) {
            if (b == 0) {
                throw new ApiProblem(400, "body: has a zero byte; JSON is read as UTF-8 (RFC 8259), not UTF-16 or UTF-32",
                        Map.of("field", "body"));
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(CHUNK);  // decoded text is not kept: only its bytes are checked
        CoderResult result;
        do {
            out.clear();
            result = decoder.decode(in, out, true);
            if (result.isError()) {
                throw notUtf8(in.position(), body[in.position()]);
            }
        } while (result.isOverflow());
    }

    private static ApiProblem notUtf8(int offset, byte at) {
        return new ApiProblem(400, String.format("body: not valid UTF-8 at byte %d (0x%02X); JSON is read as UTF-8 (RFC 8259)",
                offset, at & 0xFF), Map.of("field", "body"));
    }
}
