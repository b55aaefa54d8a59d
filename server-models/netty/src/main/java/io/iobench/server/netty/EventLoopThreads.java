package io.iobench.server.netty;

import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the event loop threads of one server and joins them when it closes. An event loop group's termination
 * future completes inside its threads' last lines, a moment before they end; joining them is what lets
 * {@code close()} promise that no thread of the server is alive when it returns.
 */
final class EventLoopThreads implements ThreadFactory {

    private final String namePrefix;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final AtomicInteger made = new AtomicInteger();

    /** @param namePrefix threads are named prefix-0, prefix-1, ... */
    EventLoopThreads(String namePrefix) {
        this.namePrefix = namePrefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        // FastThreadLocalThread, as Netty's own factory makes: Netty's thread-local caches are fastest on it.
        Thread thread = new FastThreadLocalThread(task, namePrefix + "-" + made.getAndIncrement());
        threads.add(thread);
        return thread;
    }

    /**
     * Waits for every thread made so far to end, at most {@code timeoutMs} in all.
     *
     * @return true if none is alive any more
     */
    boolean join(long timeoutMs) {
        long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        boolean interrupted = false;
        try {
            for (Thread thread : threads) {
                while (thread.isAlive()) {
                    long leftNs = deadlineNs - System.nanoTime();
                    if (leftNs <= 0) {
                        return false;
                    }
                    try {
                        thread.join(TimeUnit.NANOSECONDS.toMillis(leftNs) + 1);
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            return true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
