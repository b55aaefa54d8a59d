package io.iobench.client.profile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Skips a test with one line where perf cannot count the syscall tracepoints: no perf, no tracefs, not allowed. */
public final class PerfAssumption {

    private PerfAssumption() {
    }

    public static void assumePerfCountsSyscalls() throws Exception {
        Path perf = SyscallProfiler.executable("perf");
        Assumptions.assumeTrue(perf != null, "no perf on PATH: the syscall profiler's measured tests are skipped");
        Process check = new ProcessBuilder(perf.toString(), "stat", "-e", "raw_syscalls:sys_enter", "--", "true")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        boolean ended = check.waitFor(20, TimeUnit.SECONDS);
        if (!ended) {
            check.destroyForcibly();
        }
        Assumptions.assumeTrue(ended && check.exitValue() == 0, "perf stat cannot count raw_syscalls:sys_enter here"
                + " (not root, or no tracefs): the syscall profiler's measured tests are skipped");
        Assumptions.assumeTrue(SyscallProfiler.TRACEFS.stream()
                        .anyMatch(root -> Files.isDirectory(root.resolve("events/syscalls"))),
                "no syscall tracepoints under tracefs: the syscall profiler's measured tests are skipped");
    }
}
