package io.iobench.client.engine;

import io.iobench.client.uring.ChannelDescriptor;
import io.iobench.client.uring.IoUring;
import java.util.Locale;

/**
 * How the client's IO threads talk to the kernel. Both drive every connection from one thread per
 * {@code --io-threads}, check every echo and time it the same way; they differ in system calls per message.
 */
public enum ClientIo {

    /**
     * io_uring (Linux 6.1+): a multishot receive per connection into shared provided buffers, sends queued and
     * submitted in batches; one {@code io_uring_enter} per turn of the loop instead of a read and a write per
     * message. The default where it works, so that the client costs less per message than the servers it loads.
     */
    IO_URING("io_uring"),

    /** A java.nio {@code Selector} (epoll): a {@code read} and a {@code write} system call per message. */
    SELECTOR("selector");

    private final String label;

    ClientIo(String label) {
        this.label = label;
    }

    /** @return the name on the command line and in result files */
    public String label() {
        return label;
    }

    /** @return the value named {@code label}, or null */
    public static ClientIo of(String label) {
        for (ClientIo io : values()) {
            if (io.label.equals(label.toLowerCase(Locale.ROOT))) {
                return io;
            }
        }
        return null;
    }

    /** @return io_uring where this process can use it, else the selector */
    public static ClientIo preferred() {
        return IO_URING.unavailableReason() == null ? IO_URING : SELECTOR;
    }

    /** @return null when this process can drive connections this way, else why not, in one line */
    public String unavailableReason() {
        if (this == SELECTOR) {
            return null;
        }
        String descriptors = ChannelDescriptor.unavailableReason();
        return descriptors != null ? descriptors : IoUring.unavailableReason();
    }
}
