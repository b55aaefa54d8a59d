/**
 * Reading /proc, once for the whole project: {@link io.iobench.client.proc.ProcStat} is what a process has used
 * (CPU, threads, memory, descriptors, context switches), {@link io.iobench.client.proc.ProcessInfo} what it is
 * (command line, CPUs it may run on), {@link io.iobench.client.proc.Machine} the host and JVM, and
 * {@link io.iobench.client.proc.HostTuningReader} how the host is tuned for the network (sysctls and /sys settings,
 * each null where the kernel does not expose it).
 *
 * <p>Units: CPU in seconds (converted from clock ticks, USER_HZ, as the kernel reports it in the auxiliary
 * vector; 10 ms resolution), memory in KiB, counts as counts. CPU covers every thread the process ever had;
 * context switches are summed over its living threads, because /proc/PID/status counts only the main thread.
 */
package io.iobench.client.proc;
