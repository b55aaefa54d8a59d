package io.iobench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file is the earlier one or the whole new one: a write that fails leaves no half file and names the target. */
class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void aWriteThatFailsHalfWayLeavesTheEarlierFileAndNamesTheTarget() throws IOException {
        Path file = dir.resolve("report.html");
        AtomicFile.writeText(file, "<html>whole</html>\n");

        assertThatThrownBy(() -> AtomicFile.write(file, out -> {
            out.write("<html>half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        })).isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": not written (No space left on device)");

        assertThat(Files.readString(file)).isEqualTo("<html>whole</html>\n");
        assertThat(dir).isDirectoryNotContaining(path -> !path.equals(file));
    }

    @Test
    void aFirstWriteThatFailsLeavesNoFile() {
        Path file = dir.resolve("summary.csv");

        assertThatThrownBy(() -> AtomicFile.write(file, out -> {
            throw new IOException("No space left on device");
        })).hasMessageContaining(file.toString());

        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aFullDiskLeavesTheEarlierFile() throws IOException {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "/dev/full, which fails every write as a full disk does");
        Path file = dir.resolve("result.json");
        AtomicFile.writeText(file, "{}\n");
        Files.createSymbolicLink(AtomicFile.temporary(file), full);

        assertThatThrownBy(() -> AtomicFile.writeText(file, "{\"schema\" : \"iobench-run/1\"}\n")).hasMessage(
                file + ": not written (No space left on device); an earlier one, if any, is left as it was");

        assertThat(Files.readString(file)).isEqualTo("{}\n");
        assertThat(Files.exists(AtomicFile.temporary(file), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void aWriterThatOpensTheFileItselfGetsATemporaryWithTheTargetsExtension() throws IOException {
        Path file = dir.resolve("throughput-s64.png");

        AtomicFile.writeNamed(file, temp -> {
            assertThat(temp.getFileName().toString()).startsWith(".").endsWith(".png");
            assertThat(temp.getParent()).isEqualTo(dir);
            Files.writeString(temp, "png");
        });

        assertThat(Files.readString(file)).isEqualTo("png");
        assertThat(dir).isDirectoryNotContaining(path -> !path.equals(file));
    }

    @Test
    void aDrawingFailurePassesThroughAsItWasAndLeavesNothing() {
        Path file = dir.resolve("chart.svg");

        assertThatThrownBy(() -> AtomicFile.write(file, out -> {
            out.write('<');
            throw new IllegalArgumentException("range overflows");
        })).isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("range overflows");

        assertThat(dir).isEmptyDirectory();
    }
}
