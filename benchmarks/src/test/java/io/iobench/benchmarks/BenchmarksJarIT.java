package io.iobench.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.options.JvmOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The packaged {@code benchmarks.jar}, run as users run it: {@code java -jar benchmarks.jar ...}. It exists only
 * after {@code package}, hence an integration test.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BenchmarksJarIT {

    private static final Path JAR = Path.of(System.getProperty("benchmarks.jar", "target/benchmarks.jar"));
    private static final String PACKAGE = "io.iobench.benchmarks.";
    private static final List<String> MODELS = List.of("thread-per-connection", "thread-pool", "virtual-threads",
            "busy-poll", "selector", "poll", "netty-epoll", "netty-io-uring", "netty-nio", "select");
    private static final Pattern PARAM = Pattern.compile("\\s+param \"(\\w+)\" = \\{(.*)}");
    private static final Pattern KNOWN_MODELS = Pattern.compile("known models: ([^(]*)");

    @Test
    void listsEveryBenchmarkWithItsParameters() throws Exception {
        Map<String, Map<String, List<String>>> listed = parameters(run("-jar", JAR.toString(), "-lp"));

        Map<String, List<String>> echo = Map.of(
                "model", MODELS,
                "connections", List.of("1", "10", "100", "1000"),
                "size", List.of("64", "1024"));
        Map<String, List<String>> selector = Map.of("idleChannels", List.of("10", "100", "1000", "10000"));
        assertThat(listed).isEqualTo(Map.of(
                PACKAGE + "EchoRoundTrip.latency", echo,
                PACKAGE + "EchoRoundTrip.throughput", echo,
                PACKAGE + "SelectorScaling.epoll", selector,
                PACKAGE + "SelectorScaling.poll", selector));
    }

    @Test
    void listsTheSameBenchmarksWithoutParameters() throws Exception {
        List<String> lines = run("-jar", JAR.toString(), "-l").lines().map(String::strip).toList();

        assertThat(lines).containsSubsequence("Benchmarks:")
                .contains(PACKAGE + "EchoRoundTrip.latency", PACKAGE + "EchoRoundTrip.throughput",
                        PACKAGE + "SelectorScaling.epoll", PACKAGE + "SelectorScaling.poll");
    }

    /*
     * Each model module lists its models in META-INF/services/io.iobench.server.IoModel. Unless the shade plugin
     * merges those files, the jar keeps one of them and the server it launches knows one module's models. The
     * launcher names every model it knows when asked for an unknown one.
     */
    @Test
    void holdsEveryModelTheBenchmarksName() throws Exception {
        String output = run("-cp", JAR.toString(), "io.iobench.server.ServerLauncher", "--model", "no-such-model");

        Matcher known = KNOWN_MODELS.matcher(output);
        assertThat(known.find()).as("the launcher lists known models in: %s", output).isTrue();
        assertThat(new TreeSet<>(Arrays.asList(known.group(1).strip().split(",\\s*"))))
                .isEqualTo(new TreeSet<>(MODELS));
    }

    /*
     * JMH forks a JVM per trial with the options it is given, not those of the JVM that runs the jar. Without
     * iobench's (native access, sun.nio.ch) a fork's io_uring client falls back to the selector and the select
     * model cannot link its calls. JMH prints each fork's command line at -v EXTRA.
     */
    @Test
    void forksEveryTrialWithTheJvmOptionsIobenchNeeds() throws Exception {
        String output = run("-jar", JAR.toString(), "SelectorScaling.epoll", "-p", "idleChannels=10", "-f", "1",
                "-wi", "0", "-i", "1", "-r", "100ms", "-v", "EXTRA");

        String fork = output.lines().filter(line -> line.contains("Forking") && line.contains("using command"))
                .findFirst().orElseThrow(() -> new AssertionError("no fork command in:\n" + output));
        assertThat(fork).contains(JvmOptions.required());
        assertThat(output).contains("Result \"" + PACKAGE + "SelectorScaling.epoll\"");
    }

    /** @return benchmark name to parameter name to values, from the output of {@code -lp} */
    private static Map<String, Map<String, List<String>>> parameters(String listing) {
        Map<String, Map<String, List<String>>> benchmarks = new LinkedHashMap<>();
        Map<String, List<String>> current = null;
        for (String line : listing.lines().toList()) {
            Matcher param = PARAM.matcher(line);
            if (line.startsWith(PACKAGE)) {
                current = new LinkedHashMap<>();
                benchmarks.put(line.strip(), current);
            } else if (param.matches() && current != null) {
                current.put(param.group(1), List.of(param.group(2).split(",\\s*")));
            }
        }
        return benchmarks;
    }

    /** Runs the JDK this test runs on with {@code args}; returns stdout and stderr together. */
    private static String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return output;
    }
}
