package io.iobench.report.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.report.document.Document;
import io.iobench.report.document.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownFormatTest {

    @Test
    void cellsCannotBreakTheTableAndFailedRowsStandOut(@TempDir Path temp) throws IOException {
        Table table = new Table(List.of(Table.Column.text("model"), Table.Column.number("p99 µs"),
                Table.Column.text("flags")));
        table.add(Table.Tone.FAILED, List.of(Table.Cell.of("a|b"), Table.Cell.of("—"),
                Table.Cell.of("FAILED: died <badly>\nhere")));
        Path file = temp.resolve("report.md");

        new MarkdownFormat().write(new Document("t", "s").table(table), file);

        assertThat(Files.readString(file)).contains("| model | p99 µs | flags |\n| --- | ---: | --- |\n"
                + "| **a\\|b** | — | FAILED: died &lt;badly&gt; here |\n");
    }
}
