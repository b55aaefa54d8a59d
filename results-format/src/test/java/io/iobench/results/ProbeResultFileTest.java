package io.iobench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iobench.results.fixture.SampleResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe's file: sealed by golden files, read back whole, and refused when it is of another schema. */
class ProbeResultFileTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryFieldUnderItsNameInItsPlace() throws IOException {
        Golden.assertJson("probe.json", written(SampleResults.probe()));
        Golden.assertJson("probe-failed.json", written(SampleResults.probeFailed()));
    }

    @Test
    void readsBackWhatItWroteAndLeavesNoTemporaryFile() throws IOException {
        for (ProbeResult sample : new ProbeResult[] {SampleResults.probe(), SampleResults.probeFailed()}) {
            Path file = dir.resolve("probe.json");
            ProbeResultFile.write(sample, file);

            assertThat(ProbeResultFile.read(file)).isEqualTo(sample);
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("probe.json");
            }
        }
    }

    /* The clients' hosts may be tuned otherwise: the run's environment is the server's, as its kernel and CPU are. */
    @Test
    void aRunOnSeveralHostsRecordsTheServerHostsTuning() {
        RunResult.Environment client = SampleResults.environment();
        HostTuning tuned = SampleResults.tuning();
        HostTuning otherwise = new HostTuning(tuned.kernelCommandLine(), "powersave", tuned.cpufreqMinKhz(),
                tuned.cpufreqMaxKhz(), "always", 128, tuned.tcpRmemBytes(), tuned.tcpWmemBytes(), 0, 0, "hpet", true,
                tuned.vulnerabilities(), false, null);
        RunResult.Environment clients = new RunResult.Environment("6.8.0", client.cpuModel(), 8, client.jdk(),
                client.clientJvmOptions(), null, null, client.pinning(), "load-1", otherwise);

        RunResult.Environment run = SampleResults.probe().environment(clients);

        assertThat(run.tuning()).isEqualTo(SampleResults.probe().host().tuning()).isEqualTo(tuned);
        assertThat(run.hostname()).isEqualTo("bench");
    }

    @Test
    void refusesARunResultForAProbesFile() throws IOException {
        Path file = dir.resolve("result.json");
        RunResultFile.write(SampleResults.closedLoop(), file);

        assertThatThrownBy(() -> ProbeResultFile.read(file)).isInstanceOf(ResultFormatException.class)
                .hasMessageContaining("not a probe result of schema iobench-probe/1 (schema: iobench-run/1)");
    }

    @Test
    void refusesAStringWhereANumberBelongs() throws IOException {
        Path file = dir.resolve("probe.json");
        Files.writeString(file, ProbeResultFile.toJson(SampleResults.probe())
                .replace("\"cpu_user_s\" : 3.1", "\"cpu_user_s\" : \"3.1\""));

        assertThatThrownBy(() -> ProbeResultFile.read(file)).isInstanceOf(ResultFormatException.class)
                .hasMessageContaining("cpu_user_s");
    }

    private String written(ProbeResult result) throws IOException {
        Path file = dir.resolve("written.json");
        ProbeResultFile.write(result, file);
        return Files.readString(file);
    }
}
