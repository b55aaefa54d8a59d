package io.iobench.server.select;

import io.iobench.options.UsageException;
import io.iobench.server.EchoServer;
import io.iobench.server.IoModel;
import io.iobench.server.ServerOptions;
import io.iobench.server.Threading;
import java.io.IOException;
import java.util.Set;

/**
 * The select model: the 1983 readiness API, called through the FFM API on sockets opened through FFM, so no JDK
 * channel code stands between the benchmark and the system calls.
 *
 * <p><b>How it works.</b> One thread loops: it fills a read fd_set with the listener, the wake-up eventfd and every
 * connection, and a write fd_set with the connections whose last send was partial (those are not read meanwhile:
 * backpressure); it calls select(2); then it tests every descriptor from 0 to the highest with FD_ISSET and serves
 * the ready ones: accept until EAGAIN, one read and its echo per connection, or the rest of a partial write.
 *
 * <p><b>What it should cost.</b> Every call is O(highest descriptor), not O(ready descriptors), three times over:
 * user space rebuilds both 128-byte sets (select overwrites them with its answer), the kernel copies them in and
 * polls every descriptor they name, and user space scans them back. With few connections that is cheap and close
 * to epoll; each idle connection adds to every call, so latency and CPU per message grow with the number open
 * even when only one is busy.
 *
 * <p><b>Where it breaks.</b> An fd_set holds descriptors 0 to FD_SETSIZE - 1 = 1023, fixed when glibc was
 * compiled. In C, FD_SET on descriptor 1024 silently writes past the set (or aborts under _FORTIFY_SOURCE); here a
 * connection accepted on such a descriptor is closed at once and counted as an fd_set overflow, with a rate-limited
 * line on stderr. So the model serves at most about 1000 connections, fewer when the process has other files open,
 * and a JVM sharing its descriptor table with a client reaches the limit with half as many.
 *
 * <p>Needs Linux on x86_64 or aarch64, and {@code --enable-native-access=ALL-UNNAMED} on the java command line to
 * call C without a warning.
 */
public final class SelectModel implements IoModel {

    private static final Set<String> ARCHITECTURES = Set.of("amd64", "aarch64");

    @Override
    public String name() {
        return "select";
    }

    @Override
    public String description() {
        return "one thread calling select(2) through FFM; fd_set rebuilt and scanned every call; at most 1024 fds";
    }

    @Override
    public Threading threading() {
        return Threading.SINGLE;
    }

    @Override
    public EchoServer start(ServerOptions options) throws IOException {
        String os = System.getProperty("os.name");
        String arch = System.getProperty("os.arch");
        if (!os.equals("Linux") || !ARCHITECTURES.contains(arch)) {
            throw new UnsupportedOperationException("the select model uses the constants and struct layouts of Linux"
                    + " on x86_64 or aarch64; this is " + os + " on " + arch);
        }
        if (options.threads() > 1) {
            throw new UsageException("the select model runs one thread; leave out --threads or give 1, got "
                    + options.threads());
        }
        return SelectServer.start(options, System.err);
    }
}
