package io.iobench.server;

/**
 * A running echo server: every byte a client writes is written back to it, in order.
 *
 * <p>An instance is returned by {@link IoModel#start(ServerOptions)} already listening. {@link #close()}
 * releases everything the server owns: the listening socket, every accepted connection and every thread it
 * started. When {@code close()} returns the port can be bound again and no thread of the server is alive.
 */
public interface EchoServer extends AutoCloseable {

    /** @return the TCP port the server is bound to (the real one when {@code --port 0} asked for any). */
    int port();

    /**
     * @return the IO or worker threads that serve connections (event loops, pool workers, the one polling or
     *         selecting thread), not counting an acceptor; 0 when each connection has a thread of its own
     */
    int ioThreads();

    /** @return counters of accepted, refused and failed connections, live while the server runs. */
    ConnectionLedger ledger();

    /** Stops accepting, closes every connection and joins every thread. Idempotent. */
    @Override
    void close();
}
