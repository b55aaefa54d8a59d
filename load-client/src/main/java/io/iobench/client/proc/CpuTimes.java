package io.iobench.client.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every CPU's time from {@code /proc/stat} at one moment, in clock ticks: enough to tell how much of a CPU's time
 * the hypervisor gave to other guests ("steal") while a run measured. A stolen CPU stalls whatever was pinned to
 * it, and neither process's CPU time shows it: only this does.
 */
public final class CpuTimes {

    /** Columns of a {@code cpuN} line that make up its time: user nice system idle iowait irq softirq steal. */
    private static final int TIME_COLUMNS = 8;
    private static final int STEAL_COLUMN = 7;

    /** Ticks by CPU number; -1 for a CPU the file did not list (offline). */
    private final long[] total;
    private final long[] steal;

    private CpuTimes(long[] total, long[] steal) {
        this.total = total;
        this.steal = steal;
    }

    public static CpuTimes read() throws IOException {
        return parse(Files.readAllLines(Path.of("/proc/stat")));
    }

    /** Parses the lines of {@code /proc/stat}; the all-CPU {@code cpu} line and every other line are skipped. */
    static CpuTimes parse(List<String> lines) {
        Map<Integer, long[]> byCpu = new HashMap<>();
        for (String line : lines) {
            if (line.length() < 4 || !line.startsWith("cpu") || !Character.isDigit(line.charAt(3))) {
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            long[] ticks = new long[TIME_COLUMNS];
            // Kernels before 2.6.11 had no steal column: those read as 0.
            for (int i = 0; i < TIME_COLUMNS && i + 1 < fields.length; i++) {
                ticks[i] = Long.parseLong(fields[i + 1]);
            }
            byCpu.put(Integer.parseInt(fields[0].substring(3)), ticks);
        }
        int cpus = byCpu.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        long[] total = new long[cpus];
        long[] steal = new long[cpus];
        Arrays.fill(total, -1);
        byCpu.forEach((cpu, ticks) -> {
            total[cpu] = Arrays.stream(ticks).sum();
            steal[cpu] = ticks[STEAL_COLUMN];
        });
        return new CpuTimes(total, steal);
    }

    /**
     * @param later   a later snapshot
     * @param cpuList the CPUs to count, as the kernel lists them ({@code 0-1}, {@code 0,2})
     * @return the share of those CPUs' time between the snapshots that the hypervisor took, in percent; null when
     *         none of them counted a tick in both
     */
    public Double stealPercent(CpuTimes later, String cpuList) {
        long elapsed = 0;
        long stolen = 0;
        for (int cpu : ProcessInfo.cpus(cpuList)) {
            if (cpu < total.length && cpu < later.total.length && total[cpu] >= 0 && later.total[cpu] >= 0) {
                elapsed += later.total[cpu] - total[cpu];
                stolen += later.steal[cpu] - steal[cpu];
            }
        }
        return elapsed <= 0 ? null : 100.0 * stolen / elapsed;
    }
}
