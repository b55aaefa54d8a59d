package io.iobench.server;

import java.util.SplittableRandom;

/**
 * Random payloads from a seed. The suite draws one seed per test class instance and prints it in every failure
 * about payload bytes; {@code -Diobench.seed=N} replays it.
 */
final class Payloads {

    private Payloads() {
    }

    /** @return the seed given with {@code -Diobench.seed}, or a fresh one */
    static long seed() {
        return Long.getLong("iobench.seed", System.nanoTime());
    }

    static byte[] random(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        // Eight bytes per draw: a 16 MiB payload costs two million draws, not sixteen.
        for (int i = 0; i < length; i += Long.BYTES) {
            long bits = random.nextLong();
            for (int j = i; j < Math.min(length, i + Long.BYTES); j++) {
                bytes[j] = (byte) bits;
                bits >>>= 8;
            }
        }
        return bytes;
    }
}
