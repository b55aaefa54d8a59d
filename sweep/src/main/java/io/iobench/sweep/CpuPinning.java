package io.iobench.sweep;

import java.util.Optional;

/**
 * Which CPUs the server and the client run on. Disjoint sets keep the client from stealing the server's core, so
 * the server's CPU time is its own. On a 2-core host the server gets CPU 0 and the client CPU 1; on larger hosts
 * the first half and the second half. Without taskset, or on one core, nothing is pinned and results say so.
 *
 * @param serverCpus a {@code taskset -c} list for the server, empty when unpinned (on several hosts: all of its
 *                   host's cores)
 * @param clientCpus a {@code taskset -c} list for the client, empty when unpinned (likewise)
 */
public record CpuPinning(Optional<String> serverCpus, Optional<String> clientCpus) {

    public static final CpuPinning NONE = new CpuPinning(Optional.empty(), Optional.empty());

    /** Splits the CPUs this process may use in two halves, when taskset exists and there are two or more. */
    public static CpuPinning defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        if (!JavaCommand.tasksetAvailable() || cores < 2) {
            return NONE;
        }
        int half = cores / 2;
        return new CpuPinning(Optional.of(range(0, half - 1)), Optional.of(range(half, cores - 1)));
    }

    /** Explicit lists, each a {@code taskset -c} value such as {@code 0} or {@code 2-3}. */
    public static CpuPinning of(String serverCpus, String clientCpus) {
        return new CpuPinning(Optional.of(serverCpus), Optional.of(clientCpus));
    }

    public boolean pinned() {
        return serverCpus.isPresent() || clientCpus.isPresent();
    }

    private static String range(int first, int last) {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }

    @Override
    public String toString() {
        return pinned() ? "server=" + serverCpus.orElse("any") + " client=" + clientCpus.orElse("any") : "unpinned";
    }
}
