package io.iobench.server.blocking;

import io.iobench.server.EchoServer;
import io.iobench.server.IoModel;
import io.iobench.server.ServerOptions;
import io.iobench.server.Threading;
import java.io.IOException;
import java.util.concurrent.Executors;

/**
 * Thread per connection: the oldest server design. An acceptor thread blocks in {@code accept()} and starts a
 * platform thread for each client; that thread blocks in {@code read()}, then in {@code write()} until all of it
 * is sent, and ends with the connection.
 *
 * <p>What it should cost: a kernel thread per connection (a reserved stack, a scheduler entry, a 16 KiB buffer)
 * and, per message, the wake-up of the sleeping thread and a context switch in and out. With few busy
 * connections that is cheap and latency is excellent: nothing stands between the kernel and the handler.
 *
 * <p>Where it breaks: thousands of connections mean thousands of threads. Memory and scheduler run queues grow
 * with the connection count rather than with the load, context switches dominate once many connections are
 * active at once, and thread creation fails at the host's limits (the acceptor then drops the client and backs
 * off, counting an accept failure). {@code --threads} does not apply: the clients decide the thread count.
 */
public final class ThreadPerConnectionModel implements IoModel {

    @Override
    public String name() {
        return "thread-per-connection";
    }

    @Override
    public String description() {
        return "blocking sockets, one platform thread per connection";
    }

    @Override
    public Threading threading() {
        return Threading.PER_CONNECTION;
    }

    @Override
    public EchoServer start(ServerOptions options) throws IOException {
        return BlockingEchoServer.start(options, "tpc", 0,
                () -> Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("tpc-conn-", 1).daemon().factory()));
    }
}
