package io.smartlb.api;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Refuses a job body that is not well-formed UTF-8 with 400, naming the first bad byte. The parser
 * is lenient where RFC 8259 (section 8.1) is not: it read the overlong {@code C0 AE} as {@code .}
 * (so {@code "m\xC0\xAE1"} passed as model {@code m.1}) and a body in UTF-16, guessed from its zero
 * bytes, as JSON. A zero byte is valid UTF-8 but never valid JSON text outside an escape, so it is
 * refused too. Called by the resource on the bytes it parses: as a JAX-RS reader interceptor it
 * cost POST /jobs about a quarter of its rate in {@code bench/rest.sh}.
 */
final class Utf8Body {

    private Utf8Body() {
    }

    /**
     * Throws a 400 problem when {@code body} is not UTF-8, or has a zero byte; returns its text, or
     * null when it is all ASCII (the usual body, which the parser reads as bytes: no decoding).
     */
    static String text(byte[] body) {
        boolean ascii = true;
        for (byte b : body) {
            if (b == 0) {
                throw new ApiProblem(400, "body: has a zero byte; JSON is read as UTF-8 (RFC 8259), not UTF-16 or UTF-32",
                        Map.of("field", "body"));
            }
            ascii &= b > 0;
        }
        if (ascii) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);  // UTF-8 never has more chars than bytes
        CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, out, true);
        if (result.isError()) {
            throw notUtf8(in.position(), body[in.position()]);
        }
        return out.flip().toString();
    }

    private static ApiProblem notUtf8(int offset, byte at) {
        return new ApiProblem(400, String.format("body: not valid UTF-8 at byte %d (0x%02X); JSON is read as UTF-8 (RFC 8259)",
                offset, at & 0xFF), Map.of("field", "body"));
    }
}
