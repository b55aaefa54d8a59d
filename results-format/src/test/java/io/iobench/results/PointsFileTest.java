package io.iobench.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.iobench.results.fixture.SyntheticSweep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** points.json and points.csv: the points' statistics, sealed by golden files; the CSV is a view of the JSON. */
class PointsFileTest {

    @TempDir
    Path dir;

    /* Three repetitions a point, one of them flagged client_bound: every column has a value to show. */
    private PointsFile points() throws IOException {
        Path sweep = SyntheticSweep.write(SyntheticSweep.Repeated.of(3, 1.0, 0.02, 7L)
                .flagging("selector-c100-s64-r2"), dir.resolve("sweep"));
        return PointsFile.of(PointStatistics.of(SweepReader.read(sweep), new Warnings()));
    }

    @Test
    void writesItsFieldsAndColumnsInTheirPlace() throws IOException {
        PointsFile points = points();

        Golden.assertJson("points.json", points.json());
        Golden.assertCsv("points.csv", points.csv());
    }

    /* A column names its field by path; a field renamed in PointsFile would leave the column empty forever. */
    @Test
    void everyColumnShowsAFieldAPointHas() throws IOException {
        JsonNode point = JsonFormat.toTree(points()).get("points").get(0);

        for (PointsFile.Column column : PointsFile.COLUMNS) {
            assertThat(point.at(column.field()).isMissingNode()).as(column.name() + " <- " + column.field()).isFalse();
            // A closed loop has no target rate; every other column of a repeated point has a value.
            if (!column.name().equals("rate_target_msgs_per_s")) {
                assertThat(point.at(column.field()).isNull()).as(column.name() + " <- " + column.field()).isFalse();
            }
        }
    }

    @Test
    void writesBothFilesIntoTheSweep() throws IOException {
        PointsFile points = points();

        points.write(dir);

        assertThat(Files.readString(dir.resolve(PointsFile.CSV))).isEqualTo(points.csv());
        assertThat(dir.resolve(PointsFile.JSON)).isRegularFile();
        assertThat(points.csv().lines().toList()).hasSize(1 + 4).first().isEqualTo(PointsFile.HEADER);
    }

    @Test
    void aPointOfOneRunHasNoIntervalAndEmptyCellsForIt() throws IOException {
        Path sweep = SyntheticSweep.write(SyntheticSweep.Repeated.of(1, 1.0, 0.02, 7L), dir.resolve("single"));
        PointsFile points = PointsFile.of(PointStatistics.of(SweepReader.read(sweep), new Warnings()));

        PointsFile.FigureEstimate throughput = points.points().getFirst().figures().msgsPerS();
        assertThat(throughput.n()).isEqualTo(1);
        assertThat(throughput.low()).isNull();
        assertThat(throughput.coverage()).isNull();
        assertThat(throughput.median()).isEqualTo(throughput.values().getFirst());
        List<String> header = List.of(PointsFile.HEADER.split(","));
        List<String> row = List.of(points.csv().lines().toList().get(1).split(",", -1));
        assertThat(row.get(header.indexOf("msgs_per_s_low"))).isEmpty();
        assertThat(row.get(header.indexOf("msgs_per_s_n"))).isEqualTo("1");
    }
}
