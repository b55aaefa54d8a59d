package io.iobench.server.select;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.server.ServerOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The select model's hard limit: a connection accepted on a descriptor select cannot watch is closed and counted,
 * and the fd_sets stay intact, so the connections below the limit keep being served.
 */
class FdSetSizeLimitTest {

    private static final int SERVED = 8;
    private static final int OVERFLOWING = 50;

    @Test
    @Timeout(120)
    void closesAndCountsConnectionsOnDescriptorsFromFdSetSizeUpAndServesTheOthers() throws Exception {
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        List<Socket> sockets = new ArrayList<>();
        try (SelectServer server = SelectServer.start(ServerOptions.loopback(), err)) {
            List<Socket> served = new ArrayList<>();
            try (DescriptorFiller filler = new DescriptorFiller()) {
                for (int i = 0; i < SERVED; i++) {
                    Socket socket = EchoProbe.connect(server.port());
                    sockets.add(socket);
                    served.add(socket);
                    EchoProbe.assertEchoes(socket, 100);
                }
                for (int i = 0; i < OVERFLOWING; i++) {
                    // Refilled each time: the JVM may close a low descriptor at any moment.
                    filler.fillBelow(FdSet.FD_SETSIZE);
                    Socket socket = EchoProbe.connect(server.port());
                    sockets.add(socket);
                    assertThat(socket.getInputStream().read()).as("connection %d above FD_SETSIZE is closed", i)
                            .isEqualTo(-1);
                }
                assertThat(filler.taken()).as("descriptors filled").isPositive();

                assertThat(server.fdSetOverflows()).isEqualTo(OVERFLOWING);
                assertThat(server.ledger().refused()).as("counted as refused, like any other").isEqualTo(OVERFLOWING);
                for (Socket socket : served) {
                    EchoProbe.assertEchoes(socket, 10_000);
                }
                assertThat(server.ledger().accepted()).isEqualTo(SERVED);
                assertThat(server.ledger().open()).isEqualTo(SERVED);
            }

            try (Socket again = EchoProbe.connect(server.port())) {
                EchoProbe.assertEchoes(again, 100);
            }
            assertThat(server.ledger().accepted()).as("served again once low descriptors are free")
                    .isEqualTo(SERVED + 1);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }

        List<String> lines = errBytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).as("a line per overflow would flood stderr").hasSizeBetween(1, OVERFLOWING / 5);
        assertThat(lines.getFirst()).contains("FD_SETSIZE=1024", "fdset_overflows=1");
        assertThat(lines.getLast()).contains("fdset_overflows=" + OVERFLOWING);
    }
}
