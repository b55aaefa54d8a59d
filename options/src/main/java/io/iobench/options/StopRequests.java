package io.iobench.options;

import java.io.IOException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The one way iobench's long-running commands learn that they must end early: SIGINT, SIGTERM and, when asked,
 * end of file on stdin. The first request wins and is kept ({@link #cause()}); what the command does about it is
 * its own (the server closes and exits 0, the load client writes nothing and exits with the cause's code).
 *
 * <pre>
 * try (StopRequests stop = StopRequests.onSignals()) {
 *     if (exitOnStdinEof) {
 *         stop.watchStdin();
 *     }
 *     stop.onRequest(cause -&gt; run.stop());
 *     ...
 *     return stop.cause().map(StopCause::exitCode).orElse(CommandShell.OK);
 * }
 * </pre>
 *
 * <p>Why stdin: a child cannot catch its parent's SIGKILL, and its parent's death is not signalled to it, but the
 * kernel closes every descriptor of a dead process, so a pipe the parent holds to the child's stdin reads end of
 * file at once, however the parent died. The same holds through ssh, whose session ends the remote stdin when it
 * drops. It is opt-in ({@code --exit-on-stdin-eof}): a command started from a terminal or with stdin from
 * {@code /dev/null} must not take that for a request to stop.
 */
public final class StopRequests implements AutoCloseable {

    private final CompletableFuture<StopCause> first = new CompletableFuture<>();
    private final Map<Signal, SignalHandler> replaced = new LinkedHashMap<>();

    /** Requests that come only from {@link #request}: for tests, which must not take over the JVM's signals. */
    public StopRequests() {
    }

    /** Catches SIGINT and SIGTERM, instead of the JVM's default of exiting at once, until {@link #close()}. */
    public static StopRequests onSignals() {
        StopRequests stop = new StopRequests();
        for (StopCause cause : new StopCause[] {StopCause.SIGINT, StopCause.SIGTERM}) {
            Signal signal = cause.signal();
            stop.replaced.put(signal, Signal.handle(signal, s -> stop.request(cause)));
        }
        return stop;
    }

    /**
     * Also requests a stop when stdin reaches end of file, read by a daemon thread that throws away whatever lines
     * arrive. Only for a process whose stdin is a pipe held by whoever started it: never where stdin belongs to
     * someone else, such as a test runner talking to its forked JVM.
     */
    public StopRequests watchStdin() {
        return watchStdin(line -> {
            // What arrives means nothing here; only the end of the stream does.
        });
    }

    /**
     * As {@link #watchStdin()}, handing every line that arrives to {@code lines} (such as a {@link GoSignal}): the
     * one reader of stdin, so that a line and the end of the stream are never read by two threads racing.
     */
    public StopRequests watchStdin(Consumer<String> lines) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Thread.ofPlatform().daemon().name("stdin-watch").start(() -> {
            try {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.accept(line);
                }
            } catch (IOException e) {
                // A stdin that cannot be read is as gone as a closed one.
            }
            request(StopCause.STDIN_CLOSED);
        });
        return this;
    }

    /** Records {@code cause} unless a stop was requested already; safe from a signal handler. */
    public void request(StopCause cause) {
        first.complete(cause);
    }

    /** @return whether a stop was requested */
    public boolean requested() {
        return first.isDone();
    }

    /** @return the first cause a stop was requested for, or empty */
    public Optional<StopCause> cause() {
        return Optional.ofNullable(first.getNow(null));
    }

    /** Runs {@code action} with the cause once a stop is requested: at once if it already was. */
    public void onRequest(Consumer<StopCause> action) {
        first.thenAccept(action);
    }

    /** Waits for a stop request and returns its cause. */
    public StopCause await() throws InterruptedException {
        try {
            return first.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a stop request is never completed exceptionally", e);
        }
    }

    /** Gives SIGINT and SIGTERM back to the handlers they had before; a stdin watch, if any, goes on. */
    @Override
    public void close() {
        replaced.forEach(Signal::handle);
    }
}
