package io.iobench.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iobench.client.engine.ClientIo;
import io.iobench.options.UsageException;
import java.lang.reflect.RecordComponent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The client's options as one description: what the sweep builds is what the command reads back. */
class LoadOptionsTest {

    private static final InetSocketAddress TARGET = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40123);

    /** Every option away from its default, closed and open loop, with and without a server pid. */
    private static List<LoadOptions> everyOption() {
        List<LoadOptions> options = new ArrayList<>();
        options.add(LoadOptions.builder(TARGET, 1).out(Path.of("/tmp/run-a")).build());
        options.add(LoadOptions.builder(TARGET, 10_000).idleConnections(5_000).sizeBytes(LoadOptions.MAX_SIZE_BYTES)
                .duration(Duration.ofMillis(1500)).warmup(Duration.ZERO).idleWindow(Duration.ZERO).closedLoop(16)
                .serverPid(4242).serverThreads(8).model("netty-io-uring").connectTimeout(Duration.ofNanos(250_000)).ioThreads(4)
                .clientIo(ClientIo.SELECTOR).out(Path.of("/tmp/run b")).build());
        options.add(LoadOptions.builder(TARGET, 100).sizeBytes(1).duration(Duration.ofMinutes(2))
                .warmup(Duration.ofNanos(7)).idleWindow(Duration.ofSeconds(3)).openLoop(LoadOptions.MAX_RATE)
                .model("thread-pool").clientIo(ClientIo.IO_URING).out(Path.of("relative/run-c")).exitOnStdinEof(true).awaitGo(true)
                .profilers(List.of("syscalls", "gc")).build());
        return options;
    }

    @Test
    void readsBackEveryOptionItWrites() {
        for (LoadOptions written : everyOption()) {
            assertThat(LoadOptions.parse(written.toArguments())).isEqualTo(written);
        }
    }

    /* A field added to the record but not to toArguments() would pass the test above at its default: the samples
       must give every field a value other than the default somewhere. */
    @Test
    void theSamplesMoveEveryFieldAwayFromItsDefault() {
        LoadOptions defaults = LoadOptions.builder(TARGET, 1).out(Path.of("/tmp/run-a")).build();
        Set<String> moved = everyOption().stream().flatMap(o -> Stream.of(LoadOptions.class.getRecordComponents())
                .filter(c -> !Objects.equals(value(c, o), value(c, defaults))).map(RecordComponent::getName))
                .collect(Collectors.toSet());

        assertThat(moved).containsAll(Stream.of(LoadOptions.class.getRecordComponents())
                .map(RecordComponent::getName).filter(name -> !name.equals("target")).toList());
    }

    @Test
    void refusesWhatTheCommandRefusesWhicheverWayItIsBuilt() {
        assertThatThrownBy(() -> LoadOptions.builder(TARGET, 1).idleWindow(Duration.ofMillis(500)).build())
                .isInstanceOf(UsageException.class).hasMessage("--idle-window must be 0 (none) or at least 1s, got 500ms");
        assertThatThrownBy(() -> LoadOptions.builder(TARGET, 1).sizeBytes(LoadOptions.MAX_SIZE_BYTES + 1).build())
                .isInstanceOf(UsageException.class).hasMessageStartingWith("--size must be 1 B to 1 MiB");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--target", "127.0.0.1:1", "--connections", "1",
                "--idle-window", "900ms"))).isInstanceOf(UsageException.class)
                .hasMessage("--idle-window must be 0 (none) or at least 1s, got 900ms");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--target", "127.0.0.1:1", "--connections", "1",
                "--size", "2m"))).isInstanceOf(UsageException.class)
                .hasMessage("--size must be between 1 and 1048576, got 2m");
    }

    @Test
    void countsADescriptorPerConnectionAndTheJvmsOwn() {
        LoadOptions options = LoadOptions.builder(TARGET, 1000).idleConnections(500).build();

        assertThat(options.descriptorsNeeded()).isEqualTo(1500 + LoadOptions.DESCRIPTOR_RESERVE);
    }

    private static Object value(RecordComponent component, LoadOptions options) {
        try {
            return component.getAccessor().invoke(options);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
