package io.iobench.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the profilers asked for with {@code --prof} found in the server over the measured window, JMH's
 * {@code -prof} for an IO model: the system calls it made ({@code syscalls}, counted by {@code perf stat}) and the
 * pauses of its JVM ({@code jfr} from a flight recording, {@code gc} from its unified GC log). A profiled run paid
 * for its profilers (perf's tracepoints cost the server per system call, a recording costs its JVM), so its figures
 * are not compared with an unprofiled run's. A profiler that could not run says why, and the run goes on without it.
 *
 * @param asked            the profilers asked for, in the order given: {@code syscalls}, {@code jfr}, {@code gc}
 * @param profilers        one entry per profiler asked: whether it ran over the window, and why not
 * @param syscalls         the server's system calls over the measured window; null when {@code syscalls} was not
 *                         asked for or did not run
 * @param pauseThresholdMs the shortest pause {@code pauses} lists, milliseconds; null when neither {@code jfr} nor
 *                         {@code gc} ran
 * @param pauses           the server JVM's pauses of at least pause_threshold_ms inside the measured window, in
 *                         the order they began; null when neither {@code jfr} nor {@code gc} ran
 */
public record RunProfile(List<String> asked, List<ProfilerRun> profilers, Syscalls syscalls, Double pauseThresholdMs,
                         List<Pause> pauses) {

    /** The profiler names {@code --prof} takes. */
    public static final List<String> NAMES = List.of("syscalls", "jfr", "gc");

    public RunProfile {
        asked = List.copyOf(asked);
        profilers = List.copyOf(profilers);
        pauses = pauses == null ? null : List.copyOf(pauses);
    }

    /** Whether any profiler ran over the window: the run's figures then include its cost. */
    public boolean anyRan() {
        return profilers.stream().anyMatch(ProfilerRun::ran);
    }

    /** This profile with the system calls per message of a window that completed {@code messages} echoes. */
    public RunProfile withMessages(long messages) {
        return syscalls == null ? this
                : new RunProfile(asked, profilers, syscalls.perMessage(messages), pauseThresholdMs, pauses);
    }

    /**
     * One profiler asked for.
     *
     * @param name   its name, as {@code --prof} took it
     * @param ran    whether it ran over the measured window
     * @param reason why it did not run, one line (no perf, no tracefs, the server is not a JVM, no server pid);
     *               null when it ran
     * @param file   the file it left in the run's directory (perf's CSV, the JFR recording, the GC log), relative
     *               to that directory; null when none
     */
    public record ProfilerRun(String name, boolean ran, String reason, String file) {

        public ProfilerRun {
            Objects.requireNonNull(name, "name");
        }

        /** A profiler that ran and left {@code file} (null for none). */
        public static ProfilerRun ran(String name, String file) {
            return new ProfilerRun(name, true, null, file);
        }

        /** A profiler that did not run, and why. */
        public static ProfilerRun skipped(String name, String reason) {
            return new ProfilerRun(name, false, Objects.requireNonNull(reason, "reason"), null);
        }
    }

    /**
     * The server's system calls over the measured window, as {@code perf stat -p PID} counted them on the
     * {@code raw_syscalls:sys_enter} and {@code syscalls:sys_enter_<call>} tracepoints, every thread of the server.
     *
     * @param windowS         seconds perf counted, from its start at the window's start edge to its stop at the end
     *                        edge
     * @param total           every system call entered (raw_syscalls:sys_enter)
     * @param calls           per call that matters to an IO model (read, write, recvfrom, sendto, readv, writev,
     *                        epoll_wait, epoll_pwait, epoll_pwait2 (Netty's native epoll), epoll_ctl, poll, ppoll,
     *                        select, pselect6, io_uring_enter, futex), the calls entered, by the call's name; calls this kernel has no tracepoint for
     *                        are left out
     * @param totalPerMessage total over the echoes completed in the window; null when none completed or in a probe's
     *                        file, which does not know them
     * @param perMessage      calls, each over the echoes completed in the window; null as total_per_message is
     */
    public record Syscalls(double windowS, long total, Map<String, Long> calls, Double totalPerMessage,
                           Map<String, Double> perMessage) {

        public Syscalls {
            calls = calls == null ? Map.of() : ordered(calls);
            perMessage = perMessage == null ? null : ordered(perMessage);
        }

        /** Counts over a window, not yet divided by messages. */
        public static Syscalls counted(double windowS, long total, Map<String, Long> calls) {
            return new Syscalls(windowS, total, calls, null, null);
        }

        /** These counts with each divided by {@code messages}; without per-message figures when it is 0. */
        public Syscalls perMessage(long messages) {
            if (messages <= 0) {
                return new Syscalls(windowS, total, calls, null, null);
            }
            Map<String, Double> each = new LinkedHashMap<>();
            calls.forEach((call, count) -> each.put(call, Rounding.round((double) count / messages, 4)));
            return new Syscalls(windowS, total, calls, Rounding.round((double) total / messages, 4), each);
        }

        /** A copy in the order of the calls' names, so that the file lists them the same way every time. */
        private static <V> Map<String, V> ordered(Map<String, V> map) {
            Map<String, V> sorted = new LinkedHashMap<>();
            map.keySet().stream().sorted().forEach(key -> sorted.put(key, Objects.requireNonNull(map.get(key))));
            return Collections.unmodifiableMap(sorted);
        }
    }

    /**
     * One pause of the server's JVM inside the measured window.
     *
     * @param startEpochMs when it began, milliseconds since the epoch, on the server host's clock
     * @param durationMs   how long the JVM's threads were held, milliseconds
     * @param kind         {@code gc} (a stop-the-world phase of a collection) or {@code safepoint} (every thread
     *                     held for a VM operation, a collection's included)
     * @param detail       what the JVM called it: the collection's phase and cause, or the VM operation
     * @param source       the profiler that found it: {@code jfr} or {@code gc}
     */
    public record Pause(long startEpochMs, double durationMs, String kind, String detail, String source) {
    }
}
