package io.smartlb.sim;

/** A bad command line or unusable input; {@code simulate} prints the message and exits with 2. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
