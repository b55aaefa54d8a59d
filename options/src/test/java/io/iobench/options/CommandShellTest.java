package io.iobench.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every command meets its user the same way: help, one-line errors, exit codes, stack traces only on --debug. */
class CommandShellTest {

    private final CommandShell shell = CommandShell.of("demo", "usage: iobench demo [--size 64]");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsTheUsageOnHelpWithoutRunningTheBody() {
        List<List<String>> seen = new ArrayList<>();

        int exit = run(new String[] {"--size", "1", "--help"}, args -> {
            seen.add(args);
            return 7;
        });

        assertThat(exit).isZero();
        assertThat(seen).isEmpty();
        assertThat(out()).isEqualTo("usage: iobench demo [--size 64]\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void handsTheBodyItsArgumentsWithoutDebugAndReturnsItsExitCode() {
        List<List<String>> seen = new ArrayList<>();

        int exit = run(new String[] {"--debug", "--size", "1"}, args -> {
            seen.add(args);
            return 7;
        });

        assertThat(exit).isEqualTo(7);
        assertThat(seen).containsExactly(List.of("--size", "1"));
    }

    @Test
    void turnsAUsageMistakeIntoOneLineAndExitTwoEvenWithDebug() {
        int exit = run(new String[] {"--debug"}, args -> {
            throw new UsageException("--size must be at least 1, got 0");
        });

        assertThat(exit).isEqualTo(UsageException.EXIT_CODE);
        assertThat(err()).isEqualTo("iobench demo: --size must be at least 1, got 0"
                + " (iobench demo --help shows the options)\n");
    }

    @Test
    void namesTheFileOfAnIoErrorInOneLineAndExitsOne() {
        int exit = run(new String[0], args -> {
            throw new NoSuchFileException("/tmp/no-such-sweep/manifest.json");
        });

        assertThat(exit).isEqualTo(CommandShell.FAILED);
        assertThat(err()).isEqualTo("iobench demo: /tmp/no-such-sweep/manifest.json: no such file or directory"
                + " (--debug shows where)\n");
    }

    @Test
    void addsTheStackTraceOfAFailureOnlyWithDebug() {
        CommandShell.Body failing = args -> {
            throw new IOException("connection refused");
        };

        run(new String[0], failing);
        assertThat(err()).doesNotContain("\tat ").hasLineCount(1);

        err.reset();
        run(new String[] {"--debug"}, failing);
        assertThat(err()).startsWith("iobench demo: connection refused\njava.io.IOException: connection refused")
                .contains("\tat ");
    }

    @Test
    void reportsAnUnexpectedErrorAsAFailureRatherThanDying() {
        int exit = run(new String[0], args -> {
            throw new IllegalStateException("bug");
        });

        assertThat(exit).isEqualTo(CommandShell.FAILED);
        assertThat(err()).startsWith("iobench demo: unexpected error: java.lang.IllegalStateException: bug");
    }

    private int run(String[] args, CommandShell.Body body) {
        return shell.run(args, print(out), print(err), body);
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
