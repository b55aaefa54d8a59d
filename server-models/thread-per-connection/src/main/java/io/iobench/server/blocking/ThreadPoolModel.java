package io.iobench.server.blocking;

import io.iobench.server.EchoServer;
import io.iobench.server.IoModel;
import io.iobench.server.ServerOptions;
import java.io.IOException;
import java.util.concurrent.Executors;

/**
 * A fixed pool of platform threads serving blocking connections: the same handler as thread-per-connection, but
 * at most {@code --threads} of them (default twice the cores) run at once. An admitted connection beyond that
 * waits in the pool's queue, unserved, until a worker's connection closes.
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
        return "blocking sockets served by a fixed pool of platform threads (--threads, default 2 x cores)";
    }

    @Override
    public EchoServer start(ServerOptions options) throws IOException {
        int workers = options.threadsOr(2 * Runtime.getRuntime().availableProcessors());
        return BlockingEchoServer.start(options, "thread-pool", () -> Executors.newFixedThreadPool(workers,
                Thread.ofPlatform().name("thread-pool-worker-", 1).daemon().factory()));
    }
}
