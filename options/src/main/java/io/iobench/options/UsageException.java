package io.iobench.options;

/**
 * A mistake in what the user typed. Its message is one line saying what was wrong and what to do; commands
 * print it and exit with {@link #EXIT_CODE}, without a stack trace.
 */
public final class UsageException extends RuntimeException {

    /** The exit code for usage errors, as sysexits and most Unix tools use it. */
    public static final int EXIT_CODE = 2;

    public UsageException(String message) {
        super(message, null, false, false);
    }
}
