package io.iobench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies the committed synthetic sweeps (src/test/resources, see README.txt there) into a test's own directory. */
public final class Fixtures {

    /** 3 models x {1, 10, 100} connections x 64 B, closed loop; netty-epoll at 100 failed, selector at 100 flagged. */
    public static final String CLOSED_LOOP = "sweep-closed-loop";
    /** 2 models x {10, 100} connections, open loop at 20,000 msgs/s, corrected.hgrm; selector at 100 rate_missed. */
    public static final String OPEN_LOOP = "sweep-open-loop";
    /**
     * 3 models (poll, selector, netty-epoll) x 10 connections x idle {0, 1,000, 10,000}, closed loop; poll slows with
     * idle connections, selector at 1,000 idle failed, netty-epoll at 10,000 idle client_bound; the server command
     * carries a 4-entry class path.
     */
    public static final String IDLE_AXIS = "sweep-idle-axis";
    /** A JMH JSON result file: 3 models x {1, 10} connections; one entry with scoreError "NaN". */
    public static final String JMH = "jmh/jmh-echo.json";

    private Fixtures() {
    }

    /** The fixture's path on the test class path, read-only by convention: tests write into copies. */
    public static Path resource(String name) {
        URL url = Fixtures.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalStateException("test resource " + name + " is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies fixture {@code name} to {@code target} and returns {@code target}. */
    public static Path copy(String name, Path target) {
        Path source = resource(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    Files.copy(file, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
