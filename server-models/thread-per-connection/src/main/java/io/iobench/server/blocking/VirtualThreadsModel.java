package io.iobench.server.blocking;

import io.iobench.server.EchoServer;
import io.iobench.server.IoModel;
import io.iobench.server.ServerOptions;
import io.iobench.server.Threading;
import java.io.IOException;
import java.util.concurrent.Executors;

/**
 * Thread per connection on virtual threads: the thread-per-connection code unchanged, with each connection on a
 * virtual thread (what {@code Executors.newVirtualThreadPerTaskExecutor()} does, with named threads). A blocking
 * read does not block a kernel thread: the JDK parks the virtual thread, registers the socket with its epoll
 * poller, and mounts the thread again on a carrier (one per core) when data arrives.
 *
 * <p>What it should cost: a small heap-allocated stack per connection instead of a kernel thread, and per message
 * a poller wake-up plus an unpark and remount on a carrier; no kernel context switch between connections. It
 * should hold as many connections as event-loop models with the code of the simplest one.
 *
 * <p>Where it breaks: each blocking read that finds no data goes through the poller, so a latency-bound workload
 * pays for an extra hand-off compared with a thread blocked in the kernel, and carriers are shared: a handler
 * that burns CPU or pins its carrier in native code delays every connection queued behind it. The JDK opens its
 * poller on the first read that has to wait, and if descriptors have run out by then, every later wait of every
 * virtual thread on a socket fails (JDK 25): the server opens it before it listens ({@code VirtualThreadPoller}).
 * {@code --threads} does not apply: the JDK sizes the carrier pool to the cores
 * ({@code -Djdk.virtualThreadScheduler.parallelism}).
 */
public final class VirtualThreadsModel implements IoModel {

    @Override
    public String name() {
        return "virtual-threads";
    }

    @Override
    public String description() {
        return "blocking sockets, one virtual thread per connection";
    }

    @Override
    public Threading threading() {
        return Threading.PER_CONNECTION;
    }

    @Override
    public EchoServer start(ServerOptions options) throws IOException {
        VirtualThreadPoller.open();
        return BlockingEchoServer.start(options, "vt", 0,
                () -> Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("vt-conn-", 1).factory()));
    }
}
