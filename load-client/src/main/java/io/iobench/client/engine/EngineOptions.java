package io.iobench.client.engine;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * What an {@link Engine} connects to and how.
 *
 * @param target              the echo server
 * @param connections         connections that carry load
 * @param idleConnections     extra connections opened and kept open, never used (to measure what an idle
 *                            connection costs the server)
 * @param sizeBytes           bytes per message, 1 to {@link #MAX_SIZE_BYTES}
 * @param ioThreads           IO threads sharing the connections, each with its own selector
 * @param connectTimeout      how long one connect may take before it counts as timed out
 * @param maxConnectsInFlight connects started and not yet finished, at most
 * @param io                  how the IO threads talk to the kernel
 */
public record EngineOptions(InetSocketAddress target, int connections, int idleConnections, int sizeBytes,
                            int ioThreads, Duration connectTimeout, int maxConnectsInFlight, ClientIo io) {

    /** The largest message: 1 MiB. */
    public static final int MAX_SIZE_BYTES = 1024 * 1024;

    /** Connects in flight by default: well under a server's listen backlog (4096 for iobench models). */
    public static final int DEFAULT_CONNECTS_IN_FLIGHT = 512;

    /** How long one connect may take by default. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    public EngineOptions {
        if (connections < 0 || idleConnections < 0) {
            throw new IllegalArgumentException("connection counts must be >= 0");
        }
        if (sizeBytes < 1 || sizeBytes > MAX_SIZE_BYTES) {
            throw new IllegalArgumentException("message size must be 1.." + MAX_SIZE_BYTES + " bytes, got " + sizeBytes);
        }
        if (ioThreads < 1 || maxConnectsInFlight < 1) {
            throw new IllegalArgumentException("io threads and connects in flight must be >= 1");
        }
        if (io == null) {
            throw new IllegalArgumentException("client io must be given");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connect time-out must be positive, got " + connectTimeout);
        }
    }

    /**
     * {@code connections} to {@code target} carrying {@code sizeBytes} messages, one IO thread on the
     * {@linkplain ClientIo#preferred() preferred} IO, defaults otherwise.
     */
    public static EngineOptions of(InetSocketAddress target, int connections, int sizeBytes) {
        return new EngineOptions(target, connections, 0, sizeBytes, 1, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_CONNECTS_IN_FLIGHT, ClientIo.preferred());
    }

    /** @return these options with {@code idle} idle connections */
    public EngineOptions withIdleConnections(int idle) {
        return new EngineOptions(target, connections, idle, sizeBytes, ioThreads, connectTimeout, maxConnectsInFlight,
                io);
    }



    /** @return these options with the IO threads on {@code clientIo} */
    public EngineOptions withIo(ClientIo clientIo) {
        return new EngineOptions(target, connections, idleConnections, sizeBytes, ioThreads, connectTimeout,
                maxConnectsInFlight, clientIo);
    }
}
