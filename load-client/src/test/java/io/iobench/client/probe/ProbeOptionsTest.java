package io.iobench.client.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iobench.options.UsageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The probe's options: the clients' schedule given in full, and a command line that reads back as the same. */
class ProbeOptionsTest {

    @Test
    void readsBackTheCommandLineItWrites() {
        ProbeOptions options = new ProbeOptions(4242, Duration.ofSeconds(2), Duration.ofMillis(500),
                Duration.ofSeconds(10), 1000, Path.of("out/probe.json"), true);

        assertThat(ProbeOptions.parse(options.toArguments())).isEqualTo(options);
        assertThat(ProbeOptions.parse(options.toArguments().subList(0, 12)).exitOnStdinEof()).isFalse();
        ProbeOptions profiled = options.withProfilers(List.of("jfr", "syscalls"));
        assertThat(ProbeOptions.parse(profiled.toArguments())).isEqualTo(profiled);
        assertThat(profiled.toArguments()).containsSubsequence("--prof", "jfr,syscalls");
    }

    @Test
    void readsDurationsAsTheLoadClientDoes() {
        ProbeOptions options = ProbeOptions.parse(List.of("--pid", "7", "--idle-window", "0", "--warmup", "1.5",
                "--duration", "2m", "--out", "p.json"));

        assertThat(options.idleWindow()).isZero();
        assertThat(options.warmup()).isEqualTo(Duration.ofMillis(1500));
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.connections()).isZero();
    }

    @Test
    void refusesAScheduleLeftToDefaults() {
        assertThatThrownBy(() -> ProbeOptions.parse(List.of("--pid", "7", "--idle-window", "0", "--warmup", "0",
                "--out", "p.json"))).isInstanceOf(UsageException.class).hasMessageContaining("--duration");
    }

    @Test
    void refusesAnIdleWindowTooShortToMeasure() {
        assertThatThrownBy(() -> ProbeOptions.parse(List.of("--pid", "7", "--idle-window", "200ms", "--warmup",
                "0", "--duration", "1s", "--out", "p.json"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("--idle-window must be 0 (none) or at least 1s");
    }
}
