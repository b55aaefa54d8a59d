package io.iobench.server.blocking;

import io.iobench.server.EchoServer;
import io.iobench.server.IoModel;
import io.iobench.server.ServerOptions;
import io.iobench.server.Threading;
import java.io.IOException;
import java.util.concurrent.Executors;

/**
 * A fixed pool of platform threads serving blocking connections: the same handler as thread-per-connection, but
 * at most {@code --threads} of them run at once: {@value Threading#DEFAULT_POOL} by default, as Tomcat's blocking
 * connector, and in a sweep one per connection (active and idle), as a user sizing the pool for a known load would.
 * An admitted connection beyond that waits in the pool's queue, unserved, until a worker's connection closes.
 *
 * <p>What it should cost: per message the same as thread-per-connection (a blocked worker wakes, reads, writes),
 * with memory and thread count bounded by the pool instead of the clients.
 *
 * <p>Where it breaks: a worker is held for a connection's whole life, idle or not, so with more connections than
 * workers the extra clients starve: they are accepted (the acceptor never blocks on the pool) but see no echo.
 * That starvation is the model's honest behaviour and is left visible: a load test with more connections than
 * threads shows it as missing replies, not as a hidden queueing delay.
 */
public final class ThreadPoolModel implements IoModel {

    @Override
    public String name() {
        return "thread-pool";
    }

    @Override
    public String description() {
        return "blocking sockets served by a fixed pool of platform threads (--threads; 200 alone, one per"
                + " connection in a sweep)";
    }

    @Override
    public Threading threading() {
        return Threading.POOL;
    }

    @Override
    public EchoServer start(ServerOptions options) throws IOException {
        int workers = options.threadsOr(threading().defaultThreads());
        return BlockingEchoServer.start(options, "thread-pool", workers, () -> Executors.newFixedThreadPool(workers,
                Thread.ofPlatform().name("thread-pool-worker-", 1).daemon().factory()));
    }
}
