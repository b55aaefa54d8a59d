package io.iobench.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the launcher does when a thread of its model dies of an error nobody caught. */
class UncaughtErrorsTest {

    /*
     * A virtual-thread server whose poller could not open went on accepting, served every client end of stream and
     * printed a stack trace per connection. A server that can no longer serve must say so once and exit non-zero.
     */
    @Test
    @Timeout(60)
    void aServerWhoseThreadDiesSaysSoInOneLineAndExitsOne(@TempDir Path dir) throws Exception {
        try (LauncherProcess server = LauncherProcess.start(DiesOnConnectModel.NAME, List.of(), dir);
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            assertThat(server.awaitExit(Duration.ofSeconds(30))).as(server::stderr).isEqualTo(1);
            List<String> lines = server.stderrLines();
            assertThat(lines).filteredOn(line -> line.startsWith("iobench server: ")).singleElement().asString()
                    .contains("server failed and cannot go on")
                    .contains("NoClassDefFoundError: Could not initialize class sun.nio.ch.Poller")
                    .contains("thread dies-conn");
            assertThat(lines).as("stderr").noneMatch(line -> line.startsWith("\tat ")).hasSize(2);
        }
    }

    @Test
    @Timeout(10)
    void keepsTheFirstDeathAndGivesTheDefaultHandlerBack() throws Exception {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        int[] firsts = {0};
        try (UncaughtErrors errors = UncaughtErrors.install(() -> firsts[0]++)) {
            for (String name : List.of("first", "second")) {
                Thread thread = Thread.ofPlatform().name(name).unstarted(() -> {
                    throw new IllegalStateException(name + " broke");
                });
                thread.start();
                thread.join();
            }
            assertThat(errors.first()).hasValueSatisfying(death -> {
                assertThat(death.thread()).isEqualTo("first");
                assertThat(death.error()).hasMessage("first broke");
            });
            assertThat(firsts[0]).isEqualTo(1);
        }
        assertThat(Thread.getDefaultUncaughtExceptionHandler()).isSameAs(before);
    }
}
