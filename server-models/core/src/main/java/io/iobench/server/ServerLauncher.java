package io.iobench.server;

import io.iobench.options.CommandShell;
import io.iobench.options.Flags;
import io.iobench.options.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import sun.misc.Signal;

/**
 * Starts one model's echo server in this process and keeps it until SIGTERM or SIGINT.
 *
 * <pre>
 * iobench server --model NAME [--bind 127.0.0.1] [--port 0] [--threads N] [--max-connections N] [--debug]
 * </pre>
 *
 * Once the server accepts connections it prints exactly one line on stdout, which the sweep waits for:
 * <pre>READY model=NAME port=PORT pid=PID</pre>
 * On SIGTERM or SIGINT it closes every socket and thread, prints its connection counters on stderr and exits 0.
 * Mistakes in the options exit 2 and a server that cannot start exits 1, each with one line on stderr.
 */
public final class ServerLauncher {

    /** The prefix of the line printed once the server accepts connections. */
    public static final String READY = "READY";

    static final String USAGE = "usage: iobench server --model NAME [--bind 127.0.0.1] [--port 0] [--threads N]"
            + " [--max-connections N] [--debug]";

    private static final CommandShell SHELL = CommandShell.of("server", USAGE);

    private ServerLauncher() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the server until a signal arrives; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return SHELL.run(args, out, err, arguments -> {
            Flags flags = Flags.parse(arguments, Set.of("model", "bind", "port", "threads", "max-connections"),
                    Set.of());
            String model = flags.required("model");
            IoModel io = IoModels.named(model).orElseThrow(() -> new UsageException(
                    "unknown model '" + model + "'; known models: " + IoModels.all().stream()
                            .map(IoModel::name).collect(Collectors.joining(", "))));
            ServerOptions options = new ServerOptions(
                    bindAddress(flags.stringValue("bind", "127.0.0.1")),
                    flags.intValue("port", 0, 0, 65535),
                    flags.intValue("threads", 0, 0, 4096),
                    flags.intValue("max-connections", ServerOptions.defaultMaxConnections(), 1, Integer.MAX_VALUE),
                    ServerOptions.DEFAULT_BACKLOG);
            EchoServer server = start(io, options);
            serveUntilSignalled(model, server, out, err);
            return CommandShell.OK;
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

    private static void serveUntilSignalled(String model, EchoServer server, PrintStream out, PrintStream err) {
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), s -> stop.countDown());
        Signal.handle(new Signal("INT"), s -> stop.countDown());
        out.println(READY + " model=" + model + " port=" + server.port() + " pid=" + ProcessHandle.current().pid());
        out.flush();
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
        err.println("STOPPED model=" + model + " " + server.ledger());
    }

    private static InetAddress bindAddress(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new UsageException("--bind takes an address of this host such as 127.0.0.1, got '" + text + "'");
        }
    }
}
