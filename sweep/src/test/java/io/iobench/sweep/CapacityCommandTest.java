package io.iobench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A malformed objective or search setting is one line and exit 2, before anything is started or written. */
class CapacityCommandTest {

    @TempDir
    Path tmp;

    @Test
    void refusesAMalformedObjectiveInOneLineWithExit2() {
        for (String slo : new String[] {"p99=fast", "p101=1ms", "p99=-1ms"}) {
            for (boolean asSweep : new boolean[] {false, true}) {
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                Path out = tmp.resolve("never-" + asSweep);
                String[] args = asSweep ? new String[] {"--capacity", "--slo", slo, "--out", out.toString()}
                        : new String[] {"--slo", slo, "--out", out.toString()};

                int exit = asSweep ? SweepCommand.run(args, System.out, printer(err), dir -> 0)
                        : CapacityCommand.run(args, System.out, printer(err), dir -> 0);

                String said = err.toString(StandardCharsets.UTF_8);
                assertThat(exit).as(slo).isEqualTo(2);
                assertThat(said.lines()).as(said).singleElement().asString()
                        .startsWith("iobench capacity: --slo ").contains("'" + slo + "'");
                assertThat(out).doesNotExist();
            }
        }
    }

    @Test
    void refusesSearchSettingsThatCannotSearch() {
        String[][] cases = {{"--lowest-rate", "5000", "--highest-rate", "1000"}, {"--ramp", "1"},
                {"--precision", "0%"}, {"--ramp", "fast"}, {"--idle-window", "2s"}};
        for (String[] flags : cases) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int exit = CapacityCommand.run(flags, System.out, printer(err), dir -> 0);

            assertThat(exit).as(String.join(" ", flags)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                    .startsWith("iobench capacity: ");
        }
    }

    private static PrintStream printer(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
