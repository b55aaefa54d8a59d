package io.iobench.server.iouring;

import io.iobench.server.EchoServer;
import io.iobench.server.IoModel;
import io.iobench.server.ServerOptions;
import io.iobench.server.Threading;
import io.iobench.server.netty.NettyEchoServer;
import io.iobench.server.netty.NettyTransport;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringAdaptiveBufferRingAllocator;
import io.netty.channel.uring.IoUringBufferRingConfig;
import io.netty.channel.uring.IoUringChannelOption;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringIoHandlerConfig;
import io.netty.channel.uring.IoUringServerSocketChannel;
import java.io.IOException;

/*
 * How it works: completions instead of readiness calls. One event loop thread shares two rings with the kernel:
 * it queues operations (accept, recv, send) as submission entries and reaps their results from the completion
 * queue. Each connection keeps one multishot recv armed for its whole life, drawing from the event loop's ring of
 * provided buffers (buffer group 0): the kernel picks a buffer when data arrives and posts a completion, Netty puts
 * a fresh buffer in the ring at once, and the echo handler writes the filled buffer back as a send. One
 * io_uring_enter per loop turn submits everything queued and waits for completions. The ring starts with 64
 * buffers and grows by 64 when the kernel finds it empty, up to 16,384; Netty's adaptive allocator sizes them
 * (1 KiB to 64 KiB) to what the reads fill. On a kernel without provided-buffer rings (before 5.19) the model falls
 * back to Netty's default, a recv into a pooled buffer per read, armed through the kernel's internal poll, and
 * says so on standard error. The echo handler, backpressure and shutdown are netty-epoll's, unchanged.
 *
 * What it should cost: one submission per echo (its send) and a fraction of a system call: measured on the
 * two-core reference host (Linux 6.18, server on CPU 0, `iobench load` closed loop on CPU 1, `perf stat -e
 * io_uring:io_uring_submit_req,syscalls:sys_enter_io_uring_enter -p PID` over 2 s of the window, opcodes from
 * `perf record -e io_uring:io_uring_submit_req`), 1.04-1.15 submissions per echo, all sends, at 100, 1,000 and
 * 10,000 connections, and 0.03-0.29 io_uring_enter calls per echo (one per loop turn; how many echoes a turn
 * gathers depends on how the two processes interleave); no read, write or poll system calls. Without the buffer
 * ring the same loads took 2.1 submissions per echo (a recv and a send) and 0.19-0.23 io_uring_enter calls. The server's CPU per echo did not separate the two in three interleaved rounds at 1,000 connections
 * (6.5-7.2 us with the ring, 6.3-7.7 without): on loopback the kernel's TCP work dominates both. The ring's
 * buffers stay pinned once allocated, so its memory follows the peak of concurrent reads.
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

    /** The one buffer group every connection of an event loop receives into; each loop registers its own ring. */
    static final short BUFFER_GROUP = 0;
    /**
     * The most buffers a loop's ring may hold: the largest power of two Netty takes (a short), so that 10,000
     * connections receiving in the same loop turn do not run it dry.
     */
    static final short BUFFER_RING_ENTRIES = 16_384;
    /** Buffers a ring starts with and grows by when the kernel finds it empty: memory follows the load. */
    static final int BUFFER_RING_BATCH = 64;

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
        return NettyEchoServer.start(name(), transport(), options);
    }

    /**
     * The transport as the story above describes it: with a provided-buffer ring where the kernel has them (5.19+),
     * else Netty's poll-then-recv, said once on standard error so the server's log of the run shows it.
     */
    static NettyTransport transport() {
        if (!IoUring.isRegisterBufferRingSupported()) {
            System.err.println("netty-io-uring: this kernel has no provided-buffer rings; every read is a POLLIN"
                    + " then a recv into a pooled buffer");
            return NettyTransport.of(IoUringIoHandler.newFactory(), IoUringServerSocketChannel.class);
        }
        IoUringBufferRingConfig ring = IoUringBufferRingConfig.builder()
                .bufferGroupId(BUFFER_GROUP)
                .bufferRingSize(BUFFER_RING_ENTRIES)
                .batchSize(BUFFER_RING_BATCH)
                .allocator(new IoUringAdaptiveBufferRingAllocator())
                .build();
        return NettyTransport.of(IoUringIoHandler.newFactory(new IoUringIoHandlerConfig().setBufferRingConfig(ring)),
                        IoUringServerSocketChannel.class)
                .withChildOption(IoUringChannelOption.IO_URING_BUFFER_GROUP_ID, BUFFER_GROUP);
    }
}
