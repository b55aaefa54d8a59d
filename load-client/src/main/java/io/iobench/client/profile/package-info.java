/**
 * Profilers of the server over the measured window, JMH's {@code -prof} for an IO model: {@code --prof
 * syscalls,jfr,gc} on {@code iobench load}, {@code iobench probe} and {@code iobench sweep}. Each is a
 * {@link io.iobench.client.profile.Profiler}, with the window's edges as its lifecycle: prepared before the window
 * (perf is started with its counters off), started at the start edge, stopped at the end edge, closed whatever
 * happened. {@link io.iobench.client.profile.Profilers} holds the ones asked for and is what the run calls at the
 * same edges where it reads the server's /proc: {@code LoadRun} for a server on the client's host, the probe for one
 * on its own host.
 *
 * <ul>
 *   <li>{@link io.iobench.client.profile.SyscallProfiler}: {@code perf stat -p PID} on the
 *       {@code raw_syscalls:sys_enter} and {@code syscalls:sys_enter_<call>} tracepoints, its counters enabled and
 *       disabled through perf's control FIFO at the edges, so that perf's own start-up is not in the window;</li>
 *   <li>{@link io.iobench.client.profile.JfrProfiler}: {@code jcmd PID JFR.start} and {@code JFR.stop} at the
 *       edges, the recording read back with {@code jdk.jfr.consumer.RecordingFile} into the pauses;</li>
 *   <li>{@link io.iobench.client.profile.GcLogProfiler}: the server's own {@code -Xlog:gc*,safepoint} file, named
 *       by its command line, read into the same pauses.</li>
 * </ul>
 * A profiler that cannot run (no perf, no tracefs, a server that is not a JVM or has no GC log) says why in one line,
 * and the run goes on without it: {@link io.iobench.results.RunProfile} records why.
 */
package io.iobench.client.profile;
