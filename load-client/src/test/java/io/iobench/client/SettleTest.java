package io.iobench.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.client.testserver.TestEchoServer;
import io.iobench.options.StopRequests;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settle waits for the server to hold its listening socket and a socket per connection, not for its descriptors
 * or sockets to grow by the connections from what it had before: a JVM closes descriptors it opened while starting
 * (netty-epoll held a second socket at READY that was gone a moment later), and such a count then never comes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SettleTest {

    @TempDir
    Path temp;

    @Test
    void settlesWhileTheServerClosesOtherFilesAndSockets() throws Exception {
        List<Closeable> held = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            held.add(new RandomAccessFile(Files.createFile(temp.resolve("held-" + i)).toFile(), "r"));
            held.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
        }
        long pid = ProcessHandle.current().pid();
        // The "server" is this JVM: its files and sockets close a moment after the client read it before connecting.
        Thread closer = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(300);
                for (Closeable descriptor : held) {
                    descriptor.close();
                }
            } catch (InterruptedException | IOException e) {
                throw new IllegalStateException(e);
            }
        });
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        RunFacts facts;
        try (TestEchoServer server = TestEchoServer.start()) {
            LoadOptions options = LoadOptions.parse(List.of("--target", server.target(), "--connections", "10",
                    "--duration", "300ms", "--warmup", "0s", "--idle-window", "0", "--connect-timeout", "3s",
                    "--server-pid", Long.toString(pid), "--out", temp.resolve("run").toString()));
            facts = new LoadRun(options, Files.createDirectories(temp.resolve("run")), new PrintStream(progress,
                    true, StandardCharsets.UTF_8), ServerReadings.of(pid), new StopRequests()).execute();
        }
        closer.join();

        assertThat(facts.connected().settled().complete()).as(progress.toString(StandardCharsets.UTF_8)).isTrue();
    }
}
