package io.iobench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iobench.options.FileDescriptors;
import io.iobench.options.UsageException;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher's options as one description: what the sweep builds is what the launcher reads back. */
class LauncherOptionsTest {

    @Test
    void readsBackEveryOptionItWrites() throws Exception {
        for (LauncherOptions written : List.of(LauncherOptions.of("selector"),
                LauncherOptions.of("thread-pool").withThreads(512),
                LauncherOptions.of("selector").exitingOnStdinEof(),
                new LauncherOptions("netty-epoll", InetAddress.getByName("127.0.0.2"), 40_000, 4, 10_000, true))) {
            assertThat(LauncherOptions.parse(written.toArguments())).isEqualTo(written);
        }
    }

    @Test
    void leavesTheConnectionCapToTheProcessThatServes() {
        LauncherOptions options = LauncherOptions.parse(List.of("--model", "selector"));

        assertThat(options.maxConnections()).isNull();
        assertThat(options.exitOnStdinEof()).as("--exit-on-stdin-eof is opt-in").isFalse();
        assertThat(options.toArguments()).doesNotContain("--max-connections");
        assertThat((long) options.serverOptions().maxConnections()).as("the cap this process leaves room for")
                .isPositive().isLessThanOrEqualTo(FileDescriptors.limit() - ServerOptions.DESCRIPTOR_HEADROOM);
    }

    @Test
    void refusesWhatTheLauncherRefusesWhicheverWayItIsBuilt() {
        assertThatThrownBy(() -> LauncherOptions.of("selector").withThreads(70_000))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("--threads must be between 1 and 65536");
        assertThatThrownBy(() -> LauncherOptions.parse(List.of("--model", "selector", "--threads", "0")))
                .isInstanceOf(UsageException.class)
                .hasMessage("--threads must be between 1 and 65536, got 0 (leave it out for the model's default)");
    }

    @Test
    void refusesThreadsForAModelThatHasNoUseForThem() {
        assertThatThrownBy(() -> Threading.SINGLE.check("select", 1))
                .isInstanceOf(UsageException.class).hasMessageContaining("one thread by design");
        assertThatThrownBy(() -> Threading.PER_CONNECTION.check("thread-per-connection", 2))
                .isInstanceOf(UsageException.class).hasMessageContaining("a thread per connection");
        Threading.POOL.check("thread-pool", 8);
        Threading.REACTORS.check("selector", 2);
        Threading.SINGLE.check("select", null);
    }
}
