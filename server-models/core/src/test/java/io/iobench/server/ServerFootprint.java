package io.iobench.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a server in this JVM costs: threads, file descriptors, CPU and memory. A snapshot taken before the server
 * starts tells what it added apart from what the JVM and the test runner already had.
 *
 * <p>The rule for threads: a thread is the server's if it is a platform thread alive now that was not alive in the
 * snapshot, unless it is JDK infrastructure. JDK infrastructure is recognised by class, not by name:
 * {@code jdk.internal.misc.CarrierThread} (the carriers of the default virtual-thread scheduler, a JVM-wide
 * ForkJoinPool that outlives every executor) and {@code jdk.internal.misc.InnocuousThread} (the JDK's lazily
 * started helpers: the virtual-thread pollers and unblocker, the process reaper, the common cleaner). Application
 * code cannot create instances of either class, so a model cannot hide a thread behind this rule. Virtual threads
 * are not listed by the JVM outside of thread dumps; a model that starts them must join them in {@code close()},
 * and the leak check sees the sockets they would keep open.
 *
 * <p>The rule for descriptors: a descriptor is the server's if it is open now and was not open in the snapshot,
 * or points somewhere else now, unless it is a {@code .jar} (class loading opens class path jars lazily and keeps
 * them open for the life of the JVM).
 */
final class ServerFootprint {

    private static final Path FD_DIR = Path.of("/proc/self/fd");
    private static final Set<String> JDK_THREAD_CLASSES =
            Set.of("jdk.internal.misc.CarrierThread", "jdk.internal.misc.InnocuousThread");

    private final Set<Thread> threadsBefore;
    private final Map<Integer, String> descriptorsBefore;

    private ServerFootprint(Set<Thread> threadsBefore, Map<Integer, String> descriptorsBefore) {
        this.threadsBefore = threadsBefore;
        this.descriptorsBefore = descriptorsBefore;
    }

    /** Records the threads and descriptors alive now. */
    static ServerFootprint snapshot() {
        return new ServerFootprint(platformThreads(), descriptors());
    }

    /** @return the server's threads still alive, by the rule in the class comment, as "name (state)" */
    List<String> threadsAdded() {
        return platformThreads().stream()
                .filter(t -> !threadsBefore.contains(t) && !isJdkInfrastructure(t))
                .map(t -> t.getName() + " (" + t.getState() + ")")
                .sorted()
                .toList();
    }

    /** @return descriptors opened since the snapshot and still open, as "fd -> target" */
    List<String> descriptorsAdded() {
        return descriptors().entrySet().stream()
                .filter(e -> !e.getValue().equals(descriptorsBefore.get(e.getKey())))
                .filter(e -> !e.getValue().endsWith(".jar"))
                .map(e -> e.getKey() + " -> " + e.getValue())
                .toList();
    }

    /**
     * Share of one core used over {@code window} by every platform thread except the caller, which sleeps
     * meanwhile. It includes threads that existed before the server started, because virtual-thread carriers and
     * pollers do the work of a virtual-thread server; the JIT compiler and GC threads are not Java-visible and are
     * not counted.
     */
    static double cpuCoresOfOtherThreads(Duration window) throws InterruptedException {
        Thread caller = Thread.currentThread();
        long cpuBeforeNs = cpuNanosExcept(caller);
        long startNs = System.nanoTime();
        Thread.sleep(window.toMillis());
        long cpuNs = cpuNanosExcept(caller) - cpuBeforeNs;
        return (double) cpuNs / (System.nanoTime() - startNs);
    }

    /** @return heap plus direct-buffer bytes in use after a full collection */
    static long memoryUsedAfterGc() {
        System.gc();
        long direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct"))
                .mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() + direct;
    }

    private static long cpuNanosExcept(Thread excluded) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread t : platformThreads()) {
            if (t != excluded) {
                total += Math.max(0, mx.getThreadCpuTime(t.threadId()));
            }
        }
        return total;
    }

    private static boolean isJdkInfrastructure(Thread thread) {
        return JDK_THREAD_CLASSES.contains(thread.getClass().getName());
    }

    private static Set<Thread> platformThreads() {
        Set<Thread> threads = Collections.newSetFromMap(new IdentityHashMap<>());
        threads.addAll(Thread.getAllStackTraces().keySet());
        return threads;
    }

    private static Map<Integer, String> descriptors() {
        Map<Integer, String> targets = new TreeMap<>();
        try (Stream<Path> fds = Files.list(FD_DIR)) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    // The directory stream listing /proc/self/fd is itself a descriptor.
                    if (!target.matches("/proc/\\d+/fd")) {
                        targets.put(Integer.parseInt(fd.getFileName().toString()), target);
                    }
                } catch (IOException closedMeanwhile) {
                    // Closed between listing and reading the link: not open, so not counted.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return targets;
    }
}
