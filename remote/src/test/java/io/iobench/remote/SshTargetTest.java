package io.iobench.remote;

import io.iobench.options.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SshTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {"host", "root@host", "198.18.0.1", "u@198.18.0.1", "[fd00::1]", "me@[fd00::1]",
            "a.b-c.example"})
    void roundTripsWhatItParses(String text) {
        assertThat(SshTarget.parse(text).toString()).isEqualTo(text);
    }

    @Test
    void splitsUserAndHost() {
        assertThat(SshTarget.parse("root@[fd00::1]")).isEqualTo(new SshTarget(Optional.of("root"), "fd00::1"));
        assertThat(SshTarget.parse("h").user()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "@host", "root@", "a b", "host;rm", "[nothex]", "fd00::1", "-oProxy=x", "u@@h"})
    void refusesWhatIsNotAHost(String text) {
        assertThatThrownBy(() -> SshTarget.parse(text)).isInstanceOf(UsageException.class)
                .hasMessageContaining("[user@]host");
    }

    @Test
    void quotesSoTheShellReadsArgumentsBackVerbatim() throws Exception {
        List<String> args = List.of("it's", "a b", "$HOME", "", "\"q\"");
        Process p = new ProcessBuilder("sh", "-c", "printf '%s\\n' " + ShellQuote.command(args)).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).isZero();
        assertThat(out).isEqualTo(String.join("\n", args) + "\n");
        assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\\''s'");
    }
}
