package io.iobench.client.profile;

import io.iobench.options.UsageException;
import io.iobench.results.RunProfile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The profilers a run was asked for ({@code --prof NAME[,NAME]}), called at the measured window's edges by whoever
 * reads the server's /proc there: {@link #prepare} before the window, {@link #start} at its start edge, {@link #stop}
 * at its end edge, {@link #close} in every case. A profiler that cannot run prints one line on the run's progress
 * stream and is left out; the profile says why. None of it fails the run.
 *
 * <pre>
 * try (Profilers profilers = Profilers.of(Profilers.parse("syscalls,jfr"), serverPid, runDir, System.err)) {
 *     profilers.prepare();
 *     profilers.start();              // the window's start edge
 *     ...
 *     RunProfile found = profilers.stop();   // its end edge
 * }
 * </pre>
 */
public final class Profilers implements AutoCloseable {

    /** The shortest pause a profile lists, milliseconds: shorter ones are the JVM's everyday safepoints. */
    public static final double PAUSE_THRESHOLD_MS = 1.0;

    private final List<String> asked;
    private final PrintStream progress;
    /** The profilers still in play, in the order asked; one leaves once it has its finding. */
    private final Map<String, Profiler> running = new LinkedHashMap<>();
    private final Map<String, Profiler.Finding> found = new LinkedHashMap<>();
    private long startEpochMs;

    /**
     * @param asked     the names asked for, in order
     * @param profilers the profiler of each name, null for a name that cannot run, with {@code notRun} its reason
     */
    Profilers(List<String> asked, Function<String, Profiler> profilers, String notRun, PrintStream progress) {
        this.asked = List.copyOf(asked);
        this.progress = progress;
        for (String name : asked) {
            Profiler profiler = profilers.apply(name);
            if (profiler == null) {
                skip(name, notRun);
            } else {
                running.put(name, profiler);
            }
        }
    }

    /**
     * The profilers {@code names} of server {@code pid}, leaving their files in {@code dir}.
     *
     * @param pid      the server; null when there is none to profile (each asked profiler then says so)
     * @param progress where a profiler that cannot run says why
     */
    public static Profilers of(List<String> names, Long pid, Path dir, PrintStream progress) {
        return new Profilers(names, name -> pid == null ? null : profiler(name, pid, dir),
                "no server pid to profile (give --server-pid)", progress);
    }

    private static Profiler profiler(String name, long pid, Path dir) {
        return switch (name) {
            case SyscallProfiler.NAME -> SyscallProfiler.of(pid, dir);
            case JfrProfiler.NAME -> new JfrProfiler(pid, dir, PAUSE_THRESHOLD_MS);
            case GcLogProfiler.NAME -> new GcLogProfiler(pid, dir, PAUSE_THRESHOLD_MS);
            default -> throw new IllegalArgumentException("no profiler " + name);
        };
    }

    /** Profilers already made, for tests that give one its own perf. */
    public static Profilers of(List<Profiler> profilers, PrintStream progress) {
        Map<String, Profiler> byName = new LinkedHashMap<>();
        profilers.forEach(p -> byName.put(p.name(), p));
        return new Profilers(List.copyOf(byName.keySet()), byName::get, null, progress);
    }

    /**
     * Reads {@code --prof}'s value: names from {@link RunProfile#NAMES}, separated by commas, each once.
     *
     * @throws UsageException naming what is wrong
     */
    public static List<String> parse(String text) {
        List<String> names = new ArrayList<>();
        for (String name : text.split(",", -1)) {
            String trimmed = name.trim();
            if (!RunProfile.NAMES.contains(trimmed)) {
                throw new UsageException("--prof takes " + String.join(", ", RunProfile.NAMES)
                        + " separated by commas, got '" + trimmed + "'");
            }
            if (names.contains(trimmed)) {
                throw new UsageException("--prof names " + trimmed + " twice");
            }
            names.add(trimmed);
        }
        return List.copyOf(names);
    }

    /** Whether any profiler was asked for. */
    public boolean asked() {
        return !asked.isEmpty();
    }

    /** Before the window: what is slow to start (perf, counting nothing yet). */
    public void prepare() throws InterruptedException {
        each(Profiler::prepare);
    }

    /** At the window's start edge. */
    public void start() throws InterruptedException {
        startEpochMs = System.currentTimeMillis();
        each(Profiler::start);
    }

    /** @return what every profiler found over the window, at its end edge; null when none was asked for */
    public RunProfile stop() throws InterruptedException {
        Profiler.Window window = new Profiler.Window(startEpochMs, System.currentTimeMillis());
        for (Map.Entry<String, Profiler> entry : List.copyOf(running.entrySet())) {
            Profiler.Finding finding;
            try {
                finding = entry.getValue().stop(window);
            } catch (IOException e) {
                finding = Profiler.Finding.skipped(entry.getKey(), "failed at the window's end: " + e.getMessage());
            }
            running.remove(entry.getKey()).close();
            if (finding.run().ran()) {
                found.put(entry.getKey(), finding);
            } else {
                skip(entry.getKey(), finding.run().reason());
            }
        }
        return profile();
    }

    /** @return the profile of a run that ended before its window's end edge: nothing found; null when none asked */
    public RunProfile unfinished(String why) {
        List.copyOf(running.keySet()).forEach(name -> {
            running.remove(name).close();
            found.put(name, Profiler.Finding.skipped(name, why));
        });
        return profile();
    }

    @Override
    public void close() {
        running.values().forEach(Profiler::close);
    }

    private RunProfile profile() {
        if (asked.isEmpty()) {
            return null;
        }
        List<RunProfile.ProfilerRun> runs = new ArrayList<>();
        RunProfile.Syscalls syscalls = null;
        List<RunProfile.Pause> pauses = null;
        for (String name : asked) {
            Profiler.Finding finding = found.get(name);
            runs.add(finding.run());
            if (finding.syscalls() != null) {
                syscalls = finding.syscalls();
            }
            if (finding.pauses() != null) {
                pauses = pauses == null ? new ArrayList<>() : pauses;
                pauses.addAll(finding.pauses());
            }
        }
        if (pauses != null) {
            pauses.sort(Comparator.comparingLong(RunProfile.Pause::startEpochMs));
        }
        return new RunProfile(asked, runs, syscalls, pauses == null ? null : PAUSE_THRESHOLD_MS, pauses);
    }

    /** A step of every profiler still in play; one that answers with a reason is closed and left out. */
    private void each(Step step) throws InterruptedException {
        for (Map.Entry<String, Profiler> entry : List.copyOf(running.entrySet())) {
            String reason;
            try {
                reason = step.apply(entry.getValue());
            } catch (IOException e) {
                reason = e.getMessage();
            }
            if (reason != null) {
                running.remove(entry.getKey()).close();
                skip(entry.getKey(), reason);
            }
        }
    }

    private void skip(String name, String reason) {
        found.put(name, Profiler.Finding.skipped(name, reason));
        if (progress != null) {
            progress.println("profiler     " + name + " not run: " + reason);
        }
    }

    /** One step of a profiler's lifecycle, answering null or why it cannot go on. */
    @FunctionalInterface
    private interface Step {
        String apply(Profiler profiler) throws IOException, InterruptedException;
    }
}
