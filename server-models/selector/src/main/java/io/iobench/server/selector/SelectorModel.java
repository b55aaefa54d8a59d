package io.iobench.server.selector;

import io.iobench.server.EchoServer;
import io.iobench.server.IoModel;
import io.iobench.server.ServerOptions;
import io.iobench.server.Threading;
import java.io.IOException;
import java.nio.channels.spi.SelectorProvider;

/*
 * How it works: the reactor pattern on java.nio. One thread owns a Selector, which on Linux is epoll; every
 * socket is non-blocking and registered for OP_READ. The thread blocks in epoll_wait, then for each ready socket
 * reads once into a 64 KiB direct buffer and writes the bytes straight back. OP_WRITE is asked for only while a
 * write is partial, and reading that socket stops meanwhile, so a client that does not read is held back by TCP
 * instead of growing the server's memory. With --threads N (N > 1), N such reactors serve connections dealt round
 * robin by one more reactor that only accepts.
 *
 * What it should cost: one epoll_wait per loop turn, shared by every socket ready in it, plus a read(2) and a
 * write(2) per message; no thread per connection, no context switch between reading and writing, no allocation
 * per message. Under load the epoll_wait cost is amortised over many sockets, so this is the baseline the native
 * transports (Netty epoll, io_uring) have to beat.
 *
 * Where it breaks: one reactor is one core. Every connection on it waits while it serves the others, so latency
 * grows with the connections per reactor; --threads spreads them, but a connection never moves, so one hot
 * connection still loads one reactor. Each backpressure episode costs two epoll_ctl calls (OP_WRITE on, off).
 */

/** The {@code selector} model: java.nio Selector reactors on the JVM's default provider (epoll on Linux). */
public final class SelectorModel implements IoModel {

    @Override
    public String name() {
        return "selector";
    }

    @Override
    public String description() {
        return "java.nio Selector reactors (epoll on Linux, one per CPU, --threads N) serve non-blocking sockets;"
                + " one alone also accepts, more get an acceptor";
    }

    @Override
    public Threading threading() {
        return Threading.REACTORS;
    }

    @Override
    public EchoServer start(ServerOptions options) throws IOException {
        return ReactorServer.start(name(), SelectorProvider.provider(), options);
    }
}
