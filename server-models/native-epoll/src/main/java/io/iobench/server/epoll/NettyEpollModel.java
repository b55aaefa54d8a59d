package io.iobench.server.epoll;

import io.iobench.server.EchoServer;
import io.iobench.server.IoModel;
import io.iobench.server.ServerOptions;
import io.iobench.server.Threading;
import io.iobench.server.netty.NettyEchoServer;
import io.iobench.server.netty.NettyTransport;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import java.io.IOException;

/*
 * How it works: the selector model's reactor on Netty's own JNI calls to epoll instead of the JDK's Selector. One
 * event loop thread blocks in epoll_pwait2 (level-triggered since Netty 4.2), then for each ready socket reads up
 * to 16 times into pooled direct buffers, hands each to the echo handler, which writes the same buffer back, and
 * flushes once per read loop. Backpressure goes through Netty's write-buffer water marks: past 64 KiB unwritten
 * the channel stops reading until it drains.
 *
 * What it should cost: about the java.nio selector's syscalls (epoll_pwait2, then recvfrom and sendto or writev)
 * without the JDK's layers: no selected-key set, no per-select bookkeeping, and each ready socket is read until
 * drained (at most 16 buffers) before going back to epoll, with one write for all of it. Buffers come from the
 * pooled allocator; the pipeline costs a few virtual calls per message. Measured on the two-core reference host
 * (Linux 6.18, server on CPU 0, client on CPU 1, 100 connections, one 64 B message in flight each, `perf stat -e
 * 'syscalls:sys_enter_*' -p PID` over 2 s): 1.09-1.20 recvfrom (the last read of a loop finds nothing), 0.97-1.06
 * sendto and 0.01-0.10 epoll_pwait2 per echo, where the selector makes 1.04-1.11 read and as many write calls.
 * Its CPU per echo was 1.02 times the selector's (median of three interleaved rounds with a minimal C epoll
 * client; 0.96-1.05 per round) and 1.04 times with iobench's client (six rounds, 0.97-1.32); Netty's sampled leak
 * detector, which no iobench JVM runs, cost 1-7% on top. At 1,000 connections the rounds spread from 0.79 to 1.23
 * times the selector's, medians 1.03-1.08: on loopback both are mostly the kernel's TCP work.
 *
 * Where it breaks: as every single-threaded reactor, at one core; --threads spreads connections over event loops
 * but never moves one. It also needs Netty's native library, so it refuses to start where that cannot load.
 */

/** The {@code netty-epoll} model: Netty 4.2's native epoll transport, an event loop per CPU by default. */
public final class NettyEpollModel implements IoModel {

    @Override
    public String name() {
        return "netty-epoll";
    }

    @Override
    public String description() {
        return "Netty 4.2 native epoll transport: event loops (one per CPU, --threads N) serve; one alone also"
                + " accepts, more get an acceptor";
    }

    /** @throws UnsupportedOperationException when Netty's native epoll library cannot be used here */
    @Override
    public Threading threading() {
        return Threading.REACTORS;
    }

    @Override
    public EchoServer start(ServerOptions options) throws IOException {
        if (!Epoll.isAvailable()) {
            throw new UnsupportedOperationException("Netty's native epoll transport is unavailable: "
                    + Epoll.unavailabilityCause());
        }
        return NettyEchoServer.start(name(),
                NettyTransport.of(EpollIoHandler.newFactory(), EpollServerSocketChannel.class), options);
    }
}
