package io.iobench.client.profile;

import io.iobench.results.RunFiles;
import io.iobench.results.RunProfile;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code --prof syscalls}: the server's system calls over the measured window, counted by {@code perf stat -p PID}
 * on the kernel's syscall tracepoints, every thread of the server. The count that says most about an IO model is
 * the calls per echoed message: a selector at one connection makes about one {@code epoll_wait}, one {@code read}
 * and one {@code write} per message; a busy-polling loop makes a {@code read} per connection per turn, echo or not.
 *
 * <p>perf is started before the window with its counters off ({@code -D -1}) and a control FIFO
 * ({@code --control fifo:CTL,ACK}, perf 5.9 and later): at the start edge {@code enable}, at the end edge
 * {@code disable}, each acknowledged by perf, so that neither perf's start-up nor its exit is counted; then SIGINT
 * makes it write its CSV ({@value io.iobench.results.RunFiles#PERF_STAT} in the run's directory).
 *
 * <p>What it costs: each system call of the server fires a tracepoint perf counts, some hundreds of nanoseconds on
 * a path of a few microseconds, so a profiled run's throughput and CPU are not an unprofiled one's. It needs perf,
 * the tracepoints (tracefs, CONFIG_FTRACE_SYSCALLS) and the right to trace the server (root, or
 * kernel.perf_event_paranoid at most 1 for a process of one's own, and tracefs readable); without them it says which
 * is missing and the run goes on.
 */
public final class SyscallProfiler implements Profiler {

    /** Its name for {@code --prof}. */
    public static final String NAME = "syscalls";
    /** The calls counted one by one, where the kernel has a tracepoint for them: those the IO models make. */
    public static final List<String> CALLS = List.of("read", "write", "recvfrom", "sendto", "readv", "writev",
            "epoll_wait", "epoll_pwait", "epoll_pwait2", "epoll_ctl", "poll", "ppoll", "select", "pselect6",
            "io_uring_enter", "futex");
    /** Where tracefs is mounted, the newer place first. */
    static final List<Path> TRACEFS = List.of(Path.of("/sys/kernel/tracing"), Path.of("/sys/kernel/debug/tracing"));

    /** The longest perf may take to acknowledge a command, or to write its counts once interrupted. */
    private static final Duration PERF_ANSWER = Duration.ofSeconds(5);
    private static final Duration HELPER = Duration.ofSeconds(10);
    private static final long POLL_MS = 10;

    private final long pid;
    private final Path dir;
    private final String perf;
    private final List<Path> tracefs;
    private Path fifos;
    private RandomAccessFile control;
    private RandomAccessFile ack;
    private Process process;
    private long startedNs;

    /**
     * @param pid     the server
     * @param dir     the run's directory, where perf's CSV goes
     * @param perf    the perf command: a name looked up on PATH, or a path (tests give one that is not there)
     * @param tracefs where to look for the tracepoints, in order
     */
    public SyscallProfiler(long pid, Path dir, String perf, List<Path> tracefs) {
        this.pid = pid;
        this.dir = dir.toAbsolutePath();
        this.perf = perf;
        this.tracefs = List.copyOf(tracefs);
    }

    /** The profiler with the system's perf and tracefs. */
    public static SyscallProfiler of(long pid, Path dir) {
        return new SyscallProfiler(pid, dir, "perf", TRACEFS);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String prepare() throws IOException, InterruptedException {
        Path command = executable(perf);
        if (command == null) {
            return "no perf command (" + perf + ") on this host: install linux-perf (Debian) or linux-tools (Ubuntu)";
        }
        List<String> events = events(command);
        if (events.isEmpty()) {
            return "no syscall tracepoints: tracefs is not mounted at " + tracefs.getFirst()
                    + " (mount -t tracefs nodev " + tracefs.getFirst() + ") or the kernel lacks CONFIG_FTRACE_SYSCALLS";
        }
        fifos = Files.createTempDirectory("iobench-perf");
        Path controlFifo = fifos.resolve("control");
        Path ackFifo = fifos.resolve("ack");
        ShortCommand.Result made = ShortCommand.run(List.of("mkfifo", "-m", "600", controlFifo.toString(),
                ackFifo.toString()), HELPER);
        if (!made.ok()) {
            return "could not make perf's control FIFOs: " + made.oneLine();
        }
        // Read-write, so that opening a FIFO never waits for the other side, and a perf that died cannot hang us.
        control = new RandomAccessFile(controlFifo.toFile(), "rw");
        ack = new RandomAccessFile(ackFifo.toFile(), "rw");
        List<String> perfStat = new ArrayList<>(List.of(command.toString(), "stat", "-x,", "-o",
                dir.resolve(RunFiles.PERF_STAT).toString(), "-D", "-1", "--control",
                "fifo:" + controlFifo + "," + ackFifo, "-p", Long.toString(pid), "-e", String.join(",", events)));
        process = new ProcessBuilder(perfStat).redirectErrorStream(true)
                .redirectOutput(fifos.resolve("perf.out").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        return null;
    }

    @Override
    public String start() throws IOException, InterruptedException {
        String failure = command("enable");
        startedNs = System.nanoTime();
        return failure;
    }

    @Override
    public Finding stop(Window window) throws IOException, InterruptedException {
        String failure = command("disable");
        double windowS = (System.nanoTime() - startedNs) / 1e9;
        if (failure != null) {
            return Finding.skipped(NAME, failure);
        }
        ShortCommand.run(List.of("kill", "-INT", Long.toString(process.pid())), HELPER);
        if (!process.waitFor(PERF_ANSWER.toMillis(), TimeUnit.MILLISECONDS)) {
            return Finding.skipped(NAME, "perf stat did not end within " + PERF_ANSWER.toSeconds() + " s of SIGINT");
        }
        Path csv = dir.resolve(RunFiles.PERF_STAT);
        RunProfile.Syscalls counted = Files.exists(csv)
                ? PerfStatCsv.read(Files.readAllLines(csv, StandardCharsets.UTF_8), windowS) : null;
        if (counted == null) {
            return Finding.skipped(NAME, "perf stat counted nothing: " + perfSaid());
        }
        return new Finding(RunProfile.ProfilerRun.ran(NAME, RunFiles.PERF_STAT), counted, null);
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        closeQuietly(control);
        closeQuietly(ack);
        if (fifos != null) {
            try (Stream<Path> files = Files.walk(fifos)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                // A temporary directory left behind is harmless.
            }
        }
    }

    /** The tracepoints to count: every system call, then each call of {@link #CALLS} this kernel has. */
    private List<String> events(Path command) throws InterruptedException {
        for (Path root : tracefs) {
            Path events = root.resolve("events");
            if (Files.isDirectory(events.resolve("raw_syscalls/sys_enter"))) {
                List<String> found = new ArrayList<>(List.of(PerfStatCsv.ALL_CALLS));
                for (String call : CALLS) {
                    if (Files.isDirectory(events.resolve("syscalls/sys_enter_" + call))) {
                        found.add(PerfStatCsv.ONE_CALL + call);
                    }
                }
                return found;
            }
        }
        // tracefs may be there unmounted: perf mounts it when it looks for a tracepoint.
        ShortCommand.Result listed = ShortCommand.run(List.of(command.toString(), "list", "--raw-dump",
                "tracepoint"), HELPER);
        List<String> known = List.of(listed.output().split("\\s+"));
        if (!listed.ok() || !known.contains(PerfStatCsv.ALL_CALLS)) {
            return List.of();
        }
        List<String> found = new ArrayList<>(List.of(PerfStatCsv.ALL_CALLS));
        CALLS.stream().map(call -> PerfStatCsv.ONE_CALL + call).filter(known::contains).forEach(found::add);
        return found;
    }

    /**
     * Sends perf a control command and waits for its acknowledgement.
     *
     * @return null once acknowledged, else why not: perf exited (with what it said) or did not answer
     */
    private String command(String word) throws IOException, InterruptedException {
        control.write((word + "\n").getBytes(StandardCharsets.US_ASCII));
        AckReader reader = new AckReader(ack);
        Thread thread = Thread.ofPlatform().daemon().name("perf-ack").start(reader);
        long deadlineNs = System.nanoTime() + PERF_ANSWER.toNanos();
        while (thread.isAlive() && process.isAlive() && System.nanoTime() < deadlineNs) {
            thread.join(POLL_MS);
        }
        if (thread.isAlive()) {
            // Unblocks the reader: this side holds the FIFO open for writing too.
            ack.write('\n');
            thread.join(PERF_ANSWER.toMillis());
        }
        if (reader.acknowledged()) {
            return null;
        }
        return process.isAlive() ? "perf stat did not acknowledge '" + word + "' within " + PERF_ANSWER.toSeconds()
                + " s" : "perf stat exited (code " + process.exitValue() + "): " + perfSaid();
    }

    private String perfSaid() throws IOException {
        Path out = fifos.resolve("perf.out");
        String said = Files.exists(out) ? Files.readString(out).strip() : "";
        String line = said.isEmpty() ? "nothing on stderr" : said.lines().filter(l -> !l.isBlank())
                .limit(2).reduce((a, b) -> a + "; " + b).orElse(said);
        return line.length() <= 300 ? line : line.substring(0, 300) + "...";
    }

    /** Reads perf's acknowledgement, {@code ack\n}, or a line this side wrote to give up waiting. */
    private static final class AckReader implements Runnable {

        private final RandomAccessFile fifo;
        private volatile boolean acknowledged;

        AckReader(RandomAccessFile fifo) {
            this.fifo = fifo;
        }

        @Override
        public void run() {
            StringBuilder read = new StringBuilder();
            byte[] buffer = new byte[16];
            try {
                // Bounded by what perf or this side writes: each answer ends in a new line.
                while (read.indexOf("\n") < 0) {
                    int n = fifo.read(buffer);
                    if (n < 0) {
                        return;
                    }
                    read.append(new String(buffer, 0, n, StandardCharsets.US_ASCII).replace("\0", ""));
                }
                acknowledged = read.toString().contains("ack");
            } catch (IOException e) {
                acknowledged = false;
            }
        }

        boolean acknowledged() {
            return acknowledged;
        }
    }

    /** @return {@code command} as a runnable file: a path as given, a name found on PATH; null when neither */
    static Path executable(String command) {
        if (command.contains("/")) {
            Path path = Path.of(command);
            return Files.isExecutable(path) ? path : null;
        }
        String pathVariable = System.getenv("PATH");
        if (pathVariable == null) {
            return null;
        }
        for (String entry : pathVariable.split(File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, command))) {
                return Path.of(entry, command);
            }
        }
        return null;
    }

    private static void closeQuietly(RandomAccessFile file) {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                // Nothing to do: the FIFO is deleted next.
            }
        }
    }
}
