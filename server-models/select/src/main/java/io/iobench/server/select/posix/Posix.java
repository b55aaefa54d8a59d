package io.iobench.server.select.posix;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The C library calls the select model makes, linked once through the FFM API, with the constants of Linux on
 * LP64 (x86_64 and aarch64 share every value used here).
 *
 * <p>Each call returns what the C function returns, -1 on failure, and {@link #errno()} then holds the error:
 * errno is captured by the linker right after the call, before the JVM can run anything that would overwrite it.
 * An instance owns the segment errno is captured into, so it belongs to one thread at a time.
 *
 * <p>What that costs beyond the call: the JDK slices the capture segment on every call to check its size, which C2
 * removes when the JDK's segment methods inline into the caller. When they do not (seen after long, varied traffic
 * in one JVM), each call leaves 40 bytes of young garbage. Reading errno after the call through
 * {@code __errno_location} would avoid it, but the JVM may overwrite errno between the call and the read.
 */
public final class Posix {

    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;
    public static final int SOCK_STREAM = 1;
    public static final int SOCK_NONBLOCK = 0x800;
    public static final int SOCK_CLOEXEC = 0x80000;
    public static final int SOL_SOCKET = 1;
    public static final int SO_REUSEADDR = 2;
    public static final int IPPROTO_TCP = 6;
    public static final int TCP_NODELAY = 1;
    /** Makes send fail with EPIPE instead of raising SIGPIPE when the peer is gone. */
    public static final int MSG_NOSIGNAL = 0x4000;
    public static final int EFD_NONBLOCK = 0x800;
    public static final int EFD_CLOEXEC = 0x80000;

    public static final int EINTR = 4;
    /** Also EWOULDBLOCK on Linux. */
    public static final int EAGAIN = 11;
    public static final int ENOMEM = 12;
    public static final int ENFILE = 23;
    public static final int EMFILE = 24;
    public static final int EPIPE = 32;
    public static final int EADDRINUSE = 98;
    public static final int EADDRNOTAVAIL = 99;
    public static final int ECONNABORTED = 103;
    public static final int ECONNRESET = 104;
    public static final int ENOBUFS = 105;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(PathElement.groupElement("errno"));

    private static final MethodHandle SOCKET = link("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle SETSOCKOPT = link("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle BIND = link("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle LISTEN = link("listen", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle GETSOCKNAME = link("getsockname",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle ACCEPT4 = link("accept4",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
    private static final MethodHandle READ = link("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle SEND = link("send",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle CLOSE = link("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle SELECT = link("select",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle EVENTFD = link("eventfd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle EVENTFD_WRITE = link("eventfd_write",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("strerror"), FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private final MemorySegment callState;
    private final MemorySegment intOption;

    /** Allocates the errno capture segment and an option scratch int in {@code arena}. */
    public Posix(Arena arena) {
        this.callState = arena.allocate(CALL_STATE);
        this.intOption = arena.allocate(JAVA_INT);
    }

    private static MethodHandle link(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name), descriptor,
                Linker.Option.captureCallState("errno"));
    }

    /** @return errno as the last failed call of this instance left it */
    public int errno() {
        return (int) ERRNO.get(callState, 0L);
    }

    public int socket(int domain, int type, int protocol) {
        try {
            return (int) SOCKET.invokeExact(callState, domain, type, protocol);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** setsockopt with an int value, the type of SO_REUSEADDR and TCP_NODELAY. */
    public int setIntOption(int fd, int level, int name, int value) {
        intOption.set(JAVA_INT, 0, value);
        try {
            return (int) SETSOCKOPT.invokeExact(callState, fd, level, name, intOption, (int) JAVA_INT.byteSize());
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    public int bind(int fd, MemorySegment sockaddr) {
        try {
            return (int) BIND.invokeExact(callState, fd, sockaddr, (int) sockaddr.byteSize());
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    public int listen(int fd, int backlog) {
        try {
            return (int) LISTEN.invokeExact(callState, fd, backlog);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** Fills {@code sockaddr} (its whole size is offered to the kernel) with the local address of {@code fd}. */
    public int getsockname(int fd, MemorySegment sockaddr) {
        intOption.set(JAVA_INT, 0, (int) sockaddr.byteSize());
        try {
            return (int) GETSOCKNAME.invokeExact(callState, fd, sockaddr, intOption);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** accept4 without asking for the peer address. */
    public int accept4(int fd, int flags) {
        try {
            return (int) ACCEPT4.invokeExact(callState, fd, MemorySegment.NULL, MemorySegment.NULL, flags);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    public long read(int fd, MemorySegment buffer, long count) {
        try {
            return (long) READ.invokeExact(callState, fd, buffer, count);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    public long send(int fd, MemorySegment buffer, long count, int flags) {
        try {
            return (long) SEND.invokeExact(callState, fd, buffer, count, flags);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    public int close(int fd) {
        try {
            return (int) CLOSE.invokeExact(callState, fd);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** Pass {@link MemorySegment#NULL} for a set not asked for, and as {@code timeval} to wait without limit. */
    public int select(int nfds, MemorySegment readFds, MemorySegment writeFds, MemorySegment exceptFds,
            MemorySegment timeval) {
        try {
            return (int) SELECT.invokeExact(callState, nfds, readFds, writeFds, exceptFds, timeval);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    public int eventfd(int initialValue, int flags) {
        try {
            return (int) EVENTFD.invokeExact(callState, initialValue, flags);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** Adds {@code value} to the eventfd counter, which makes it readable. */
    public int eventfdWrite(int fd, long value) {
        try {
            return (int) EVENTFD_WRITE.invokeExact(callState, fd, value);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** @return the C library's text for {@code errno}, with its number, e.g. {@code "Too many open files (errno 24)"} */
    public static String describe(int errno) {
        try {
            // glibc returns a constant string, or a thread-local one for unknown numbers: read it at once.
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.reinterpret(Long.MAX_VALUE).getString(0) + " (errno " + errno + ")";
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** A downcall only throws when the arguments are wrong (a closed arena, another thread's segment): a bug. */
    private static RuntimeException unexpected(Throwable t) {
        if (t instanceof RuntimeException e) {
            return e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
