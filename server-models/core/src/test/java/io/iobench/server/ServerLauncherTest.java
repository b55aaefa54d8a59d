package io.iobench.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.options.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the launcher does with mistakes: one line saying what is wrong and where the usage is, exit 2, no stack trace. */
class ServerLauncherTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsUsageAndExitsZeroOnHelp() {
        assertThat(run("--help")).isZero();

        assertThat(out()).startsWith("usage: iobench server --model NAME");
        assertThat(err()).isEmpty();
    }

    @Test
    void requiresAModel() {
        assertThat(run("--port", "0")).isEqualTo(UsageException.EXIT_CODE);

        assertThat(err()).isEqualTo("iobench server: --model is required (iobench server --help shows the options)\n");
    }

    @Test
    void namesTheKnownModelsWhenTheModelIsUnknown() {
        assertThat(run("--model", "no-such-model")).isEqualTo(UsageException.EXIT_CODE);

        assertThat(err()).startsWith("iobench server: unknown model 'no-such-model'; known models:");
    }

    @Test
    void rejectsUnknownOptionsAndStrayWords() {
        assertThat(run("--model", "x", "--colour", "red")).isEqualTo(UsageException.EXIT_CODE);
        assertThat(err()).startsWith("iobench server: unknown option --colour");

        err.reset();
        assertThat(run("serve")).isEqualTo(UsageException.EXIT_CODE);
        assertThat(err()).startsWith("iobench server: unexpected argument 'serve'");
    }

    @Test
    void rejectsAnOptionWithoutItsValue() {
        assertThat(run("--model")).isEqualTo(UsageException.EXIT_CODE);

        assertThat(err()).startsWith("iobench server: --model needs a value");
    }

    @Test
    void printsNoStackTraceForUsageErrorsEvenWithDebug() {
        run("--debug", "--model", "no-such-model");

        assertThat(err()).doesNotContain("\tat ").hasLineCount(1);
        assertThat(out()).isEmpty();
    }

    private int run(String... args) {
        return ServerLauncher.run(args, print(out), print(err));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
