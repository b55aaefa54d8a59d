package io.iobench.client.uring;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The system calls io_uring needs, linked once through the FFM API: glibc has no io_uring wrappers, so the three
 * io_uring calls go through {@code syscall(2)} with their x86_64 numbers; mmap, munmap and close through libc.
 *
 * <p>A call returns what the kernel returns, a negative errno on failure (the raw system call convention, which
 * io_uring's completions use too), so callers handle both the same way. An instance owns the segment errno is
 * captured into and belongs to one thread at a time.
 */
final class Linux {

    static final int EINTR = 4;
    static final int EAGAIN = 11;
    static final int EBUSY = 16;
    static final int EPIPE = 32;
    static final int ETIME = 62;
    static final int ECONNRESET = 104;
    static final int ENOBUFS = 105;
    static final int ECANCELED = 125;

    private static final long SYS_IO_URING_SETUP = 425;
    private static final long SYS_IO_URING_ENTER = 426;
    private static final long SYS_IO_URING_REGISTER = 427;

    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    private static final int MAP_SHARED_POPULATE = 0x01 | 0x8000;
    private static final long MAP_FAILED = -1;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(PathElement.groupElement("errno"));

    private static final MethodHandle SYSCALL = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("syscall"),
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG,
                    JAVA_LONG),
            Linker.Option.firstVariadicArg(1), Linker.Option.captureCallState("errno"));
    private static final MethodHandle MMAP = link("mmap",
            FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle MUNMAP = link("munmap", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle CLOSE = link("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("strerror"), FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private final MemorySegment callState;

    Linux(Arena arena) {
        this.callState = arena.allocate(CALL_STATE);
    }

    private static MethodHandle link(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name), descriptor,
                Linker.Option.captureCallState("errno"));
    }

    /** @return the new ring's descriptor, or -errno */
    int ioUringSetup(int entries, MemorySegment params) {
        return (int) syscall(SYS_IO_URING_SETUP, entries, params.address(), 0, 0, 0, 0);
    }

    /** @return SQEs submitted, or -errno */
    int ioUringEnter(int ring, int toSubmit, int minComplete, int flags, long arg, long argBytes) {
        return (int) syscall(SYS_IO_URING_ENTER, ring, toSubmit, minComplete, flags, arg, argBytes);
    }

    /** @return what the registration returns, or -errno */
    int ioUringRegister(int ring, int opcode, long arg, int count) {
        return (int) syscall(SYS_IO_URING_REGISTER, ring, opcode, arg, count, 0, 0);
    }

    /** Maps {@code bytes} of the ring at {@code offset}, shared with the kernel and faulted in at once. */
    MemorySegment mmap(int ring, long bytes, long offset) throws IOException {
        long address;
        try {
            address = (long) MMAP.invokeExact(callState, MemorySegment.NULL, bytes, PROT_READ_WRITE,
                    MAP_SHARED_POPULATE, ring, offset);
        } catch (Throwable t) {
            throw unexpected(t);
        }
        if (address == MAP_FAILED) {
            throw new IOException("mmap of the io_uring rings failed: " + describe(-errno()));
        }
        return MemorySegment.ofAddress(address).reinterpret(bytes);
    }

    void munmap(MemorySegment mapping) {
        try {
            int ignored = (int) MUNMAP.invokeExact(callState, mapping.address(), mapping.byteSize());
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    void close(int fd) {
        try {
            int ignored = (int) CLOSE.invokeExact(callState, fd);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    private long syscall(long number, long a, long b, long c, long d, long e, long f) {
        long result;
        try {
            result = (long) SYSCALL.invokeExact(callState, number, a, b, c, d, e, f);
        } catch (Throwable t) {
            throw unexpected(t);
        }
        return result == -1 ? -errno() : result;
    }

    private int errno() {
        return (int) ERRNO.get(callState, 0L);
    }

    /** @return "Operation not permitted (errno 1)" for {@code -1} or {@code 1} */
    static String describe(int error) {
        int errno = Math.abs(error);
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.reinterpret(256).getString(0) + " (errno " + errno + ")";
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }

    /** A downcall declares Throwable; only errors and runtime exceptions of the linker can come out of it. */
    private static RuntimeException unexpected(Throwable t) {
        if (t instanceof Error error) {
            throw error;
        }
        return t instanceof RuntimeException e ? e : new IllegalStateException("native call failed", t);
    }
}
