package io.iobench.server;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Catches what no thread of a running server caught. A model handles what a connection can do to it (resets, a
 * full descriptor table, a failed thread start); anything else that reaches the top of one of its threads means
 * the model or the JVM under it is broken, as virtual threads were when the JDK's poller could not open: each
 * connection's thread died with {@code NoClassDefFoundError}, its client saw end of stream, and the JVM printed a
 * stack trace for every one. The first such death is kept, and ends the server; the rest are not printed.
 *
 * <p>The JVM's default handler is replaced while installed, so it sees the threads of every model, platform and
 * virtual alike.
 */
final class UncaughtErrors implements Thread.UncaughtExceptionHandler, AutoCloseable {

    /** A thread that died, and of what. */
    record Death(String thread, Throwable error) {
        @Override
        public String toString() {
            return error + " (thread " + thread + ")";
        }
    }

    private final AtomicReference<Death> first = new AtomicReference<>();
    private final Runnable onFirst;
    private final Thread.UncaughtExceptionHandler replaced;

    private UncaughtErrors(Runnable onFirst) {
        this.onFirst = onFirst;
        this.replaced = Thread.getDefaultUncaughtExceptionHandler();
    }

    /** Becomes the JVM's default handler until closed; {@code onFirst} runs once, when the first thread dies. */
    static UncaughtErrors install(Runnable onFirst) {
        UncaughtErrors errors = new UncaughtErrors(onFirst);
        Thread.setDefaultUncaughtExceptionHandler(errors);
        return errors;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        if (first.compareAndSet(null, new Death(thread.getName(), error))) {
            onFirst.run();
        }
    }

    /** @return the first thread that died of an uncaught error, if any did */
    Optional<Death> first() {
        return Optional.ofNullable(first.get());
    }

    @Override
    public void close() {
        Thread.setDefaultUncaughtExceptionHandler(replaced);
    }
}
