package io.iobench.server.select;

import io.iobench.server.select.posix.Posix;
import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes every free descriptor below a limit with eventfds (cheap, and their numbers are returned), so that the next
 * descriptors this process opens, sockets included, are numbered at or above the limit.
 */
final class DescriptorFiller implements AutoCloseable {

    private final Arena arena = Arena.ofConfined();
    private final Posix posix = new Posix(arena);
    private final List<Integer> fds = new ArrayList<>();

    /** Opens eventfds until the kernel, which always gives the lowest free number, gives one at or above {@code limit}. */
    void fillBelow(int limit) {
        for (;;) {
            int fd = posix.eventfd(0, Posix.EFD_CLOEXEC);
            if (fd < 0) {
                throw new IllegalStateException("eventfd: " + Posix.describe(posix.errno()));
            }
            if (fd >= limit) {
                posix.close(fd);
                return;
            }
            fds.add(fd);
        }
    }

    /** @return descriptors taken so far */
    int taken() {
        return fds.size();
    }

    @Override
    public void close() {
        for (int fd : fds) {
            posix.close(fd);
        }
        fds.clear();
        arena.close();
    }
}
