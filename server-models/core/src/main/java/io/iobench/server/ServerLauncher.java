package io.iobench.server;

import io.iobench.options.CommandShell;
import io.iobench.options.StopRequests;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Starts one model's echo server in this process and keeps it until SIGTERM or SIGINT.
 *
 * <pre>
 * iobench server --model NAME [--bind 127.0.0.1] [--port 0] [--threads N] [--max-connections N]
 *                [--exit-on-stdin-eof] [--debug]
 * </pre>
 *
 * Once the server accepts connections it prints exactly one line on stdout, which the sweep waits for:
 * <pre>READY model=NAME port=PORT pid=PID threads=N</pre>
 * where N is the IO or worker threads the server runs ({@link EchoServer#ioThreads()}, 0 for a thread per
 * connection). Without {@code --max-connections} the cap is set just before that line, when the model holds every
 * descriptor it needs ({@link ServerOptions#defaultMaxConnections()}).
 * On SIGTERM or SIGINT (and, with {@code --exit-on-stdin-eof}, at end of file on stdin) it closes every socket and
 * thread, prints its connection counters on stderr and exits 0. Mistakes in the options exit 2, and a server that
 * cannot start, or fails while it runs (an error no thread of the model caught), exits 1, each with one line on
 * stderr.
 */
public final class ServerLauncher {

    /** The prefix of the line printed once the server accepts connections. */
    public static final String READY = "READY";

    static final String USAGE = """
            usage: iobench server --model NAME [--bind 127.0.0.1] [--port 0] [--threads N] [--max-connections N]
                                  [--exit-on-stdin-eof] [--debug]
              --max-connections N  connections served at once, the rest refused and counted; by default what the
                                   descriptor limit leaves beside those the JVM and the started model hold
              --exit-on-stdin-eof  stop as on SIGTERM when stdin reaches end of file: for a starter that holds a
                                   pipe to it (the sweep, an ssh session), not for a terminal or /dev/null""";

    private static final CommandShell SHELL = CommandShell.of("server", USAGE);

    private ServerLauncher() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the server until it is asked to stop; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return SHELL.run(args, out, err, arguments -> {
            LauncherOptions options = LauncherOptions.parse(arguments);
            IoModel io = options.ioModel();
            // Watching from the start: a starter that dies while the model starts must not leave it running.
            try (StopRequests stop = StopRequests.onSignals()) {
                if (options.exitOnStdinEof()) {
                    stop.watchStdin();
                }
                EchoServer server = start(io, options.serverOptions());
                if (options.maxConnections() == null) {
                    server.ledger().capAt(ServerOptions.defaultMaxConnections());
                }
                serve(options.model(), server, stop, out, err);
                return CommandShell.OK;
            }
        });
    }

    private static EchoServer start(IoModel io, ServerOptions options) throws IOException {
        try {
            return io.start(options);
        } catch (BindException e) {
            throw new IOException("cannot bind: " + e.getMessage()
                    + " (is the port in use, or the address not on this host?)", e);
        } catch (IOException | UnsupportedOperationException e) {
            throw new IOException("cannot start: " + e.getMessage(), e);
        }
    }

    /**
     * Serves until a stop is requested or a thread of the server dies of an error nobody caught, then closes the
     * server and prints its counters.
     *
     * @throws IOException saying what failed, in one line, when a thread died: whatever broke it would break the
     *         next connection too, so the server ends rather than serving end of stream to every client
     */
    private static void serve(String model, EchoServer server, StopRequests stop, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        stop.onRequest(cause -> ended.countDown());
        try (UncaughtErrors errors = UncaughtErrors.install(ended::countDown)) {
            out.println(READY + " model=" + model + " port=" + server.port() + " pid=" + ProcessHandle.current().pid()
                    + " threads=" + server.ioThreads());
            out.flush();
            ended.await();
            server.close();
            err.println("STOPPED model=" + model + " " + server.ledger());
            Optional<UncaughtErrors.Death> death = errors.first();
            if (death.isPresent()) {
                throw new IOException("the " + model + " server failed and cannot go on: " + death.get(),
                        death.get().error());
            }
        }
    }
}
