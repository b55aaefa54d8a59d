package io.iobench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.report.view.Metric;
import io.iobench.report.view.NumberText;
import io.iobench.results.RunFiles;
import io.iobench.results.RunResult;
import io.iobench.results.RunResult.RunFlags.Flag;
import io.iobench.results.RunResultFile;
import io.iobench.results.StoredRun;
import io.iobench.results.SweepReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose server answered some echoes with wrong bytes completed and measured, but what it measured was not an
 * echo server: both formats list it as INVALID, tinted and with its figures left out as a failed run's are.
 */
class CorruptRunReportTest {

    @Test
    void listsACorruptRunAsInvalidWithItsFiguresLeftOut(@TempDir Path temp) throws IOException {
        Path dir = Fixtures.copy(Fixtures.CLOSED_LOOP, temp.resolve("sweep"));
        StoredRun selector = SweepReader.read(dir).runs().stream()
                .filter(run -> run.id().startsWith("selector-c10-")).findFirst().orElseThrow();
        RunResult r = selector.result();
        RunResultFile.write(RunResult.of(r.point(), r.timing(), r.throughput(), r.latencyUs(), r.connect(),
                        new RunResult.Errors(0, 0, 0, 0, 408, 0, 0), r.server(), r.client(),
                        RunResult.RunFlags.of(Set.of(Flag.CORRUPT), null), r.environment(), r.files()),
                selector.dir().resolve(RunFiles.RESULT_JSON));

        CommandRun run = CommandRun.of(dir.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        String markdown = Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8);
        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        String invalid = "INVALID: corrupt: 408 echoes came back with wrong bytes";
        String msgsPerS = NumberText.of(Metric.MSGS_PER_S, r.throughput().msgsPerS());
        assertThat(markdown).containsPattern("\\| \\*\\*selector\\*\\* \\| 10 \\| .*" + Pattern.quote(invalid));
        assertThat(markdown).doesNotContainPattern("\\| \\*\\*selector\\*\\* \\| 10 \\| .*" + Pattern.quote(msgsPerS));
        assertThat(markdown).contains("INVALID rows completed", "Failed or invalid: ");
        assertThat(html).contains("<td class=\"failed\">" + invalid);
        assertThat(html).contains("1 failed, 1 invalid");
    }
}
