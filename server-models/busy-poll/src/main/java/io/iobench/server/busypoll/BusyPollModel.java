package io.iobench.server.busypoll;

import io.iobench.server.EchoServer;
import io.iobench.server.IoModel;
import io.iobench.server.ServerOptions;
import io.iobench.server.Threading;
import java.io.IOException;

/**
 * Busy polling: the classic {@code setblocking(False)} loop. One thread owns every socket, all non-blocking, and
 * goes round and round without ever asking the kernel which one is ready: it tries to accept, then tries to read
 * each connection once and writes back what it got. A connection whose echo the kernel would not take keeps the
 * rest in a pending buffer and is not read again until that is written, so a client that does not read is held
 * back by its own full socket buffers.
 *
 * <p>What it should cost: a whole core, always, even with no client at all. In exchange a message is picked up
 * within one pass of the loop with no wake-up, no context switch and no readiness syscall, so with a handful of
 * connections its latency is the floor the other models are measured against.
 *
 * <p>Where it breaks: every pass makes a read syscall on every connection, ready or not, so the time to notice a
 * message grows linearly with the connection count, and most of the core goes to reads that find nothing. It
 * also takes the core from whatever shares the machine: on a two-core host the load client gets the other one.
 * {@code --threads} does not apply: one polling thread is the model.
 */
public final class BusyPollModel implements IoModel {

    @Override
    public String name() {
        return "busy-poll";
    }

    @Override
    public String description() {
        return "one thread polling non-blocking sockets round and round, no readiness API";
    }

    @Override
    public Threading threading() {
        return Threading.SINGLE;
    }

    @Override
    public EchoServer start(ServerOptions options) throws IOException {
        return BusyPollServer.start(options);
    }
}
