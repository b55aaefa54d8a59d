package io.iobench.server.nio;

import io.iobench.server.EchoServer;
import io.iobench.server.IoModel;
import io.iobench.server.ServerOptions;
import io.iobench.server.Threading;
import io.iobench.server.netty.NettyEchoServer;
import io.iobench.server.netty.NettyTransport;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;

/*
 * How it works: netty-epoll's echo server, pipeline, backpressure and shutdown, unchanged, on Netty's transport
 * over java.nio instead of its own JNI. Each event loop owns a JDK Selector (epoll on Linux, level-triggered, as
 * netty-epoll's is since 4.2) and blocks in Selector.select; for each ready key it reads through the JDK's
 * SocketChannel, up to 16 times into direct buffers from Netty's allocator, hands each to the echo handler, which
 * writes the same buffer back, and flushes once per read loop (a write, or a gathering write of several buffers).
 * It is what Netty runs on any JDK and OS, and the transport Netty's documentation compares its native ones with
 * ("less garbage, and generally improve performance"): between this model and netty-epoll only the transport
 * differs, so the two measure that claim.
 *
 * What it should cost: the selector model's system calls (epoll_wait, then a read and a write per message) plus
 * Netty's pipeline, as netty-epoll does; what it adds over netty-epoll is the JDK's layers. Every read and write
 * takes the SocketChannel's lock and checks its state; every select fills the JDK's selected-key set, a HashSet,
 * with a node per ready socket, which Netty then walks with an iterator. Netty would swap that set for
 * its own array, but on JDK 25 it cannot: sun.misc.Unsafe is off by default there (io.netty.noUnsafe) and Netty
 * does not try reflection unless told to, so this model runs the JDK's set, as any Netty application on JDK 25
 * does without extra flags. Interest changes (read off while a channel is unwritable) are queued and applied by
 * the next select, where netty-epoll calls epoll_ctl at once. Counted with `perf stat -e 'syscalls:sys_enter_*'`
 * over 2 s at 100 connections, one message in flight each, one event loop (on a host busy with builds, hence no
 * CPU or throughput figure): 1.125 read(2) and 0.016-0.019 epoll_wait per write(2) in two runs, where netty-epoll
 * made 1.125-1.127 recvfrom and 0.020-0.044 epoll_pwait2 per sendto: the same work under the JDK's names.
 *
 * Where it breaks: as every single-threaded reactor, at one core; --threads spreads connections over event loops
 * but never moves one. The per-ready-socket garbage of the selected-key set grows with the sockets ready per
 * select, so it shows at many busy connections, as GC work a native transport does not make. Netty still guards
 * against the old JDK epoll bug (a select returning at once with nothing ready, spinning a core): after 512 such
 * returns in a row it opens a new selector and registers every channel on it again.
 */

/** The {@code netty-nio} model: Netty 4.2's NIO transport on the JDK's Selector, an event loop per CPU by default. */
public final class NettyNioModel implements IoModel {

    @Override
    public String name() {
        return "netty-nio";
    }

    @Override
    public String description() {
        return "Netty 4.2 NIO transport on the JDK's Selector: event loops (one per CPU, --threads N) serve; one"
                + " alone also accepts, more get an acceptor";
    }

    @Override
    public Threading threading() {
        return Threading.REACTORS;
    }

    @Override
    public EchoServer start(ServerOptions options) throws IOException {
        return NettyEchoServer.start(name(),
                NettyTransport.of(NioIoHandler.newFactory(), NioServerSocketChannel.class), options);
    }
}
