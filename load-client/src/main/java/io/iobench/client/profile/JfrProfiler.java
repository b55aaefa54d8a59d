package io.iobench.client.profile;

import io.iobench.results.RunFiles;
import io.iobench.results.RunProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --prof jfr}: the server JVM records a flight recording of the measured window,
 * {@value io.iobench.results.RunFiles#SERVER_JFR} in the run's directory, started and stopped at the window's edges
 * with the {@code jcmd} of the server's own JDK ({@code jcmd PID JFR.start name=iobench settings=... filename=...},
 * {@code JFR.stop name=iobench}). The recording holds the collections' pauses, the safepoints, thread parks and socket
 * reads and writes of {@value #THRESHOLD} or longer ({@value io.iobench.results.RunFiles#JFR_SETTINGS}, written
 * beside it); the run keeps it for JDK Mission Control or {@code jfr print}, and reads its pauses into the result.
 *
 * <p>What it costs: starting a recording makes the server's JVM load JFR inside the window (some hundreds of
 * milliseconds of CPU, once), and each recorded event a little; jcmd itself is a JVM started on the client's CPUs.
 * It needs the server to be a JVM of a JDK with jcmd, of this user (the attach API's rule).
 */
public final class JfrProfiler implements Profiler {

    /** Its name for {@code --prof}. */
    public static final String NAME = "jfr";
    /** The recording's name in the server's JVM. */
    static final String RECORDING = "iobench";
    /** The shortest park or socket read or write the recording keeps. */
    static final String THRESHOLD = "1 ms";
    private static final Duration JCMD = Duration.ofSeconds(30);

    private final long pid;
    private final Path dir;
    private final double pauseThresholdMs;
    private Path jcmd;
    private boolean recording;

    /**
     * @param pid              the server
     * @param dir              the run's directory, where the recording goes
     * @param pauseThresholdMs the shortest pause the result lists
     */
    public JfrProfiler(long pid, Path dir, double pauseThresholdMs) {
        this.pid = pid;
        this.dir = dir.toAbsolutePath();
        this.pauseThresholdMs = pauseThresholdMs;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String prepare() throws IOException {
        String noJcmd = findJcmd();
        if (noJcmd != null) {
            return noJcmd;
        }
        Files.writeString(dir.resolve(RunFiles.JFR_SETTINGS), settings());
        return null;
    }

    @Override
    public String start() throws InterruptedException {
        ShortCommand.Result started = jcmd("JFR.start", "name=" + RECORDING,
                "settings=" + dir.resolve(RunFiles.JFR_SETTINGS), "filename=" + dir.resolve(RunFiles.SERVER_JFR));
        if (!started.ok() || !started.output().contains("Started recording")) {
            return "jcmd " + pid + " JFR.start failed: " + started.oneLine();
        }
        recording = true;
        return null;
    }

    @Override
    public Finding stop(Window window) throws IOException, InterruptedException {
        ShortCommand.Result stopped = jcmd("JFR.stop", "name=" + RECORDING);
        recording = false;
        Path file = dir.resolve(RunFiles.SERVER_JFR);
        if (!stopped.ok() || !Files.exists(file)) {
            return Finding.skipped(NAME, "jcmd " + pid + " JFR.stop failed: " + stopped.oneLine());
        }
        return new Finding(RunProfile.ProfilerRun.ran(NAME, RunFiles.SERVER_JFR), null,
                JfrPauses.read(file, window, pauseThresholdMs));
    }

    @Override
    public void close() {
        if (recording) {
            try {
                jcmd("JFR.stop", "name=" + RECORDING);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            recording = false;
        }
    }

    /** @return null once the server's own jcmd is found, else why there is none */
    private String findJcmd() {
        Path java;
        try {
            java = Path.of("/proc", Long.toString(pid), "exe").toRealPath();
        } catch (IOException e) {
            return "cannot read the server's executable (/proc/" + pid + "/exe): " + e.getMessage();
        }
        if (!java.getFileName().toString().equals("java")) {
            return "the server is not a JVM (its executable is " + java + ")";
        }
        Path beside = java.resolveSibling("jcmd");
        if (!Files.isExecutable(beside)) {
            return "no jcmd beside the server's " + java + " (a JRE without the JDK's tools)";
        }
        jcmd = beside;
        return null;
    }

    private ShortCommand.Result jcmd(String... command) throws InterruptedException {
        List<String> line = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        return ShortCommand.run(line, JCMD);
    }

    /** The recording's events: pauses and safepoints whatever their length, parks and socket IO from 1 ms. */
    static String settings() {
        // No double dash in the comment: XML forbids it there, and JFR then refuses the whole file.
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- iobench, profiler jfr: the server's pauses, parks and socket IO over the measured window -->
                <configuration version="2.0" label="iobench" provider="iobench">
                """);
        for (String event : List.of("jdk.GCPhasePause", "jdk.GarbageCollection", "jdk.SafepointBegin",
                "jdk.SafepointEnd", "jdk.ExecuteVMOperation")) {
            xml.append(event(event, "0 ms", false));
        }
        for (String event : List.of("jdk.ThreadPark", "jdk.SocketRead", "jdk.SocketWrite")) {
            xml.append(event(event, THRESHOLD, true));
        }
        return xml.append("</configuration>\n").toString();
    }

    private static String event(String name, String threshold, boolean stackTrace) {
        return "  <event name=\"" + name + "\">\n"
                + "    <setting name=\"enabled\">true</setting>\n"
                + "    <setting name=\"threshold\">" + threshold + "</setting>\n"
                + (stackTrace ? "    <setting name=\"stackTrace\">true</setting>\n" : "")
                + "  </event>\n";
    }
}
