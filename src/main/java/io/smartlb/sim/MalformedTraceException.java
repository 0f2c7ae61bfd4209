package io.smartlb.sim;

import java.io.IOException;

/** Thrown when a trace file breaks the format; the message names the file and, when known, the line. */
public final class MalformedTraceException extends IOException {

    private static final long serialVersionUID = 1L;

    public MalformedTraceException(String message) {
        super(message);
    }
}
