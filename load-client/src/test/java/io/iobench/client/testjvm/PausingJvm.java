package io.iobench.client.testjvm;

import java.util.ArrayList;
import java.util.List;

/**
 * A JVM forced into pauses, for the pause profilers' tests: it keeps a million small objects alive, so that each full
 * collection has something to mark, and calls {@code System.gc()} every {@value #EVERY_MS} ms, printing
 * {@code GC <epoch ms>} just before each call. It stops after {@value #CALLS} calls (a minute) or when killed.
 */
public final class PausingJvm {

    static final long EVERY_MS = 400;
    static final int CALLS = 150;

    private PausingJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<int[]> live = new ArrayList<>();
        for (int i = 0; i < 1_000_000; i++) {
            live.add(new int[2]);
        }
        System.out.println("READY");
        System.out.flush();
        for (int call = 0; call < CALLS; call++) {
            System.out.println("GC " + System.currentTimeMillis());
            System.out.flush();
            System.gc();
            Thread.sleep(EVERY_MS);
        }
        System.out.println("kept " + live.size());
    }
}
