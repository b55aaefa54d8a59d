package io.iobench.server.select;

import io.iobench.server.select.posix.Posix;
import io.iobench.server.select.posix.SockAddr;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.BindException;
import java.net.InetSocketAddress;

/**
 * A non-blocking TCP listening socket opened through the C library: socket, SO_REUSEADDR (so a restarted server
 * binds while the last run's connections sit in TIME_WAIT), bind, listen, and getsockname for the real port.
 *
 * @param fd   the listening descriptor, owned by the caller, who closes it
 * @param port the bound port, the one the kernel chose when port 0 was asked for
 */
record ListeningSocket(int fd, int port) {

    static ListeningSocket open(Posix posix, InetSocketAddress address, int backlog) throws IOException {
        int fd = posix.socket(SockAddr.family(address), Posix.SOCK_STREAM | Posix.SOCK_NONBLOCK | Posix.SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw new IOException("socket: " + Posix.describe(posix.errno()));
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sockaddr = SockAddr.of(arena, address);
            check(posix, posix.setIntOption(fd, Posix.SOL_SOCKET, Posix.SO_REUSEADDR, 1), "setsockopt SO_REUSEADDR");
            if (posix.bind(fd, sockaddr) < 0) {
                int errno = posix.errno();
                String message = "bind " + address + ": " + Posix.describe(errno);
                throw errno == Posix.EADDRINUSE || errno == Posix.EADDRNOTAVAIL
                        ? new BindException(message) : new IOException(message);
            }
            check(posix, posix.listen(fd, backlog), "listen");
            check(posix, posix.getsockname(fd, sockaddr), "getsockname");
            return new ListeningSocket(fd, SockAddr.port(sockaddr));
        } catch (IOException | RuntimeException e) {
            posix.close(fd);
            throw e;
        }
    }

    private static void check(Posix posix, int result, String call) throws IOException {
        if (result < 0) {
            throw new IOException(call + ": " + Posix.describe(posix.errno()));
        }
    }
}
