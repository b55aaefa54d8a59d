package io.iobench.server;

import java.io.IOException;

/**
 * One way of doing server IO (a thread per connection, a selector loop, io_uring, ...), discovered with
 * {@link java.util.ServiceLoader}: a model module lists its implementation in
 * {@code META-INF/services/io.iobench.server.IoModel}. Adding a model means adding a module, never editing a switch.
 */
public interface IoModel {

    /** @return the name users type after {@code --model}, lower case with dashes, e.g. {@code selector}. */
    String name();

    /** @return one line saying how the model does IO. */
    String description();

    /** @return how the model uses threads: what {@code --threads} sets, and what it runs without it */
    Threading threading();

    /**
     * Starts an echo server that accepts connections before this method returns.
     *
     * @throws IOException when the address cannot be bound
     * @throws UnsupportedOperationException when the model cannot run on this host (a missing native library);
     *         its message says why
     */
    EchoServer start(ServerOptions options) throws IOException;
}
