package io.iobench.results;

/**
 * The files of one run's directory, by the names every writer and reader uses. {@code result.json} lists the
 * histogram files it has in its {@code files} part; the logs are the sweep's.
 */
public final class RunFiles {

    /** The run: {@link RunResult}, written by {@link RunResultFile}. */
    public static final String RESULT_JSON = "result.json";
    /** Percentile distribution of latency from the actual send time, milliseconds ({@link HgrmFile}). */
    public static final String UNCORRECTED_HGRM = "uncorrected.hgrm";
    /** The same from the intended send time; open loop only ({@link HgrmFile}). */
    public static final String CORRECTED_HGRM = "corrected.hgrm";
    /** The interval log, one histogram per second and tag, microseconds ({@link LatencyLogFile}). */
    public static final String HLOG = "latency.hlog";
    /** What the server printed; sweep runs only. */
    public static final String SERVER_LOG = "server.log";
    /** What the client printed; sweep runs only. */
    public static final String CLIENT_LOG = "client.log";
    /** {@code perf stat}'s CSV of the server's system calls over the measured window; {@code --prof syscalls} only. */
    public static final String PERF_STAT = "perf-stat.csv";
    /** The server JVM's flight recording of the measured window; {@code --prof jfr} only. */
    public static final String SERVER_JFR = "server.jfr";
    /** The recording's settings: which events, above which thresholds; {@code --prof jfr} only. */
    public static final String JFR_SETTINGS = "server.jfc";
    /** The server JVM's unified GC and safepoint log, the sweep's {@code --prof gc} only. */
    public static final String GC_LOG = "gc.log";

    private RunFiles() {
    }
}
