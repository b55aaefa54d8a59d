package io.iobench.client.proc;

import java.io.IOException;

/** The process has no entry in /proc any more: it exited (or never existed). */
public final class ProcessGoneException extends IOException {

    private final long pid;

    public ProcessGoneException(long pid) {
        super("process " + pid + " is gone");
        this.pid = pid;
    }

    public long pid() {
        return pid;
    }
}
