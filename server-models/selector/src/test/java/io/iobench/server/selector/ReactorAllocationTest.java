package io.iobench.server.selector;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import io.iobench.server.EchoServer;
import io.iobench.server.IoModel;
import io.iobench.server.ServerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reactor's echo loop allocates nothing per message: the ready-key action is created once, the read buffer is
 * reused and no selected-key set is filled. Measured with the JVM's per-thread allocation counter on the reactor
 * thread, after a warm-up that lets the JIT and lazy JDK initialisation allocate what they will.
 */
class ReactorAllocationTest {

    private static final int WARM_UP_MESSAGES = 20_000;
    private static final int MEASURED_MESSAGES = 20_000;
    /** Slack for a few one-off allocations (a late JIT deoptimisation, a resized internal queue); 0.05 B/message. */
    private static final long MAX_ALLOCATED_BYTES = 1024;

    @ParameterizedTest
    @ValueSource(strings = {"selector", "poll"})
    @Timeout(60)
    void allocatesNothingPerEchoedMessage(String modelName) throws IOException {
        IoModel model = modelName.equals("poll") ? new PollModel() : new SelectorModel();
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (EchoServer server = model.start(ServerOptions.loopback());
             Socket client = new Socket()) {
            client.setTcpNoDelay(true);
            client.setSoTimeout(30_000);
            client.connect(new InetSocketAddress(ServerOptions.loopback().bind(), server.port()));
            echo(client, WARM_UP_MESSAGES);
            long reactor = reactorThreadId(modelName);
            long before = threads.getThreadAllocatedBytes(reactor);
            echo(client, MEASURED_MESSAGES);
            long allocated = threads.getThreadAllocatedBytes(reactor) - before;
            assertThat(allocated).as("bytes the reactor allocated echoing %d messages", MEASURED_MESSAGES)
                    .isLessThan(MAX_ALLOCATED_BYTES);
        }
    }

    private static void echo(Socket client, int messages) throws IOException {
        OutputStream out = client.getOutputStream();
        InputStream in = client.getInputStream();
        byte[] message = new byte[64];
        byte[] echoed = new byte[message.length];
        for (int i = 0; i < messages; i++) {
            Arrays.fill(message, (byte) i);
            out.write(message);
            int read = 0;
            while (read < echoed.length) {
                int n = in.read(echoed, read, echoed.length - read);
                if (n < 0) {
                    throw new IOException("server closed the connection");
                }
                read += n;
            }
            assertThat(echoed).isEqualTo(message);
        }
    }

    private static long reactorThreadId(String modelName) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(modelName + "-reactor-0"))
                .findFirst().orElseThrow().threadId();
    }
}
