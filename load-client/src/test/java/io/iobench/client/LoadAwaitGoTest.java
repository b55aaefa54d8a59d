package io.iobench.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.client.testserver.TestEchoServer;
import io.iobench.client.testjvm.ChildJvm;
import io.iobench.options.GoSignal;
import io.iobench.results.RunFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code iobench load --await-go}: armed once connected, nothing measured until a line GO on stdin. */
class LoadAwaitGoTest {

    @TempDir
    Path temp;

    @Test
    @Timeout(90)
    void printsArmedWaitsForGoThenRunsAndPrintsItsClock() throws Exception {
        Path out = temp.resolve("run");
        try (TestEchoServer server = TestEchoServer.start(); ChildJvm load = start(server, out)) {
            load.awaitLine(GoSignal.ARMED::equals, GoSignal.ARMED);
            Thread.sleep(300);
            assertThat(out.resolve(RunFiles.RESULT_JSON)).as("no result before GO").doesNotExist();
            assertThat(load.stderr()).as("no measured window before GO").doesNotContain("measure");
            load.send(GoSignal.GO);

            assertThat(load.awaitExit(60)).as(load.stderr()).isZero();
            assertThat(load.stdout()).anyMatch(line -> line.matches("GO clock_ms=\\d+\\.\\d{3}"));
        }
        assertThat(out.resolve(RunFiles.RESULT_JSON)).isNotEmptyFile();
    }

    @Test
    @Timeout(90)
    void endOfStdinWhileArmedStopsWithExit129() throws Exception {
        Path out = temp.resolve("run");
        try (TestEchoServer server = TestEchoServer.start(); ChildJvm load = start(server, out)) {
            load.awaitLine(GoSignal.ARMED::equals, GoSignal.ARMED);
            load.closeStdin();

            assertThat(load.awaitExit(30)).isEqualTo(129);
        }
        assertThat(out.resolve(RunFiles.RESULT_JSON)).doesNotExist();
    }

    private ChildJvm start(TestEchoServer server, Path out) throws IOException {
        return ChildJvm.start(LoadOptions.mainClass(), List.of("--target", server.target(), "--connections", "2",
                "--warmup", "0s", "--idle-window", "0", "--duration", "1s", "--out", out.toString(), "--await-go"),
                temp, "load");
    }
}
