package io.iobench.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.client.proc.ProcStat;
import io.iobench.client.proc.ProcessTimes;
import io.iobench.client.testserver.TestEchoServer;
import io.iobench.options.StopRequests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the client reads of the server inside the measured window does not grow with the server's threads: the
 * window's edges read the server's CPU times (one file), and every server thread (files by the thousand for a
 * thread per connection, on the client's CPU) is read only outside it, just before and just after.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MeasuredWindowReadingsTest {

    @TempDir
    Path temp;

    @Test
    void readsEveryServerThreadOnlyOutsideTheMeasuredWindow() throws Exception {
        long pid = ProcessHandle.current().pid();
        ServerReadings real = ServerReadings.of(pid);
        List<String> kinds = Collections.synchronizedList(new ArrayList<>());
        ServerReadings watched = new ServerReadings() {
            @Override
            public ProcStat snapshot() throws IOException {
                kinds.add("snapshot");
                return real.snapshot();
            }

            @Override
            public ProcessTimes times() throws IOException {
                kinds.add("times");
                return real.times();
            }
        };
        run(watched);

        // Before connecting, once connected, just before the window, its two edges, just after it.
        assertThat(kinds).containsExactly("snapshot", "snapshot", "snapshot", "times", "times", "snapshot");
    }

    @Test
    void countsTheIoThreadOverTheWindowEvenWhenItEndedBeforeTheWindowsEndWasRead() throws Exception {
        long pid = ProcessHandle.current().pid();
        ServerReadings real = ServerReadings.of(pid);
        int[] timesRead = {0};
        ServerReadings slowAtTheEnd = new ServerReadings() {
            @Override
            public ProcStat snapshot() throws IOException {
                return real.snapshot();
            }

            @Override
            public ProcessTimes times() throws IOException {
                if (++timesRead[0] == 2) {
                    // The window's end edge: a closed loop drains in a round trip, so its IO thread is gone by now.
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return real.times();
            }
        };
        RunFacts facts = run(slowAtTheEnd);

        assertThat(facts.window().io().exited()).isZero();
        assertThat(facts.window().io().runNs()).isPositive();
        assertThat(facts.window().ioBusy()).isPositive();
    }

    /** A short closed-loop run against a test server in this process, reading it through {@code readings}. */
    private RunFacts run(ServerReadings readings) throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        try (TestEchoServer server = TestEchoServer.start()) {
            LoadOptions options = LoadOptions.parse(List.of("--target", server.target(), "--connections", "4",
                    "--duration", "1s", "--warmup", "500ms", "--idle-window", "0", "--server-pid",
                    Long.toString(ProcessHandle.current().pid()), "--out", temp.toString()));
            RunFacts facts = new LoadRun(options, Files.createDirectories(temp), new PrintStream(progress, true,
                    StandardCharsets.UTF_8), readings, new StopRequests()).execute();
            assertThat(facts.failure()).as(progress.toString(StandardCharsets.UTF_8)).isNull();
            return facts;
        }
    }
}
