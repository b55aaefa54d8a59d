package io.iobench.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuantitiesTest {

    @Test
    void readsDurationsWithUnitsAndBareSeconds() {
        assertThat(Quantities.parseDuration("--d", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Quantities.parseDuration("--d", "10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Quantities.parseDuration("--d", "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Quantities.parseDuration("--d", "1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Quantities.parseDuration("--d", "1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Quantities.parseDuration("--d", " 3 ")).isEqualTo(Duration.ofSeconds(3));
        assertThat(Quantities.parseDuration("--d", "250MS")).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void writesDurationsThatReadBackExactly() {
        for (Duration d : new Duration[] {Duration.ZERO, Duration.ofSeconds(3), Duration.ofMillis(1500),
                Duration.ofNanos(250_000), Duration.ofNanos(7), Duration.ofMinutes(2)}) {
            assertThat(Quantities.parseDuration("--d", Quantities.format(d))).isEqualTo(d);
        }
        assertThat(Quantities.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Quantities.format(Duration.ofSeconds(120))).isEqualTo("120s");
        assertThat(Quantities.parseDuration("--d", "250us")).isEqualTo(Duration.ofNanos(250_000));
    }

    @Test
    void readsPercentagesWithOrWithoutTheirSign() {
        assertThat(Quantities.parsePercent("--p", "5%")).isEqualTo(5.0);
        assertThat(Quantities.parsePercent("--p", "2.5%")).isEqualTo(2.5);
        assertThat(Quantities.parsePercent("--p", " 10 ")).isEqualTo(10.0);
        assertThatThrownBy(() -> Quantities.parsePercent("--p", "five%")).isInstanceOf(UsageException.class)
                .hasMessage("--p takes a percentage such as 5% or 2.5%, got 'five%'");
        assertThatThrownBy(() -> Quantities.parsePercent("--p", "-5%")).isInstanceOf(UsageException.class);
    }

    @Test
    void readsSizesInBinaryMultiples() {
        assertThat(Quantities.parseBytes("--s", "64")).isEqualTo(64);
        assertThat(Quantities.parseBytes("--s", "64b")).isEqualTo(64);
        assertThat(Quantities.parseBytes("--s", "1k")).isEqualTo(1024);
        assertThat(Quantities.parseBytes("--s", "16KiB")).isEqualTo(16 * 1024);
        assertThat(Quantities.parseBytes("--s", "1m")).isEqualTo(1024 * 1024);
        assertThat(Quantities.parseBytes("--s", "2MB")).isEqualTo(2 * 1024 * 1024);
    }

    @Test
    void readsCountsInDecimalMultiples() {
        assertThat(Quantities.parseCount("--n", "100")).isEqualTo(100);
        assertThat(Quantities.parseCount("--n", "10k")).isEqualTo(10_000);
        assertThat(Quantities.parseCount("--n", "2m")).isEqualTo(2_000_000);
    }

    @Test
    void splitsListsDroppingBlanks() {
        assertThat(Quantities.parseList("--models", " selector, busy-poll,,netty-epoll "))
                .containsExactly("selector", "busy-poll", "netty-epoll");
    }

    @Test
    void namesTheOptionAndTheTextInEveryMistake() {
        assertThatThrownBy(() -> Quantities.parseDuration("--duration", "10x"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--duration takes a duration such as 500ms, 10s or 2m, got '10x'");
        assertThatThrownBy(() -> Quantities.parseBytes("--size", "1g"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--size takes a size in bytes such as 64, 1k or 1m, got '1g'");
        assertThatThrownBy(() -> Quantities.parseCount("--connections", "1.5k"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--connections takes a whole number such as 100 or 10k, got '1.5k'");
        assertThatThrownBy(() -> Quantities.parseCount("--connections", "-1"))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> Quantities.parseList("--models", " , "))
                .isInstanceOf(UsageException.class).hasMessage("--models takes a comma-separated list, got ' , '");
    }

    @Test
    void rejectsNumbersTooLargeForALong() {
        assertThatThrownBy(() -> Quantities.parseCount("--n", "99999999999999999999"))
                .isInstanceOf(UsageException.class).hasMessage("--n is too large: 99999999999999999999");
        assertThatThrownBy(() -> Quantities.parseCount("--n", "9223372036854775807k"))
                .isInstanceOf(UsageException.class).hasMessage("--n is too large: 9223372036854775807k");
        assertThatThrownBy(() -> Quantities.parseBytes("--size", "9223372036854775807m"))
                .isInstanceOf(UsageException.class).hasMessage("--size is too large: 9223372036854775807m");
    }
}
