package io.iobench.client.engine;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** Counts of {@link ErrorKind}s; written by IO threads, readable from any thread at any time. */
public final class ErrorCounts {

    private static final ErrorKind[] KINDS = ErrorKind.values();

    private final AtomicLongArray counts = new AtomicLongArray(KINDS.length);

    void add(ErrorKind kind, long count) {
        counts.addAndGet(kind.ordinal(), count);
    }

    /** @return how many errors of {@code kind} were counted so far */
    public long get(ErrorKind kind) {
        return counts.get(kind.ordinal());
    }

    /** @return the sum over every kind */
    public long total() {
        long total = 0;
        for (int i = 0; i < KINDS.length; i++) {
            total += counts.get(i);
        }
        return total;
    }

    /** @return a copy of the counts, every kind present */
    public Map<ErrorKind, Long> snapshot() {
        Map<ErrorKind, Long> copy = new EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : KINDS) {
            copy.put(kind, get(kind));
        }
        return copy;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (ErrorKind kind : KINDS) {
            long count = get(kind);
            if (count > 0) {
                text.append(text.isEmpty() ? "" : " ").append(kind.name().toLowerCase()).append('=').append(count);
            }
        }
        return text.isEmpty() ? "none" : text.toString();
    }
}
