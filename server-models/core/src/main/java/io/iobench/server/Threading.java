package io.iobench.server;

import io.iobench.options.UsageException;

/**
 * How a model uses threads, which decides what {@code --threads} means for it and what it runs without one. The
 * sweep reads it to size a pool to the point (a pool smaller than the connections starves the rest, which is the
 * pool's failure, not a fair default), and the report shows the threads each server ran with.
 */
public enum Threading {

    /** A thread, platform or virtual, per connection: {@code --threads} does not apply. */
    PER_CONNECTION,
    /** One thread by design (select, busy polling): {@code --threads} does not apply. */
    SINGLE,
    /** Workers that each hold one connection for its whole life: {@code --threads} is the pool's size. */
    POOL,
    /** Event loops that each serve many connections: {@code --threads} is their number. */
    REACTORS;

    /**
     * A pool's size when none is given: Tomcat's blocking connector's default of 200 workers. The sweep gives a
     * pool one worker per connection instead, as a user sizing it for a known load would.
     */
    public static final int DEFAULT_POOL = 200;

    /**
     * The threads a model of this kind runs when {@code --threads} is not given: a pool of {@link #DEFAULT_POOL},
     * an event loop per CPU the server may run on (one per core is the tuned setting; Netty's own default is twice
     * that), one for a single-threaded model, none of its own (0) for a thread per connection.
     */
    public int defaultThreads() {
        return switch (this) {
            case POOL -> DEFAULT_POOL;
            case REACTORS -> Runtime.getRuntime().availableProcessors();
            case SINGLE -> 1;
            case PER_CONNECTION -> 0;
        };
    }

    /** Whether {@code --threads} sets anything for a model of this kind. */
    public boolean takesThreads() {
        return this == POOL || this == REACTORS;
    }

    /**
     * Refuses a {@code --threads} that a model of this kind would ignore.
     *
     * @param threads the count given, or null for none
     */
    void check(String model, Integer threads) {
        if (threads != null && !takesThreads()) {
            throw new UsageException("the " + model + " model runs " + (this == SINGLE ? "one thread by design"
                    : "a thread per connection") + ": --threads does not apply to it; leave it out");
        }
    }
}
