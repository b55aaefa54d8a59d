package io.iobench.server.blocking;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Opens the JDK's virtual-thread poller before the server serves. The JDK opens it (epoll instances, and the
 * threads that wait on them) the first time a virtual thread has to wait for a socket, and only once: if the
 * process has no descriptor free at that moment, its class fails to initialise, and every later wait of every
 * virtual thread on a socket throws {@code NoClassDefFoundError} for the life of the JVM (JDK 25). Under a flood
 * that fills the descriptor table before the first connection's thread waits, that moment is the worst one.
 *
 * <p>A one-millisecond accept on a throwaway listener, on a virtual thread, is such a wait, and needs one
 * descriptor of its own.
 */
final class VirtualThreadPoller {

    private VirtualThreadPoller() {
    }

    /**
     * Makes a virtual thread wait once for a socket, which opens the poller if it is not open yet.
     *
     * @throws IOException when the poller cannot open, with the system's reason
     */
    static void open() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(1);
            FutureTask<Void> waitOnce = new FutureTask<>(() -> {
                try {
                    listener.accept().close(); // a stranger connecting in that millisecond is let go
                } catch (SocketTimeoutException expected) {
                    // The wait went through the poller: it is open.
                }
                return null;
            });
            Thread.ofVirtual().name("vt-open-poller").start(waitOnce).join();
            waitOnce.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening the JDK's virtual-thread poller", e);
        } catch (ExecutionException e) {
            throw new IOException("the JDK's virtual-thread poller could not open: " + rootMessage(e.getCause()),
                    e.getCause());
        }
    }

    /** The innermost message: the poller's class fails with "Too many open files" two causes down. */
    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
