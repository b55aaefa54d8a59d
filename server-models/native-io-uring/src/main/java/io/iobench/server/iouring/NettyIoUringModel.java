package io.iobench.server.iouring;

import io.iobench.server.EchoServer;
import io.iobench.server.IoModel;
import io.iobench.server.ServerOptions;
import io.iobench.server.Threading;
import io.iobench.server.netty.NettyEchoServer;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import java.io.IOException;

/*
 * How it works: completions instead of readiness calls. One event loop thread shares two rings with the kernel:
 * it queues operations (accept, poll, recv, writev) as submission entries and reaps their results from the
 * completion queue. Each idle connection keeps a POLLIN request posted (Netty's default, without a provided-buffer
 * ring, so no buffer is pinned while the client is quiet); when it completes, the loop queues a recv into a pooled
 * buffer, and the echo handler's flush queues a writev. One io_uring_enter per loop turn submits everything queued
 * and waits for completions. The echo handler, backpressure and shutdown are netty-epoll's, unchanged.
 *
 * What it should cost: fewer syscalls than any readiness model when many connections are busy, since the reads
 * and writes of a whole loop turn go to the kernel in one io_uring_enter instead of one read(2) and one write(2)
 * each after epoll_wait. With few connections there is little to batch, and the poll-then-recv round trip through
 * the ring can make it slower than epoll.
 *
 * Where it breaks: it needs a kernel with io_uring enabled (kernel.io_uring_disabled=0, and no seccomp profile
 * blocking it, as in many containers) and refuses to start otherwise. Like every single-threaded reactor it tops
 * out at one core; --threads spreads connections over event loops but never moves one.
 *
 * Accept is single-shot, one accept submitted per connection, because the JVM must run with
 * -Dio.netty.iouring.acceptMultiShotEnabled=false. With Netty's default multishot accept (4.2.18), an accept that
 * fails with EMFILE ends the multishot request and Netty re-arms it at once, whatever auto-read says: the loop
 * spins a core on the failing accept (and, without iobench's handler, logs a warning per failure). Single-shot
 * accept costs one submission per accepted connection, not per message, so echo results do not change.
 */

/** The {@code netty-io-uring} model: Netty 4.2's io_uring transport, an event loop per CPU by default. */
public final class NettyIoUringModel implements IoModel {

    /** The JVM option this model needs: see the story above for why multishot accept is off. */
    static final String SINGLE_SHOT_ACCEPT_OPTION = "-Dio.netty.iouring.acceptMultiShotEnabled=false";

    @Override
    public String name() {
        return "netty-io-uring";
    }

    @Override
    public String description() {
        return "Netty 4.2 io_uring transport: event loops (one per CPU, --threads N) submit and reap accept, recv"
                + " and write operations; more than one gets an acceptor";
    }

    /**
     * @throws UnsupportedOperationException when io_uring cannot be used on this kernel or in this container, or
     *         when the JVM runs without {@value #SINGLE_SHOT_ACCEPT_OPTION}
     */
    @Override
    public Threading threading() {
        return Threading.REACTORS;
    }

    @Override
    public EchoServer start(ServerOptions options) throws IOException {
        if (!IoUring.isAvailable()) {
            throw new UnsupportedOperationException("Netty's io_uring transport is unavailable: "
                    + IoUring.unavailabilityCause());
        }
        if (IoUring.isAcceptMultishotEnabled()) {
            throw new UnsupportedOperationException("netty-io-uring needs the JVM option " + SINGLE_SHOT_ACCEPT_OPTION
                    + ": Netty's multishot accept spins a core when accept fails with EMFILE");
        }
        return NettyEchoServer.start(name(), IoUringIoHandler.newFactory(), IoUringServerSocketChannel.class,
                options);
    }
}
