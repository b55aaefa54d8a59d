package io.iobench.options;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/** Descriptor counts of this JVM, as the kernel enforces them (the JVM raises its soft limit to the hard one). */
public final class FileDescriptors {

    private FileDescriptors() {
    }

    /** @return RLIMIT_NOFILE of this process, or 1024 when the platform does not say */
    public static long limit() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount() : 1024;
    }

    /** @return descriptors open in this process right now, or -1 when the platform does not say */
    public static long open() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getOpenFileDescriptorCount() : -1;
    }
}
