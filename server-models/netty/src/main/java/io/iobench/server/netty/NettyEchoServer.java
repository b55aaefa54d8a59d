package io.iobench.server.netty;

import io.iobench.server.ConnectionLedger;
import io.iobench.server.EchoServer;
import io.iobench.server.ServerOptions;
import io.iobench.server.Threading;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An echo server on one Netty transport, given as a {@link NettyTransport}: its IO handler factory, server channel
 * class and connection options; the netty-epoll, netty-io-uring and netty-nio models differ in nothing else.
 *
 * <p>By default it runs an event loop per CPU the server may run on ({@link Threading#defaultThreads()}), as the
 * selector model runs a reactor per CPU, so that a reactor on a large host uses the CPUs a blocking model would.
 * With one thread a single event loop accepts and serves; with N above one, N event loops serve and one more
 * accepts, again the selector model's layout.
 *
 * <p>{@link #close()} closes the listening channel, then every connection, then shuts the event loops down with
 * no quiet period and joins their threads.
 */
public final class NettyEchoServer implements EchoServer {

    /** How long {@link #close()} waits for the event loops to finish their last tasks and end. */
    static final long SHUTDOWN_TIMEOUT_MS = 10_000;

    private final ConnectionLedger ledger;
    private final int ioThreads;
    private final EventLoopThreads threads;
    private final List<EventLoopGroup> groups;
    private final ChannelGroup children;
    private final AtomicBoolean closed = new AtomicBoolean();
    private Channel listener;

    private NettyEchoServer(String modelName, IoHandlerFactory ioHandlers, int ioThreads, int maxConnections) {
        this.ledger = new ConnectionLedger(maxConnections);
        this.ioThreads = ioThreads;
        this.threads = new EventLoopThreads(modelName);
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(ioThreads, threads, ioHandlers);
        this.groups = ioThreads == 1 ? List.of(workers)
                : List.of(new MultiThreadIoEventLoopGroup(1, threads, ioHandlers), workers);
        // Notifies on the closing thread: the default executor would start Netty's global thread and leave it behind.
        this.children = new DefaultChannelGroup(modelName, ImmediateEventExecutor.INSTANCE);
    }

    /**
     * Binds and returns once connections are accepted. The caller has checked that the transport is available.
     *
     * @param modelName  names the threads: {@code modelName-0}, {@code modelName-1}, ...
     */
    public static EchoServer start(String modelName, NettyTransport transport, ServerOptions options)
            throws IOException {
        NettyEchoServer server = new NettyEchoServer(modelName, transport.ioHandlers(),
                options.threadsOr(Threading.REACTORS.defaultThreads()), options.maxConnections());
        try {
            server.bind(transport, options);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    @SuppressWarnings("unchecked")
    private void bind(NettyTransport transport, ServerOptions options) throws IOException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(groups.getFirst(), groups.getLast())
                .channel(transport.listenerClass())
                .option(ChannelOption.SO_BACKLOG, options.backlog())
                // As java.nio does by default: rebinding the port must not wait for TIME_WAIT connections.
                .option(ChannelOption.SO_REUSEADDR, true)
                .handler(new ChannelInitializer<ServerChannel>() {
                    @Override
                    protected void initChannel(ServerChannel channel) {
                        channel.pipeline().addLast(new AcceptBackoffHandler(ledger),
                                new AdmissionHandler(ledger, children));
                    }
                })
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(EchoHandler.INSTANCE);
        transport.childOptions().forEach((option, value) -> bootstrap.childOption((ChannelOption<Object>) option,
                value));
        ChannelFuture bound = bootstrap.bind(options.socketAddress()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw bound.cause() instanceof IOException e ? e : new IOException(bound.cause().getMessage(),
                    bound.cause());
        }
        listener = bound.channel();
    }

    @Override
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    @Override
    public int ioThreads() {
        return ioThreads;
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
        if (listener != null) {
            listener.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MS);
        }
        children.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MS);
        for (EventLoopGroup group : groups) {
            group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
        for (EventLoopGroup group : groups) {
            group.terminationFuture().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MS);
        }
        if (!threads.join(SHUTDOWN_TIMEOUT_MS)) {
            throw new IllegalStateException("event loop threads still alive " + SHUTDOWN_TIMEOUT_MS
                    + " ms after shutdown");
        }
    }
}
