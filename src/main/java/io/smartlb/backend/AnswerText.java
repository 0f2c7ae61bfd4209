package io.smartlb.backend;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an upstream's answer reads, from its {@code Content-Type}: whether it is JSON (the media
 * type {@code application/json}, or any {@code .../json} or {@code ...+json}, in any case, RFC 9110
 * section 8.3.1), and the charset its text is in (the declared one, else UTF-8).
 */
final class AnswerText {

    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^;\"\\s]+)");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private AnswerText() {
    }

    /** Returns whether {@code contentType} names JSON. */
    static boolean isJson(String contentType) {
        int end = contentType.indexOf(';');
        String type = (end < 0 ? contentType : contentType.substring(0, end)).strip().toLowerCase(Locale.ROOT);
        int slash = type.indexOf('/');
        String subtype = slash < 0 ? "" : type.substring(slash + 1);
        return subtype.equals("json") || subtype.endsWith("+json");
    }

    /** Returns whether {@code contentType} declares a charset. */
    static boolean declaresCharset(String contentType) {
        return CHARSET.matcher(contentType).find();
    }

    /** Returns the charset {@code contentType} declares (text/plain; charset=iso-8859-1), else UTF-8. */
    static Charset charsetOf(String contentType) {
        Matcher declared = CHARSET.matcher(contentType);
        if (declared.find()) {
            try {
                return Charset.forName(declared.group(1));
            } catch (IllegalArgumentException e) {
                // unknown or malformed name: read it as UTF-8, as an undeclared one
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** Returns {@code body} as text in the charset {@code contentType} declares, without a leading byte order mark. */
    static String decode(byte[] body, String contentType) {
        String text = new String(body, charsetOf(contentType));
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    /** Returns the first {@code chars} characters of {@code body} as text, with "..." when there is more. */
    static String start(byte[] body, String contentType, int chars) {
        String text = decode(body, contentType);
        if (text.length() <= chars) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(chars - 1)) ? chars - 1 : chars;  // never half a character
        return text.substring(0, end) + "...";
    }
}
