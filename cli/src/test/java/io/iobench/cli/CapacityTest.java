package io.iobench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.results.CapacityFile;
import io.iobench.results.LoadMode;
import io.iobench.results.RunFiles;
import io.iobench.results.RunResultFile;
import io.iobench.results.SweepManifest;
import io.iobench.results.SweepReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iobench capacity} end to end, through the script: a real selector server per connection count, a real
 * client per probe, short windows and low rates, then the report.
 */
class CapacityTest {

    @TempDir
    Path tmp;

    @Test
    @Timeout(300)
    void searchesTwoConnectionCountsIntoProbeRunsACapacityTableAndItsCharts() throws Exception {
        Path out = tmp.resolve("capacity");
        IobenchScript.Outcome outcome = IobenchScript.run(tmp, 280, "capacity", "--models", "selector",
                "--connections", "1,10", "--slo", "p99=20ms", "--lowest-rate", "200", "--highest-rate", "800",
                "--ramp", "2", "--precision", "10%", "--repeat", "2", "--warmup", "200ms", "--duration", "300ms",
                "--out", out.toString());
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();

        CapacityFile capacity = CapacityFile.read(out);
        assertThat(capacity.objective().text()).isEqualTo("p99=20ms");
        assertThat(capacity.points()).extracting(CapacityFile.CapacityPoint::connections).containsExactly(1, 10);
        SweepManifest manifest = SweepReader.read(out).manifest().orElseThrow();
        assertThat(manifest.status()).isEqualTo(SweepManifest.Status.COMPLETE);
        assertThat(manifest.plan().modes()).containsExactly(LoadMode.OPEN);
        List<String> listed = manifest.runs().stream().map(SweepManifest.RunEntry::id).toList();
        int probes = 0;
        for (CapacityFile.CapacityPoint point : capacity.points()) {
            assertThat(point.probes()).as(point.toString()).isNotEmpty();
            assertThat(point.endedBy()).isNotEqualTo(CapacityFile.EndedBy.UNKNOWN);
            for (CapacityFile.Probe probe : point.probes()) {
                probes++;
                assertThat(listed).contains(probe.run());
                Path result = out.resolve("runs").resolve(probe.run()).resolve(RunFiles.RESULT_JSON);
                assertThat(RunResultFile.read(result).point().rateTargetMsgsPerS())
                        .isEqualTo(probe.rateTargetMsgsPerS());
                assertThat(RunResultFile.read(result).point().mode()).isEqualTo(LoadMode.OPEN);
            }
            if (point.capacityMsgsPerS() != null) {
                assertThat(point.runsAtFound()).isEqualTo(2);
                assertThat(point.serverCpuUsPerMsg()).isPositive();
            }
        }
        assertThat(listed).hasSize(probes);
        assertThat(out.resolve("servers/selector-c1-s64.log")).content().contains("READY model=selector");
        assertThat(out.resolve("report.md")).content().contains("## Capacity at p99 ≤ 20 ms")
                .contains("capacity-p99-c10-s64.png").contains("capacity-cpu-c1-s64.png");
        assertThat(out.resolve("report.html")).content().contains("Capacity at p99 ≤ 20 ms");
        assertThat(out.resolve("charts/capacity-p99-c1-s64.svg")).isNotEmptyFile();
        try (var charts = Files.list(out.resolve("charts"))) {
            // The capacity charts stand in for the per-rate slices a sweep of rates would draw.
            assertThat(charts.map(p -> p.getFileName().toString())).allMatch(name -> name.startsWith("capacity-"));
        }
    }
}
