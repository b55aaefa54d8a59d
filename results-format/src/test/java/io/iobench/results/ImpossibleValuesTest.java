package io.iobench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iobench.results.fixture.SampleResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A result.json holding what no run produces is refused, strictly by the sweep and with one warning by the report,
 * naming the file and the field: negative counts, rates and percentiles, NaN and infinity, a string or a null where
 * a number belongs, percentiles that decrease. The nulls the schema allows still read.
 */
class ImpossibleValuesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JSON.getNodeFactory();

    @TempDir
    Path dir;

    @Test
    void aNegativeRateIsNamedByFileAndField() throws IOException {
        Path file = damaged(SampleResults.closedLoop(), "throughput.msgs_per_s", NODES.numberNode(-78533));

        assertThatThrownBy(() -> RunResultFile.read(file)).isInstanceOf(ResultFormatException.class)
                .hasMessage(file + ": throughput.msgs_per_s is -78533, must be >= 0");
        assertThat(tolerantWarning(file))
                .isEqualTo(file + ": throughput.msgs_per_s is -78533, must be >= 0; run left out");
    }

    @Test
    void refusesANegativeValueInEveryNumericFieldButTheMemoryGrowth() throws IOException {
        for (RunResult sample : List.of(SampleResults.openLoop(), SampleResults.closedLoop())) {
            JsonNode tree = JSON.readTree(RunResultFile.toJson(sample));
            for (String field : numericFields(tree, "")) {
                Path file = damaged(sample, field, NODES.numberNode(-1));
                Warnings warnings = new Warnings();
                Optional<RunResult> read = RunResultFile.read(file, warnings);
                if (field.equals("server.memory_per_connection_kib")) {
                    // Resident memory can shrink while connections open: a negative growth is a measurement.
                    assertThat(read).as(field).isPresent();
                    continue;
                }
                assertThat(read).as(field).isEmpty();
                assertThat(warnings.all()).as(field).singleElement().asString()
                        .startsWith(file + ": " + field + " is -1, must be ");
            }
        }
    }

    @Test
    void refusesAValueOfAnotherTypeThanItsField() throws IOException {
        assertRefused("throughput.msgs_per_s", NODES.textNode("NaN"),
                "throughput.msgs_per_s is the string \"NaN\", must be a number");
        assertRefused("latency_us.uncorrected.p99", NODES.nullNode(),
                "latency_us.uncorrected.p99 is null, must be a whole number");
        assertRefused("connections", NODES.textNode("100"),
                "connections is the string \"100\", must be a whole number");
        assertRefused("throughput.messages", NODES.numberNode(1.5),
                "throughput.messages is 1.5, must be a whole number");
        assertRefused("flags.failed", NODES.textNode("false"),
                "flags.failed is the string \"false\", must be true or false");
        assertRefused("model", NODES.numberNode(7), "model is 7, must be a string");
    }

    @Test
    void refusesANumberBeyondWhatADoubleHolds() throws IOException {
        Path file = dir.resolve(RunFiles.RESULT_JSON);
        Files.writeString(file, RunResultFile.toJson(SampleResults.closedLoop())
                .replaceFirst("\"msgs_per_s\" : [0-9.]+", "\"msgs_per_s\" : 1e400"));

        assertThat(tolerantWarning(file))
                .isEqualTo(file + ": throughput.msgs_per_s is Infinity, must be a finite number; run left out");
    }

    @Test
    void refusesPercentilesThatDecreaseAndMoreLowerBoundsThanSamples() throws IOException {
        Path file = damaged(SampleResults.openLoop(), "latency_us.corrected.p999", NODES.numberNode(100));
        assertThat(tolerantWarning(file)).isEqualTo(file + ": latency_us.corrected.p999 is 100, below p99 120:"
                + " percentiles never decrease; run left out");

        file = damaged(SampleResults.openLoop(), "latency_us.corrected.lower_bound_samples",
                NODES.numberNode(500_000));
        assertThat(tolerantWarning(file)).isEqualTo(file + ": latency_us.corrected.lower_bound_samples is 500000,"
                + " more than count 499991; run left out");
    }

    @Test
    void keepsTheNullsTheSchemaAllows() throws IOException {
        RunResult sample = SampleResults.closedLoop();
        for (String field : List.of("server.memory_per_connection_kib", "server.cpu_us_per_msg",
                "connect.first_echo_us", "latency_us.little_ratio", "server.cpu_steal_pct", "client.io_busy")) {
            Path file = damaged(sample, field, NODES.nullNode());
            Warnings warnings = new Warnings();

            assertThat(RunResultFile.read(file, warnings)).as(field).isPresent();
            assertThat(warnings.all()).as(field).isEmpty();
        }
        Path failed = dir.resolve("failed.json");
        RunResultFile.write(SampleResults.failed(), failed);
        assertThat(RunResultFile.read(failed)).isEqualTo(SampleResults.failed());
    }

    @Test
    void spellsOutAFewProblemsAndCountsTheRest() throws IOException {
        Path file = dir.resolve(RunFiles.RESULT_JSON);
        Files.writeString(file, RunResultFile.toJson(SampleResults.closedLoop()).replaceAll("\"p(50|90|99|999)\" : ",
                "\"p$1\" : -"));

        // p50 to p999 of the latency, and p50 and p99 of the first echoes: six problems.
        assertThat(tolerantWarning(file)).isEqualTo(file + ": latency_us.uncorrected.p50 is -68, must be >= 0;"
                + " latency_us.uncorrected.p90 is -80, must be >= 0; latency_us.uncorrected.p99 is -140, must be >= 0;"
                + " and 3 more; run left out");
    }

    private void assertRefused(String field, JsonNode value, String problem) throws IOException {
        Path file = damaged(SampleResults.openLoop(), field, value);
        assertThatThrownBy(() -> RunResultFile.read(file)).as(field).hasMessage(file + ": " + problem);
        assertThat(tolerantWarning(file)).as(field).isEqualTo(file + ": " + problem + "; run left out");
    }

    /** The one warning a tolerant read of {@code file} gives, after checking it read nothing. */
    private static String tolerantWarning(Path file) {
        Warnings warnings = new Warnings();
        assertThat(RunResultFile.read(file, warnings)).isEmpty();
        assertThat(warnings.all()).hasSize(1);
        return warnings.all().getFirst().toString();
    }

    /** {@code sample} written as result.json with the field at the dotted path set to {@code value}. */
    private Path damaged(RunResult sample, String field, JsonNode value) throws IOException {
        JsonNode tree = JSON.readTree(RunResultFile.toJson(sample));
        String[] names = field.split("\\.");
        JsonNode parent = tree;
        for (int i = 0; i < names.length - 1; i++) {
            parent = parent.get(names[i]);
        }
        ((ObjectNode) parent).set(names[names.length - 1], value);
        Path file = dir.resolve(RunFiles.RESULT_JSON);
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
        return file;
    }

    private static List<String> numericFields(JsonNode node, String path) {
        List<String> fields = new ArrayList<>();
        node.properties().forEach(field -> {
            String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (field.getValue().isNumber()) {
                fields.add(name);
            } else if (field.getValue().isObject()) {
                fields.addAll(numericFields(field.getValue(), name));
            }
        });
        return fields;
    }
}
