package io.iobench.server.selector;

import io.iobench.server.ConnectionLedger;
import io.iobench.server.EchoServer;
import io.iobench.server.ServerOptions;
import io.iobench.server.Threading;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An echo server of selector {@link Reactor}s, all opened from one {@link SelectorProvider} (selectors and
 * sockets alike, since a selector only takes channels of its own provider).
 *
 * <p>By default it runs a reactor per CPU the server may run on ({@link Threading#defaultThreads()}). With one
 * thread the single reactor accepts and serves. With N above one, N reactors serve and one more thread, itself a
 * reactor holding only the listening socket, accepts and deals connections to them round robin: the main/sub
 * reactor layout of Netty and most production servers.
 */
final class ReactorServer implements EchoServer {

    private final ServerSocketChannel listener;
    private final ConnectionLedger ledger;
    private final List<Reactor> reactors;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ReactorServer(ServerSocketChannel listener, ConnectionLedger ledger, List<Reactor> reactors)
            throws IOException {
        this.listener = listener;
        this.ledger = ledger;
        this.reactors = reactors;
        this.port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
    }

    /** Binds, starts the reactor threads and returns once connections are accepted. */
    static EchoServer start(String modelName, SelectorProvider provider, ServerOptions options) throws IOException {
        ConnectionLedger ledger = new ConnectionLedger(options.maxConnections());
        int ioThreads = options.threadsOr(Threading.REACTORS.defaultThreads());
        // The accepting reactor comes first, so that closing stops new connections before their reactors stop.
        List<Reactor> reactors = new ArrayList<>(ioThreads + 1);
        ServerSocketChannel listener = provider.openServerSocketChannel();
        ReactorServer server;
        try {
            listener.bind(options.socketAddress(), options.backlog());
            listener.configureBlocking(false);
            if (ioThreads > 1) {
                reactors.add(new Reactor(modelName + "-acceptor", provider.openSelector(), ledger));
            }
            Reactor[] io = new Reactor[ioThreads];
            for (int i = 0; i < ioThreads; i++) {
                io[i] = new Reactor(modelName + "-reactor-" + i, provider.openSelector(), ledger);
                reactors.add(io[i]);
            }
            reactors.getFirst().accept(listener, io);
            server = new ReactorServer(listener, ledger, reactors);
        } catch (IOException | RuntimeException e) {
            reactors.forEach(Reactor::close);
            Reactor.closeQuietly(listener);
            throw e;
        }
        reactors.forEach(Reactor::start);
        return server;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public int ioThreads() {
        return reactors.size() == 1 ? 1 : reactors.size() - 1;
    }

    @Override
    public ConnectionLedger ledger() {
        return ledger;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        reactors.forEach(Reactor::close);
        // Its selector is closed by now, so closing the listener releases the port at once.
        Reactor.closeQuietly(listener);
    }
}
