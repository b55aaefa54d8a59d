package io.iobench.server;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * A model that breaks while it runs: it listens, and the thread it starts for each connection dies at once of an
 * error nobody catches, as a virtual-thread server's did when the JDK's poller could not open. For what the launcher
 * does about a model that can no longer serve; registered for tests only, in the test resources' service file.
 */
public final class DiesOnConnectModel implements IoModel {

    static final String NAME = "test-dies-on-connect";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "a test model whose connection threads die of an uncaught error";
    }

    @Override
    public Threading threading() {
        return Threading.PER_CONNECTION;
    }

    @Override
    public EchoServer start(ServerOptions options) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.bind(options.socketAddress(), options.backlog());
        ConnectionLedger ledger = new ConnectionLedger(options.maxConnections());
        Thread acceptor = Thread.ofPlatform().name("dies-acceptor").daemon().start(() -> {
            while (!listener.isClosed()) {
                try {
                    listener.accept(); // left open: its client sees no echo, then the end of the server
                    ledger.admit();
                    Thread.ofPlatform().name("dies-conn").daemon().start(() -> {
                        throw new NoClassDefFoundError("Could not initialize class sun.nio.ch.Poller");
                    });
                } catch (IOException e) {
                    return; // closed
                }
            }
        });
        return new EchoServer() {
            @Override
            public int port() {
                return listener.getLocalPort();
            }

            @Override
            public int ioThreads() {
                return 0;
            }

            @Override
            public ConnectionLedger ledger() {
                return ledger;
            }

            @Override
            public void close() {
                try {
                    listener.close();
                    acceptor.join();
                } catch (IOException | InterruptedException ignored) {
                    // A test server: closing is best effort.
                }
            }
        };
    }
}
