package io.iobench.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.iobench.results.fixture.SampleResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** summary.csv: a view of result.json whose columns are sealed by a golden file. */
class SummaryCsvTest {

    @Test
    void writesItsColumnsInTheirPlaceAndEachRunsFigures() throws IOException {
        String csv = SummaryCsv.text(List.of(SummaryCsv.row("selector-c100-i5-s64-r50000", SampleResults.openLoop()),
                SummaryCsv.row("netty-epoll-c10-s64", SampleResults.closedLoop()),
                SummaryCsv.row("busy-poll-c1000-s64", SampleResults.failed())));

        Golden.assertCsv("summary.csv", csv);
    }

    /* A column names its field by path; a field renamed in RunResult would leave the column empty forever. */
    @Test
    void everyColumnShowsAFieldTheRunResultHas() {
        JsonNode full = JsonFormat.toTree(SampleResults.openLoop());

        for (SummaryCsv.Column column : SummaryCsv.COLUMNS) {
            assertThat(full.at(column.field()).isMissingNode()).as(column.name() + " <- " + column.field()).isFalse();
        }
    }

    @Test
    void readsBackItsRowsQuotesIncluded(@TempDir Path dir) throws IOException {
        RunResult failed = SampleResults.closedLoop().withFailure("server died, badly \"twice\"");
        Path file = dir.resolve(SweepDirectory.SUMMARY);
        Files.writeString(file, SummaryCsv.text(List.of(SummaryCsv.row("netty-epoll-c10-s64", failed))));

        List<Map<String, String>> rows = SummaryCsv.read(file);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("id")).isEqualTo("netty-epoll-c10-s64");
            assertThat(row.get("reason")).isEqualTo("server died, badly \"twice\"");
            assertThat(row.get("corrected_p99_us")).isEmpty();
            assertThat(row.get("msgs_per_s")).isEqualTo("139953.3");
            assertThat(row.get("mode")).isEqualTo("closed");
        });
    }
}
