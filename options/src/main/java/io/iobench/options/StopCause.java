package io.iobench.options;

import sun.misc.Signal;

/**
 * Why a long-running command (server, load, sweep) was asked to end before its own end, and the exit code that
 * tells its caller so: 128 plus the signal's number, as a shell reports a process a signal ended, so that a script
 * sees the same code whether the JVM caught the signal or not.
 */
public enum StopCause {

    /** SIGINT, Ctrl-C in a terminal: exit 130. */
    SIGINT("INT"),
    /** SIGTERM, what {@code kill} and process managers send: exit 143. */
    SIGTERM("TERM"),
    /**
     * End of file on stdin, for a command told to watch it: whoever held the other end of the pipe (the sweep that
     * started it, an ssh session) is gone. Exit 129, what a hang-up (SIGHUP) would have given.
     */
    STDIN_CLOSED("HUP");

    private final String signalName;

    StopCause(String signalName) {
        this.signalName = signalName;
    }

    /** @return 128 plus the number of the signal (SIGHUP for end of stdin) */
    public int exitCode() {
        return 128 + signal().getNumber();
    }

    /** @return what asked to stop, for a line a human reads: {@code SIGTERM}, {@code end of stdin} */
    public String description() {
        return this == STDIN_CLOSED ? "end of stdin" : name();
    }

    Signal signal() {
        return new Signal(signalName);
    }
}
