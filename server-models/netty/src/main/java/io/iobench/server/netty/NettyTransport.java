package io.iobench.server.netty;

import io.netty.channel.ChannelOption;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a Netty model chooses and {@link NettyEchoServer} runs: the transport's IO handler factory (with its own
 * configuration, such as io_uring's buffer ring), its server channel class, and the options its connections need
 * beyond the shared ones (TCP_NODELAY, half-closure).
 *
 * @param ioHandlers     the transport's IO handler factory, e.g. {@code EpollIoHandler.newFactory()}
 * @param listenerClass  the transport's server channel, e.g. {@code EpollServerSocketChannel.class}
 * @param childOptions   options set on every accepted connection, in order
 */
public record NettyTransport(IoHandlerFactory ioHandlers, Class<? extends ServerChannel> listenerClass,
                             Map<ChannelOption<?>, Object> childOptions) {

    public NettyTransport {
        Objects.requireNonNull(ioHandlers, "ioHandlers");
        Objects.requireNonNull(listenerClass, "listenerClass");
        childOptions = Map.copyOf(childOptions);
    }

    /** A transport whose connections need nothing beyond the shared options. */
    public static NettyTransport of(IoHandlerFactory ioHandlers, Class<? extends ServerChannel> listenerClass) {
        return new NettyTransport(ioHandlers, listenerClass, Map.of());
    }

    /** This transport with {@code option} set to {@code value} on every accepted connection. */
    public <T> NettyTransport withChildOption(ChannelOption<T> option, T value) {
        Map<ChannelOption<?>, Object> options = new LinkedHashMap<>(childOptions);
        options.put(option, Objects.requireNonNull(value, "value"));
        return new NettyTransport(ioHandlers, listenerClass, options);
    }
}
