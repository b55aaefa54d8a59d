package io.iobench.client.uring;

import java.nio.channels.SocketChannel;

/**
 * The file descriptor behind a {@link SocketChannel}, for handing the socket to io_uring. The JDK keeps it
 * internal ({@code sun.nio.ch.SelChImpl}), so the JVM must run with
 * {@code --add-exports=java.base/sun.nio.ch=ALL-UNNAMED}; {@code scripts/iobench} and the sweep pass it.
 */
public final class ChannelDescriptor {

    private static final String PACKAGE = "sun.nio.ch";

    private ChannelDescriptor() {
    }

    /** @return null when descriptors can be read, else why not */
    public static String unavailableReason() {
        return Object.class.getModule().isExported(PACKAGE, ChannelDescriptor.class.getModule()) ? null
                : "the JVM was started without --add-exports=java.base/sun.nio.ch=ALL-UNNAMED";
    }

    /** @return the descriptor of an open channel's socket */
    public static int of(SocketChannel channel) {
        return ((sun.nio.ch.SelChImpl) channel).getFDVal();
    }
}
