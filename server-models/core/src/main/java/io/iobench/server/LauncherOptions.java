package io.iobench.server;

import io.iobench.options.Flags;
import io.iobench.options.UsageException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The options of {@code iobench server}: which model, and how to serve it. {@link ServerLauncher} reads them with
 * {@link #parse}; the sweep and the JMH suites build them with {@link #of} and hand the launcher
 * {@link #toArguments()}, which {@link #parse} reads back as the same options.
 *
 * @param model          the model's name, as {@code iobench models} lists it
 * @param bind           the address to listen on
 * @param port           the TCP port, 0 for any free one
 * @param threads        IO or worker threads; null for the model's default ({@link Threading#defaultThreads()})
 * @param maxConnections connections served at once; null for {@link ServerOptions#defaultMaxConnections()} of the
 *                       process that serves them, once its model has started: it depends on that process's
 *                       descriptor limit and on what it holds
 * @param exitOnStdinEof whether to stop, as on SIGTERM, when stdin reaches end of file: set by whoever holds a
 *                       pipe to the server's stdin (the sweep, an ssh session), so that the server does not outlive
 *                       it ({@code --exit-on-stdin-eof})
 */
public record LauncherOptions(String model, InetAddress bind, int port, Integer threads, Integer maxConnections,
                              boolean exitOnStdinEof) {

    /** The most threads a server may be asked for: a pool sized to 65,536 connections. */
    public static final int MAX_THREADS = 65_536;

    private static final Set<String> VALUED = Set.of("model", "bind", "port", "threads", "max-connections");
    private static final String EXIT_ON_STDIN_EOF = "exit-on-stdin-eof";

    public LauncherOptions {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(bind, "bind");
        if (port < 0 || port > 65535) {
            throw new UsageException("--port must be between 0 and 65535, got " + port);
        }
        if (threads != null && (threads < 1 || threads > MAX_THREADS)) {
            throw new UsageException("--threads must be between 1 and " + MAX_THREADS + ", got " + threads
                    + " (leave it out for the model's default)");
        }
        if (maxConnections != null && maxConnections < 1) {
            throw new UsageException("--max-connections must be at least 1, got " + maxConnections);
        }
    }

    /** {@code model} on loopback, any free port, its default threads and connection cap. */
    public static LauncherOptions of(String model) {
        return new LauncherOptions(model, InetAddress.getLoopbackAddress(), 0, null, null, false);
    }

    /** These options with {@code count} threads; null for the model's default. */
    public LauncherOptions withThreads(Integer count) {
        return new LauncherOptions(model, bind, port, count, maxConnections, exitOnStdinEof);
    }

    /** These options listening on {@code address}: a server on another host binds the address named for it. */
    public LauncherOptions boundTo(InetAddress address) {
        return new LauncherOptions(model, address, port, threads, maxConnections, exitOnStdinEof);
    }

    /** These options for a server whose stdin is a pipe held by its starter: it stops when the pipe closes. */
    public LauncherOptions exitingOnStdinEof() {
        return new LauncherOptions(model, bind, port, threads, maxConnections, true);
    }

    /** Reads the command line; {@code --help} and {@code --debug} are the command shell's. */
    static LauncherOptions parse(List<String> args) {
        Flags flags = Flags.parse(args, VALUED, Set.of(EXIT_ON_STDIN_EOF));
        return new LauncherOptions(flags.required("model"), bindAddress(flags.stringValue("bind", "127.0.0.1")),
                flags.intValue("port", 0, 0, 65535),
                flags.has("threads") ? flags.intValue("threads", 0, 0, Integer.MAX_VALUE) : null,
                flags.has("max-connections") ? flags.intValue("max-connections", 0, 1, Integer.MAX_VALUE) : null,
                flags.has(EXIT_ON_STDIN_EOF));
    }

    /** The command line {@link #parse} reads back as these options. */
    public List<String> toArguments() {
        List<String> args = new ArrayList<>(List.of("--model", model, "--bind", bind.getHostAddress(),
                "--port", Integer.toString(port)));
        if (threads != null) {
            args.addAll(List.of("--threads", Integer.toString(threads)));
        }
        if (maxConnections != null) {
            args.addAll(List.of("--max-connections", Integer.toString(maxConnections)));
        }
        if (exitOnStdinEof) {
            args.add("--" + EXIT_ON_STDIN_EOF);
        }
        return args;
    }

    /** The model these options name, once it is known to take the threads given. */
    IoModel ioModel() {
        IoModel io = IoModels.named(model).orElseThrow(() -> new UsageException(
                "unknown model '" + model + "'; known models: " + IoModels.all().stream()
                        .map(IoModel::name).collect(Collectors.joining(", "))));
        io.threading().check(model, threads);
        return io;
    }

    /** How the model's server is to serve, its connection cap resolved in this process. */
    ServerOptions serverOptions() {
        return new ServerOptions(bind, port, threads == null ? 0 : threads,
                maxConnections != null ? maxConnections : ServerOptions.defaultMaxConnections(),
                ServerOptions.DEFAULT_BACKLOG);
    }

    private static InetAddress bindAddress(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new UsageException("--bind takes an address of this host such as 127.0.0.1, got '" + text + "'");
        }
    }
}
