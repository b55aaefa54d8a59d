package io.iobench.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.iobench.results.fixture.SampleResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SCHEMA.md is the javadoc's view, and it documents every field the writers write, by its path. */
class SchemaDocumentTest {

    static final Path SCHEMA = Path.of("SCHEMA.md");

    @Test
    void isWhatTheJavadocSays() throws IOException {
        Golden.assertText(SCHEMA, new SchemaDocument().render());
    }

    @Test
    void documentsEveryFieldOfEveryFileWritten(@TempDir Path dir) throws IOException {
        String schema = new SchemaDocument().render();
        ObjectMapper json = new ObjectMapper();
        for (RunResult sample : List.of(SampleResults.openLoop(), SampleResults.closedLoop())) {
            for (String path : Golden.fields(json.readTree(RunResultFile.toJson(sample))).keySet()) {
                assertThat(schema).as(path).contains("| `" + dotted(documentedMaps(path)) + "` |");
            }
        }
        for (ProbeResult sample : List.of(SampleResults.probe(), SampleResults.probeFailed())) {
            for (String path : Golden.fields(json.readTree(ProbeResultFile.toJson(sample))).keySet()) {
                assertThat(schema).as(path).contains("| `" + dotted(documentedMaps(path)) + "` |");
            }
        }
        SweepDirectory sweep = SweepDirectory.create(dir.resolve("s"), dir, "t", SweepDirectoryTest.NOW,
                List.of("iobench"), SweepDirectoryTest.PLAN);
        Path scratch = sweep.scratchFor("r");
        sweep.commit("r", scratch, SampleResults.openLoop());
        sweep.finish(SweepManifest.Status.COMPLETE, SweepDirectoryTest.NOW);
        for (String path : Golden.fields(json.readTree(Files.readString(sweep.path().resolve(SweepDirectory.MANIFEST))))
                .keySet()) {
            if (path.startsWith("/environment/")) {
                continue; // the run's environment, documented with result.json
            }
            // plan.threads and plan.model_jvm_options map model names to lists: the map is documented, not each model.
            String documented = path.replaceFirst("^/plan/(threads|model_jvm_options)/.*", "/plan/$1");
            assertThat(schema).as(path).contains("| `" + dotted(documented) + "` |");
        }
        for (SummaryCsv.Column column : SummaryCsv.COLUMNS) {
            assertThat(schema).contains("| `" + column.name() + "` |");
        }
        for (String path : Golden.fields(json.readTree(CapacityFileTest.sample().json())).keySet()) {
            assertThat(schema).as(path).contains("| `" + dotted(path) + "` |");
        }
        for (PointsFile.Column column : PointsFile.COLUMNS) {
            assertThat(schema).contains("| `" + column.name() + "` |")
                    .contains("| `points[]." + column.field().substring(1).replace('/', '.') + "` |");
        }
    }

    /**
     * Maps documented as maps, not each key: tuning.vulnerabilities (name to state), profile.syscalls.calls and
     * per_message (call name to number).
     */
    private static String documentedMaps(String pointer) {
        return pointer.replaceFirst("/tuning/vulnerabilities/.*", "/tuning/vulnerabilities")
                .replaceFirst("/syscalls/(calls|per_message)/.*", "/syscalls/$1");
    }

    /** {@code /runs/0/id} as the document writes it: {@code runs[].id}; list items of plain values are the list. */
    private static String dotted(String pointer) {
        return pointer.substring(1).replaceAll("/\\d+/", "[].").replaceAll("/\\d+$", "").replace('/', '.');
    }
}
