package io.iobench.client;

import io.iobench.client.engine.ClientIo;
import io.iobench.client.engine.EngineOptions;
import io.iobench.client.engine.LoadModel;
import io.iobench.client.load.ClosedLoop;
import io.iobench.client.load.OpenLoop;
import io.iobench.options.Flags;
import io.iobench.options.Quantities;
import io.iobench.options.UsageException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/**
 * The options of {@code iobench load}, checked: every mistake is a one-line {@link UsageException}.
 *
 * @param serverPid null without {@code --server-pid}
 * @param rate      messages/s for an open loop, or null for a closed loop
 * @param clientIo  how the IO threads talk to the kernel; null (auto) for io_uring where it works, else selector
 */
record LoadOptions(InetSocketAddress target, int connections, int idleConnections, int sizeBytes,
                   Duration duration, Duration warmup, Duration idleWindow, int pipeline, Long rate,
                   Long serverPid, String model, Duration connectTimeout, int ioThreads, ClientIo clientIo,
                   Path out) {

    static final String USAGE = "usage: iobench load --target HOST:PORT --connections N [--idle-connections M]"
            + " [--size 64] [--duration 10s] [--warmup 2s] [--idle-window 2s] [--pipeline K | --rate R]"
            + " [--server-pid PID] [--model NAME] [--connect-timeout 5s] [--io-threads 1]"
            + " [--client-io auto|io_uring|selector] [--out DIR] [--debug]";

    /** The shortest idle window that measures anything: CPU time has a 10 ms resolution. */
    static final Duration MIN_IDLE_WINDOW = Duration.ofSeconds(2);

    private static final Set<String> VALUED = Set.of("target", "connections", "idle-connections", "size",
            "duration", "warmup", "idle-window", "pipeline", "rate", "server-pid", "model", "connect-timeout",
            "io-threads", "client-io", "out");

    static LoadOptions parse(List<String> args) {
        Flags flags = Flags.parse(args, VALUED, Set.of());
        flags.required("target");
        flags.required("connections");
        if (flags.has("pipeline") && flags.has("rate")) {
            throw new UsageException("--pipeline (closed loop) and --rate (open loop) exclude each other; give one");
        }
        long size = Quantities.parseBytes("--size", flags.stringValue("size", "64"));
        if (size < 1 || size > EngineOptions.MAX_SIZE_BYTES) {
            throw new UsageException("--size must be 1 B to 1 MiB, got " + flags.stringValue("size", ""));
        }
        Duration duration = positive("duration", Quantities.parseDuration("--duration",
                flags.stringValue("duration", "10s")));
        Duration warmup = Quantities.parseDuration("--warmup", flags.stringValue("warmup", "2s"));
        Duration idleWindow = Quantities.parseDuration("--idle-window", flags.stringValue("idle-window", "2s"));
        if (!idleWindow.isZero() && idleWindow.compareTo(MIN_IDLE_WINDOW) < 0) {
            throw new UsageException("--idle-window must be 0 (none) or at least 2s, got "
                    + flags.stringValue("idle-window", ""));
        }
        Long rate = null;
        if (flags.has("rate")) {
            rate = Quantities.parseCount("--rate", flags.required("rate"));
            if (rate < 1 || rate > 1_000_000_000L) {
                throw new UsageException("--rate must be 1 to 1e9 messages/s, got " + flags.required("rate"));
            }
        }
        Long serverPid = null;
        if (flags.has("server-pid")) {
            serverPid = Quantities.parseCount("--server-pid", flags.required("server-pid"));
        }
        return new LoadOptions(
                target(flags.required("target")),
                flags.intValue("connections", 0, 1, Integer.MAX_VALUE),
                flags.intValue("idle-connections", 0, 0, Integer.MAX_VALUE),
                (int) size, duration, warmup, idleWindow,
                flags.intValue("pipeline", 1, 1, 1_000_000),
                rate, serverPid,
                flags.stringValue("model", "unknown"),
                positive("connect-timeout", Quantities.parseDuration("--connect-timeout",
                        flags.stringValue("connect-timeout", "5s"))),
                flags.intValue("io-threads", 1, 1, 64),
                clientIo(flags.stringValue("client-io", "auto")),
                Path.of(flags.stringValue("out", defaultOut())));
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

    private static String defaultOut() {
        return "results/load-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    }

    private static Duration positive(String name, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new UsageException("--" + name + " must be more than 0");
        }
        return value;
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
