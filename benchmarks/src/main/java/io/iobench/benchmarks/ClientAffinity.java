package io.iobench.benchmarks;

import io.iobench.client.proc.ProcessInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Moves every thread of this JVM onto the client's CPUs, as the sweep starts its load client under
 * {@code taskset -c}. {@code taskset -a -p} sets the affinity of each existing thread; threads started later
 * inherit it from the thread that starts them.
 *
 * <p>Unlike a JVM started under taskset, this one keeps the GC and JIT thread counts it chose for all CPUs; they
 * now share the client's CPUs.
 */
final class ClientAffinity {

    private ClientAffinity() {
    }

    /** @param cpuList a {@code taskset -c} list, e.g. {@code 1} or {@code 2-3} */
    static void pinThisJvm(String cpuList) throws IOException {
        long pid = ProcessHandle.current().pid();
        Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpuList, Long.toString(pid))
                .redirectErrorStream(true).start();
        String output = new String(taskset.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (taskset.waitFor() != 0) {
                throw new IOException("taskset could not move this JVM to CPUs " + cpuList + ": " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while pinning this JVM to CPUs " + cpuList, e);
        }
        String allowed = ProcessInfo.self().cpusAllowed();
        if (ProcessInfo.countCpus(allowed) != ProcessInfo.countCpus(cpuList)) {
            throw new IOException("asked taskset for CPUs " + cpuList + " but this JVM may run on " + allowed);
        }
    }
}
