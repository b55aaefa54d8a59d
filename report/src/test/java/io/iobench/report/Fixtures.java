package io.iobench.report;

import io.iobench.results.fixture.SyntheticSweep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The report's test inputs: synthetic sweeps, written at test time by the real writers ({@link SyntheticSweep}),
 * and a JMH result file committed under src/test/resources (see README.txt there).
 */
public final class Fixtures {

    /** 3 models x {1, 10, 100} connections x 64 B, closed loop; netty-epoll at 100 failed, selector at 100 flagged. */
    public static final String CLOSED_LOOP = SyntheticSweep.CLOSED_LOOP;
    /** 2 models x {10, 100} connections, open loop at 20,000 msgs/s, corrected.hgrm; selector at 100 rate_missed. */
    public static final String OPEN_LOOP = SyntheticSweep.OPEN_LOOP;
    /**
     * 3 models (poll, selector, netty-epoll) x 10 connections x idle {0, 1,000, 10,000}, closed loop; poll slows with
     * idle connections, selector at 1,000 idle failed, netty-epoll at 10,000 idle client_bound; the server command
     * carries a 4-entry class path.
     */
    public static final String IDLE_AXIS = SyntheticSweep.IDLE_AXIS;
    /** thread-pool at 1,000 connections with 8, 64, 512 and 1,000 workers; the three smallest latency_incomplete. */
    public static final String POOL_AXIS = SyntheticSweep.POOL_AXIS;
    /** A JMH JSON result file: 3 models x {1, 10} connections; one entry with scoreError "NaN". */
    public static final String JMH = "jmh/jmh-echo.json";

    private static final Map<String, Path> WRITTEN = new HashMap<>();

    private Fixtures() {
    }

    /**
     * The fixture, read-only by convention (tests that change files use {@link #copy}): a synthetic sweep written
     * once per test JVM, or a file on the test class path.
     */
    public static synchronized Path resource(String name) {
        if (isSweep(name)) {
            return WRITTEN.computeIfAbsent(name, sweep -> {
                try {
                    Path root = Files.createTempDirectory("iobench-fixtures-");
                    root.toFile().deleteOnExit();
                    return SyntheticSweep.write(sweep, root.resolve(sweep));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
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

    /** Fixture {@code name}, or the part of it under {@code name}'s first path element, at {@code target}. */
    public static Path copy(String name, Path target) {
        String sweep = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
        if (isSweep(sweep) && sweep.equals(name)) {
            return SyntheticSweep.write(name, target);
        }
        Path source = isSweep(sweep) ? resource(sweep).resolve(name.substring(sweep.length() + 1)) : resource(name);
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

    private static boolean isSweep(String name) {
        return name.equals(CLOSED_LOOP) || name.equals(OPEN_LOOP) || name.equals(IDLE_AXIS) || name.equals(POOL_AXIS);
    }
}
