package io.smartlb.backend;

/**
 * A message from elsewhere (an upstream's bytes inside an exception, a custom backend's text) as a
 * log line or a job's error may show it: its first line, control characters escaped, at most
 * {@value #MOST} characters. An upstream that answers a 100 KB status line made one WARN line of
 * that length, with its bell character.
 */
public final class Brief {

    /** The longest text kept. */
    public static final int MOST = 200;

    private Brief() {
    }

    /** Returns {@code text} cut to its first line and {@link #MOST} characters, control characters escaped. */
    public static String of(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder brief = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || brief.length() >= MOST) {
                return brief.append("...").toString();
            }
            if (c < 0x20 || c == 0x7f) {
                brief.append(String.format("\\u%04x", (int) c));
            } else {
                brief.append(c);
            }
        }
        return brief.toString();
    }
}
