package io.iobench.client.profile;

import io.iobench.results.RunProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --prof gc}: the server JVM's pauses over the measured window, from its own unified GC and safepoint log, the
 * cheap variant of {@code jfr}: the JVM writes a line per pause whether or not anyone reads it, and nothing is
 * attached to it. The log is the one the server's command line names ({@code -Xlog:gc*,safepoint:file=PATH:time...},
 * a relative path from the server's working directory): {@code iobench sweep --prof gc} starts each server with
 * {@link #serverOption}; for {@code iobench load} alone, start the server with that option yourself. A server without
 * it, or whose log has no {@code time} decorator, is not profiled, and the result says why.
 */
public final class GcLogProfiler implements Profiler {

    /** Its name for {@code --prof}. */
    public static final String NAME = "gc";
    private static final String XLOG = "-Xlog:";

    private final long pid;
    private final Path dir;
    private final double pauseThresholdMs;
    private Path log;

    /**
     * @param pid              the server
     * @param dir              the run's directory: a log inside it is recorded by its name there
     * @param pauseThresholdMs the shortest pause the result lists
     */
    public GcLogProfiler(long pid, Path dir, double pauseThresholdMs) {
        this.pid = pid;
        this.dir = dir.toAbsolutePath();
        this.pauseThresholdMs = pauseThresholdMs;
    }

    /**
     * The option that makes a server JVM write the log this profiler reads, to {@code log}, never rotated. A relative
     * path is the server's, from its working directory (on another host, its own): it is left as given.
     */
    public static String serverOption(Path log) {
        return XLOG + "gc*,safepoint:file=" + log + ":time,uptime,level,tags:filecount=0";
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String prepare() throws IOException {
        List<String> command;
        try {
            String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"));
            command = List.of(cmdline.split("\0"));
        } catch (IOException e) {
            return "cannot read the server's command line (/proc/" + pid + "/cmdline): " + e.getMessage();
        }
        String file = logFile(command);
        if (file == null) {
            return "the server was not started with " + XLOG + "gc*,safepoint:file=PATH:time,uptime,level,tags"
                    + " (iobench sweep --prof gc adds it)";
        }
        Path path = Path.of(file);
        log = path.isAbsolute() ? path : Path.of("/proc", Long.toString(pid), "cwd").toRealPath().resolve(path);
        return null;
    }

    @Override
    public String start() {
        return Files.isReadable(log) ? null : "the server's GC log " + log + " is not readable";
    }

    @Override
    public Finding stop(Window window) throws IOException {
        if (!Files.isReadable(log)) {
            return Finding.skipped(NAME, "the server's GC log " + log + " is gone");
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        String named = log.startsWith(dir) ? dir.relativize(log).toString() : log.toString();
        return new Finding(RunProfile.ProfilerRun.ran(NAME, named), null,
                GcLog.pauses(lines, window, pauseThresholdMs));
    }

    @Override
    public void close() {
        // Nothing was started: the server writes its log by itself.
    }

    /**
     * @return the file of the last {@code -Xlog} option that logs gc or safepoint tags with the time decorator, as
     *         given; null when there is none
     */
    static String logFile(List<String> command) {
        String found = null;
        for (String argument : command) {
            if (!argument.startsWith(XLOG)) {
                continue;
            }
            String[] parts = argument.substring(XLOG.length()).split(":");
            if (parts.length < 3 || !(parts[0].contains("gc") || parts[0].contains("safepoint"))
                    || !parts[1].startsWith("file=") || !List.of(parts[2].split(",")).contains("time")) {
                continue;
            }
            found = parts[1].substring("file=".length()).replace("\"", "");
        }
        return found;
    }
}
