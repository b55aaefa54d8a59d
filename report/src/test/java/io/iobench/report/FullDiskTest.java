package io.iobench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.iobench.results.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report that cannot be written leaves no half page: the earlier whole report or none, and one line naming the
 * file. The disk fills up for real: report.html's temporary file is made a link to /dev/full, which fails every
 * write with ENOSPC, as a full disk does.
 */
class FullDiskTest {

    private static final Path FULL = Path.of("/dev/full");

    @BeforeAll
    static void needsDevFull() {
        assumeTrue(Files.isWritable(FULL), "/dev/full, which fails every write as a full disk does");
    }

    @Test
    void aReportThatCannotBeWrittenLeavesTheEarlierOneWholeAndNamesIt(@TempDir Path temp) throws IOException {
        Path dir = Fixtures.copy(Fixtures.CLOSED_LOOP, temp.resolve("sweep"));
        Path html = dir.resolve("report.html");
        assertThat(CommandRun.of(dir.toString()).exit()).isZero();
        String earlier = Files.readString(html);
        fillDiskUnder(html);

        CommandRun run = CommandRun.of(dir.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().lines().filter(line -> !line.contains(": warning: "))).singleElement().asString()
                .startsWith("iobench report: " + html + ": not written (No space left on device)");
        assertThat(Files.readString(html)).isEqualTo(earlier).endsWith("</html>\n");
        assertThat(Files.exists(AtomicFile.temporary(html), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void aFirstReportThatCannotBeWrittenLeavesNoPage(@TempDir Path temp) throws IOException {
        Path dir = Fixtures.copy(Fixtures.CLOSED_LOOP, temp.resolve("sweep"));
        Path html = dir.resolve("report.html");
        fillDiskUnder(html);

        CommandRun run = CommandRun.of(dir.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(html + ": not written (No space left on device)");
        assertThat(html).doesNotExist();
        assertThat(dir.resolve("report.md")).doesNotExist();
        assertThat(Files.exists(AtomicFile.temporary(html), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    /** Every write of {@code file} now fails as on a full disk. */
    private static void fillDiskUnder(Path file) throws IOException {
        Files.createSymbolicLink(AtomicFile.temporary(file), FULL);
    }
}
