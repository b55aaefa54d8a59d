package io.iobench.client;

import io.iobench.client.proc.ProcStat;
import io.iobench.client.proc.ProcessGoneException;
import io.iobench.client.proc.ProcessTimes;
import java.io.IOException;

/**
 * How a run reads the server's process: a whole snapshot, thread by thread, or its CPU times alone. The first
 * opens files by the thousand for a thread per connection and is kept outside the measured window; the second is
 * one file, for the window's edges. Both give null without a server pid or once the server has exited. The load
 * client reads a server of its own host this way, and {@code iobench probe} a server of the probe's host.
 */
public interface ServerReadings {

    /** @return every thread of the server, or null without a server pid or once it has exited */
    ProcStat snapshot() throws IOException;

    /** @return the server's CPU times, or null without a server pid or once it has exited */
    ProcessTimes times() throws IOException;

    /** Reads process {@code pid}, or nothing when it is null. */
    static ServerReadings of(Long pid) {
        return new ServerReadings() {
            @Override
            public ProcStat snapshot() throws IOException {
                try {
                    return pid == null ? null : ProcStat.read(pid);
                } catch (ProcessGoneException e) {
                    return null;
                }
            }

            @Override
            public ProcessTimes times() throws IOException {
                try {
                    return pid == null ? null : ProcessTimes.read(pid);
                } catch (ProcessGoneException e) {
                    return null;
                }
            }
        };
    }
}
