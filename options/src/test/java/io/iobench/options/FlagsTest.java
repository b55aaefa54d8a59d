package io.iobench.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlagsTest {

    private static final Set<String> VALUED = Set.of("model", "port");
    private static final Set<String> SWITCHES = Set.of("debug");

    @Test
    void readsValuesInBothSpellingsAndSwitches() {
        Flags flags = parse("--model", "selector", "--port=8080", "--debug");

        assertThat(flags.required("model")).isEqualTo("selector");
        assertThat(flags.intValue("port", 0, 0, 65535)).isEqualTo(8080);
        assertThat(flags.has("debug")).isTrue();
    }

    @Test
    void givesDefaultsForAbsentFlags() {
        Flags flags = parse();

        assertThat(flags.has("debug")).isFalse();
        assertThat(flags.value("model")).isEmpty();
        assertThat(flags.stringValue("model", "busy-poll")).isEqualTo("busy-poll");
        assertThat(flags.intValue("port", 7, 0, 65535)).isEqualTo(7);
    }

    @Test
    void keepsTheLastValueOfARepeatedFlag() {
        assertThat(parse("--model", "a", "--model", "b").required("model")).isEqualTo("b");
    }

    @Test
    void readsCountsWithMultiples() {
        assertThat(parse("--port", "10k").intValue("port", 0, 0, 65535)).isEqualTo(10_000);
    }

    @Test
    void rejectsUnknownOptionsStrayWordsAndMissingValues() {
        assertThatThrownBy(() -> parse("--colour", "red"))
                .isInstanceOf(UsageException.class).hasMessage("unknown option --colour");
        assertThatThrownBy(() -> parse("selector"))
                .isInstanceOf(UsageException.class).hasMessage("unexpected argument 'selector'; options start with --");
        assertThatThrownBy(() -> parse("--port"))
                .isInstanceOf(UsageException.class).hasMessage("--port needs a value");
    }

    @Test
    void rejectsValuesOutOfRangeOrNotNumbers() {
        assertThatThrownBy(() -> parse("--port", "70000").intValue("port", 0, 0, 65535))
                .isInstanceOf(UsageException.class).hasMessage("--port must be between 0 and 65535, got 70000");
        assertThatThrownBy(() -> parse("--port", "eighty").intValue("port", 0, 0, 65535))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("--port takes a whole number");
    }

    @Test
    void rejectsAValueGivenToASwitch() {
        assertThatThrownBy(() -> parse("--debug=true"))
                .isInstanceOf(UsageException.class).hasMessage("--debug takes no value");
    }

    @Test
    void saysWhichRequiredFlagIsMissing() {
        assertThatThrownBy(() -> parse().required("model"))
                .isInstanceOf(UsageException.class).hasMessage("--model is required");
    }

    @Test
    void readsTypedValuesAndRefusesThemOutOfRangeInTheFlagsOwnName() {
        Flags flags = Flags.parse(new String[] {"--size", "1k", "--warmup", "500ms", "--rates", "10k,20000",
                "--sizes", "64,16KiB", "--jvm", " -Xmx1g  -XX:+UseSerialGC "}, Set.of("size", "warmup", "rates",
                "sizes", "jvm"), Set.of());

        assertThat(flags.bytes("size", "64", 1, 1 << 20)).isEqualTo(1024);
        assertThat(flags.duration("warmup", "2s", Duration.ZERO)).isEqualTo(Duration.ofMillis(500));
        assertThat(flags.duration("missing", "2s", Duration.ZERO)).isEqualTo(Duration.ofSeconds(2));
        assertThat(flags.counts("rates", "1", 1, Long.MAX_VALUE)).containsExactly(10_000L, 20_000L);
        assertThat(flags.sizes("sizes", "64", 1, 1 << 20)).containsExactly(64L, 16_384L);
        assertThat(flags.words("jvm")).containsExactly("-Xmx1g", "-XX:+UseSerialGC");
        assertThat(flags.words("missing")).isEmpty();

        assertThatThrownBy(() -> flags.bytes("size", "64", 1, 512))
                .isInstanceOf(UsageException.class).hasMessage("--size must be between 1 and 512, got 1k");
        assertThatThrownBy(() -> flags.duration("warmup", "2s", Duration.ofSeconds(1)))
                .isInstanceOf(UsageException.class).hasMessage("--warmup must be at least 1s, got 500ms");
        assertThatThrownBy(() -> flags.counts("rates", "1", 15_000, Long.MAX_VALUE))
                .isInstanceOf(UsageException.class).hasMessage("--rates must be at least 15000, got 10k");
    }

    private static Flags parse(String... args) {
        return Flags.parse(args, VALUED, SWITCHES);
    }
}
