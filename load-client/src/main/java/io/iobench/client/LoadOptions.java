package io.iobench.client;

import io.iobench.client.engine.ClientIo;
import io.iobench.client.engine.EngineOptions;
import io.iobench.client.engine.LoadModel;
import io.iobench.client.load.ClosedLoop;
import io.iobench.client.load.OpenLoop;
import io.iobench.client.profile.GcLogProfiler;
import io.iobench.client.profile.Profilers;
import io.iobench.options.Flags;
import io.iobench.options.Quantities;
import io.iobench.options.UsageException;
import io.iobench.results.LoadMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The options of {@code iobench load}, checked: the one description of the client's command line. The command
 * reads them with {@link #parse}; the sweep builds them with {@link #builder} and hands the client
 * {@link #toArguments()}, which {@link #parse} reads back as the same options. Every mistake is a one-line
 * {@link UsageException} naming the flag, whichever way the options were made.
 *
 * @param target         the echo server
 * @param connections    connections carrying load
 * @param idleConnections extra connections opened and never used
 * @param sizeBytes      message size, 1 to {@link #MAX_SIZE_BYTES}
 * @param duration       the measured window
 * @param warmup         load before the window, not recorded
 * @param idleWindow     connections open and silent before the warm-up; zero for none, else at least
 *                       {@link #MIN_IDLE_WINDOW}
 * @param pipeline       closed loop: messages in flight per connection
 * @param rate           messages/s for an open loop, or null for a closed loop
 * @param serverPid      the server process to measure, or null
 * @param serverThreads  the IO or worker threads the server said it runs (0: a thread per connection), for the
 *                       record; null when not told
 * @param model          the label results carry, the model's name in a sweep
 * @param connectTimeout how long one connect may take
 * @param ioThreads      the client's IO threads
 * @param clientIo       how the IO threads talk to the kernel; null (auto) for io_uring where it works, else
 *                       selector
 * @param out            the run's directory
 * @param exitOnStdinEof whether to end the run, writing nothing, when stdin reaches end of file: set by whoever
 *                       holds a pipe to the client's stdin (the sweep, an ssh session), so that the client does not
 *                       outlive it ({@code --exit-on-stdin-eof})
 * @param awaitGo        whether to print {@code ARMED} once connected and settled and wait for a line {@code GO} on
 *                       stdin before the idle window, so that clients on several hosts start together
 *                       ({@code --await-go})
 * @param profilers      the profilers of the server over the measured window ({@code --prof}), by their names in
 *                       {@link io.iobench.results.RunProfile#NAMES}; empty for none
 */
public record LoadOptions(InetSocketAddress target, int connections, int idleConnections, int sizeBytes,
                          Duration duration, Duration warmup, Duration idleWindow, int pipeline, Long rate,
                          Long serverPid, Integer serverThreads, String model, Duration connectTimeout, int ioThreads, ClientIo clientIo,
                          Path out, boolean exitOnStdinEof, boolean awaitGo, List<String> profilers) {

    static final String USAGE = "usage: iobench load --target HOST:PORT --connections N [--idle-connections M]"
            + " [--size 64] [--duration 10s] [--warmup 2s] [--idle-window 2s] [--pipeline K | --rate R]"
            + " [--server-pid PID] [--server-threads N] [--model NAME] [--connect-timeout 5s] [--io-threads 1]"
            + " [--client-io auto|io_uring|selector] [--prof NAME[,NAME]] [--out DIR] [--exit-on-stdin-eof]"
            + " [--await-go] [--debug]\n"
            + "  SIGINT or SIGTERM ends a run early: nothing is written (what it wrote so far is deleted), one line\n"
            + "  says so, and the exit code is 130 or 143\n"
            + "  --exit-on-stdin-eof  end the same way (exit 129) when stdin reaches end of file: for a starter that\n"
            + "                       holds a pipe to it (the sweep, an ssh session); not for a terminal or /dev/null\n"
            + "  --await-go           once connected, print ARMED and wait (60 s at most) for a line GO on stdin, then\n"
            + "                       print 'GO clock_ms=<epoch ms>' and run; end of stdin meanwhile ends it (exit 129)\n"
            + "  --prof NAME[,NAME]   profile the server (--server-pid) over the measured window: the result's\n"
            + "                       profile part holds what was found; a profiled run is not compared with an\n"
            + "                       unprofiled one\n"
            + "                       syscalls  perf stat counts its system calls (needs perf and tracefs)\n"
            + "                       jfr       a flight recording by its JVM's jcmd, kept as server.jfr; its pauses\n"
            + "                       gc        its pauses from its own GC log: start the server with\n"
            + "                                 -Xlog:gc*,safepoint:file=PATH:time,uptime,level,tags\n"
            + "                                 (sweep --prof gc does)";

    /** The largest message the client sends: 1 MiB. */
    public static final int MAX_SIZE_BYTES = EngineOptions.MAX_SIZE_BYTES;
    /**
     * The shortest idle window that measures anything: idle CPU is read in nanoseconds where the kernel keeps
     * schedstat, and in 10 ms clock ticks where it does not, 0.01 cores over one second.
     */
    public static final Duration MIN_IDLE_WINDOW = Duration.ofSeconds(1);
    /** Descriptors a client JVM needs beside its connections: its jars, epoll or io_uring, pipes, its files. */
    public static final int DESCRIPTOR_RESERVE = 128;
    /** The highest open-loop rate, messages/s. */
    public static final long MAX_RATE = 1_000_000_000L;

    private static final Set<String> VALUED = Set.of("target", "connections", "idle-connections", "size",
            "duration", "warmup", "idle-window", "pipeline", "rate", "server-pid", "server-threads", "model",
            "connect-timeout",
            "io-threads", "client-io", "out", "prof");
    private static final String EXIT_ON_STDIN_EOF = "exit-on-stdin-eof";
    private static final String AWAIT_GO = "await-go";

    public LoadOptions {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(model, "model");
        profilers = profilers == null ? List.of() : List.copyOf(profilers);
        positive("connections", connections);
        if (idleConnections < 0) {
            throw new UsageException("--idle-connections must be at least 0, got " + idleConnections);
        }
        if (sizeBytes < 1 || sizeBytes > MAX_SIZE_BYTES) {
            throw new UsageException("--size must be 1 B to 1 MiB, got " + sizeBytes);
        }
        positive("duration", duration);
        if (warmup.isNegative()) {
            throw new UsageException("--warmup must be at least 0, got " + Quantities.format(warmup));
        }
        checkIdleWindow(idleWindow);
        positive("pipeline", pipeline);
        if (rate != null && (rate < 1 || rate > MAX_RATE)) {
            throw new UsageException("--rate must be 1 to 1e9 messages/s, got " + rate);
        }
        positive("connect-timeout", connectTimeout);
        if (serverThreads != null && serverThreads < 0) {
            throw new UsageException("--server-threads must be at least 0, got " + serverThreads);
        }
        if (ioThreads < 1 || ioThreads > 64) {
            throw new UsageException("--io-threads must be between 1 and 64, got " + ioThreads);
        }
    }

    /** Options without profilers, as every caller made them before {@code --prof}. */
    public LoadOptions(InetSocketAddress target, int connections, int idleConnections, int sizeBytes,
                       Duration duration, Duration warmup, Duration idleWindow, int pipeline, Long rate, Long serverPid,
                       Integer serverThreads, String model, Duration connectTimeout, int ioThreads, ClientIo clientIo,
                       Path out, boolean exitOnStdinEof, boolean awaitGo) {
        this(target, connections, idleConnections, sizeBytes, duration, warmup, idleWindow, pipeline, rate, serverPid,
                serverThreads, model, connectTimeout, ioThreads, clientIo, out, exitOnStdinEof, awaitGo, List.of());
    }

    /** Options for {@code connections} to {@code target}, the command's defaults otherwise. */
    public static Builder builder(InetSocketAddress target, int connections) {
        return new Builder(target, connections);
    }

    /** Reads the command line; {@code --help} and {@code --debug} are the command shell's. */
    static LoadOptions parse(List<String> args) {
        Flags flags = Flags.parse(args, VALUED, Set.of(EXIT_ON_STDIN_EOF, AWAIT_GO));
        if (flags.has("pipeline") && flags.has("rate")) {
            throw new UsageException("--pipeline (closed loop) and --rate (open loop) exclude each other; give one");
        }
        Builder options = builder(target(flags.required("target")),
                flags.intValue("connections", 0, 1, Integer.MAX_VALUE))
                .idleConnections(flags.intValue("idle-connections", 0, 0, Integer.MAX_VALUE))
                .sizeBytes((int) flags.bytes("size", "64", 1, MAX_SIZE_BYTES))
                .duration(Quantities.parseDuration("--duration", flags.stringValue("duration", "10s")))
                .warmup(Quantities.parseDuration("--warmup", flags.stringValue("warmup", "2s")))
                .idleWindow(Quantities.parseDuration("--idle-window", flags.stringValue("idle-window", "2s")))
                .model(flags.stringValue("model", Builder.DEFAULT_MODEL))
                .connectTimeout(Quantities.parseDuration("--connect-timeout",
                        flags.stringValue("connect-timeout", "5s")))
                .ioThreads(flags.intValue("io-threads", 1, 1, 64))
                .clientIo(clientIo(flags.stringValue("client-io", "auto")))
                .out(Path.of(flags.stringValue("out", defaultOut())))
                .exitOnStdinEof(flags.has(EXIT_ON_STDIN_EOF))
                .awaitGo(flags.has(AWAIT_GO));
        if (flags.has("rate")) {
            options.openLoop(Quantities.parseCount("--rate", flags.required("rate")));
        } else {
            options.closedLoop(flags.intValue("pipeline", 1, 1, 1_000_000));
        }
        if (flags.has("server-pid")) {
            options.serverPid(Quantities.parseCount("--server-pid", flags.required("server-pid")));
        }
        if (flags.has("server-threads")) {
            options.serverThreads(flags.intValue("server-threads", 0, 0, Integer.MAX_VALUE));
        }
        if (flags.has("prof")) {
            options.profilers(Profilers.parse(flags.required("prof")));
        }
        return options.build();
    }

    /** The command line {@link #parse} reads back as these options, a flag for every value. */
    public List<String> toArguments() {
        List<String> args = new ArrayList<>(List.of(
                "--target", targetText(),
                "--connections", Integer.toString(connections),
                "--idle-connections", Integer.toString(idleConnections),
                "--size", Integer.toString(sizeBytes),
                "--duration", Quantities.format(duration),
                "--warmup", Quantities.format(warmup),
                "--idle-window", Quantities.format(idleWindow),
                "--model", model,
                "--connect-timeout", Quantities.format(connectTimeout),
                "--io-threads", Integer.toString(ioThreads),
                "--client-io", clientIo == null ? "auto" : clientIo.label(),
                "--out", out.toString()));
        if (rate != null) {
            args.addAll(List.of("--rate", Long.toString(rate)));
        } else {
            args.addAll(List.of("--pipeline", Integer.toString(pipeline)));
        }
        if (serverPid != null) {
            args.addAll(List.of("--server-pid", Long.toString(serverPid)));
        }
        if (serverThreads != null) {
            args.addAll(List.of("--server-threads", Integer.toString(serverThreads)));
        }
        if (exitOnStdinEof) {
            args.add("--" + EXIT_ON_STDIN_EOF);
        }
        if (awaitGo) {
            args.add("--" + AWAIT_GO);
        }
        if (!profilers.isEmpty()) {
            args.addAll(List.of("--prof", String.join(",", profilers)));
        }
        return args;
    }

    /** These options for a client whose stdin is a pipe held by its starter: the run ends when the pipe closes. */
    public LoadOptions exitingOnStdinEof() {
        return new LoadOptions(target, connections, idleConnections, sizeBytes, duration, warmup, idleWindow, pipeline,
                rate, serverPid, serverThreads, model, connectTimeout, ioThreads, clientIo, out, true, awaitGo,
                profilers);
    }

    /**
     * Reads {@code --prof}'s value as every command does: names from {@link io.iobench.results.RunProfile#NAMES},
     * separated by commas, each once.
     *
     * @throws UsageException naming what is wrong
     */
    public static List<String> parseProfilers(String text) {
        return Profilers.parse(text);
    }

    /**
     * The JVM options a server needs for {@code profilers} to find what they read: with {@code gc}, its GC and
     * safepoint log written to {@code gcLog}; none otherwise.
     */
    public static List<String> serverJvmOptionsFor(List<String> profilers, Path gcLog) {
        return profilers.contains(GcLogProfiler.NAME) ? List.of(GcLogProfiler.serverOption(gcLog)) : List.of();
    }

    /** Refuses an idle window too short to measure: zero (none) or at least {@link #MIN_IDLE_WINDOW}. */
    public static void checkIdleWindow(Duration idleWindow) {
        if (!idleWindow.isZero() && idleWindow.compareTo(MIN_IDLE_WINDOW) < 0) {
            throw new UsageException("--idle-window must be 0 (none) or at least "
                    + Quantities.format(MIN_IDLE_WINDOW) + ", got " + Quantities.format(idleWindow));
        }
    }

    /** Descriptors the client needs for this run: one per connection and {@link #DESCRIPTOR_RESERVE}. */
    public long descriptorsNeeded() {
        return descriptorsNeeded(connections, idleConnections);
    }

    /** Descriptors a client with these connections needs, before its options are whole. */
    public static long descriptorsNeeded(int connections, int idleConnections) {
        return (long) connections + idleConnections + DESCRIPTOR_RESERVE;
    }

    /**
     * The line the command prints last, naming the directory of the run's files: part of the command's interface as
     * its options are. The sweep, which renames that directory once the run is done, prints the final one instead.
     */
    public static String resultLine(Path dir) {
        return "  result      " + dir;
    }

    /** The main class of {@code iobench load}, which reads {@link #toArguments()}. */
    public static String mainClass() {
        return LoadCommand.class.getName();
    }

    /** Open loop with a rate, closed loop without. */
    public LoadMode mode() {
        return rate == null ? LoadMode.CLOSED : LoadMode.OPEN;
    }

    LoadModel loadModel() {
        return rate == null ? new ClosedLoop(pipeline) : new OpenLoop(rate);
    }

    EngineOptions engineOptions() {
        return new EngineOptions(target, connections, idleConnections, sizeBytes, ioThreads, connectTimeout,
                EngineOptions.DEFAULT_CONNECTS_IN_FLIGHT, clientIo != null ? clientIo : ClientIo.preferred());
    }

    /** @return host:port as given, for humans and the result file */
    String targetText() {
        return target.getHostString() + ":" + target.getPort();
    }

    /**
     * Builds {@link LoadOptions} with the command's defaults: 64 B, 10 s measured after 2 s of warm-up and a 2 s
     * idle window, a closed loop of one message in flight per connection, no server pid, model "unknown", 5 s
     * connect time-out, one IO thread, io_uring where it works, a new {@code results/load-<time>} directory, stdin
     * not watched.
     */
    public static final class Builder {

        static final String DEFAULT_MODEL = "unknown";

        private final InetSocketAddress target;
        private final int connections;
        private int idleConnections;
        private int sizeBytes = 64;
        private Duration duration = Duration.ofSeconds(10);
        private Duration warmup = Duration.ofSeconds(2);
        private Duration idleWindow = Duration.ofSeconds(2);
        private int pipeline = 1;
        private Long rate;
        private Long serverPid;
        private Integer serverThreads;
        private String model = DEFAULT_MODEL;
        private Duration connectTimeout = EngineOptions.DEFAULT_CONNECT_TIMEOUT;
        private int ioThreads = 1;
        private ClientIo clientIo;
        private Path out;
        private boolean exitOnStdinEof;
        private boolean awaitGo;
        private List<String> profilers = List.of();

        private Builder(InetSocketAddress target, int connections) {
            this.target = target;
            this.connections = connections;
        }

        public Builder idleConnections(int count) {
            this.idleConnections = count;
            return this;
        }

        public Builder sizeBytes(int bytes) {
            this.sizeBytes = bytes;
            return this;
        }

        public Builder duration(Duration window) {
            this.duration = window;
            return this;
        }

        public Builder warmup(Duration time) {
            this.warmup = time;
            return this;
        }

        public Builder idleWindow(Duration window) {
            this.idleWindow = window;
            return this;
        }

        /** A closed loop keeping {@code messagesInFlight} on each connection. */
        public Builder closedLoop(int messagesInFlight) {
            this.pipeline = messagesInFlight;
            this.rate = null;
            return this;
        }

        /** An open loop sending {@code msgsPerS} over all connections. */
        public Builder openLoop(long msgsPerS) {
            this.rate = msgsPerS;
            this.pipeline = 1;
            return this;
        }

        public Builder serverPid(long pid) {
            this.serverPid = pid;
            return this;
        }

        /** @param threads what the server said it runs, for the record; 0 for a thread per connection */
        public Builder serverThreads(int threads) {
            this.serverThreads = threads;
            return this;
        }

        public Builder model(String label) {
            this.model = label;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        public Builder ioThreads(int threads) {
            this.ioThreads = threads;
            return this;
        }

        /** @param io how to talk to the kernel, or null to choose io_uring where it works */
        public Builder clientIo(ClientIo io) {
            this.clientIo = io;
            return this;
        }

        public Builder out(Path dir) {
            this.out = dir;
            return this;
        }

        /** @param exit whether end of file on stdin ends the run, as a stop signal does */
        public Builder exitOnStdinEof(boolean exit) {
            this.exitOnStdinEof = exit;
            return this;
        }

        /** @param await whether to wait for a line GO on stdin once connected ({@code --await-go}) */
        public Builder awaitGo(boolean await) {
            this.awaitGo = await;
            return this;
        }

        /** @param names the profilers of the server over the window ({@code --prof}); empty for none */
        public Builder profilers(List<String> names) {
            this.profilers = List.copyOf(names);
            return this;
        }

        /** @throws UsageException naming the flag of the first value out of range */
        public LoadOptions build() {
            return new LoadOptions(target, connections, idleConnections, sizeBytes, duration, warmup, idleWindow,
                    pipeline, rate, serverPid, serverThreads, model, connectTimeout, ioThreads, clientIo,
                    out != null ? out : Path.of(defaultOut()), exitOnStdinEof, awaitGo, profilers);
        }
    }

    private static ClientIo clientIo(String text) {
        if (text.equals("auto")) {
            return null;
        }
        ClientIo io = ClientIo.of(text);
        if (io == null) {
            throw new UsageException("--client-io takes auto, io_uring or selector, got '" + text + "'");
        }
        return io;
    }

    private static String defaultOut() {
        return "results/load-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    }

    private static void positive(String name, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new UsageException("--" + name + " must be more than 0");
        }
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new UsageException("--" + name + " must be at least 1, got " + value);
        }
    }

    private static InetSocketAddress target(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new UsageException("--target takes HOST:PORT such as 127.0.0.1:9000, got '" + text + "'");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw new UsageException("--target needs a port from 1 to 65535, got '" + text + "'");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new UsageException("--target host '" + host + "' is unknown");
        }
    }
}
