package io.iobench.client.probe;

import java.io.IOException;

/**
 * A process for a probe to watch in a test, standing in for a server: a shell that spins on a core, or one that
 * sleeps. Closing it kills it.
 */
final class WatchedProcess implements AutoCloseable {

    private final Process process;

    private WatchedProcess(Process process) {
        this.process = process;
    }

    /** A shell busy on one core until killed. */
    static WatchedProcess spinning() throws IOException {
        return start("while :; do :; done");
    }

    /** A shell asleep until killed. */
    static WatchedProcess sleeping() throws IOException {
        return start("exec sleep 600");
    }

    private static WatchedProcess start(String script) throws IOException {
        return new WatchedProcess(new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start());
    }

    long pid() {
        return process.pid();
    }

    /** Kills it and waits until it is gone and reaped. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
