package io.iobench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sweep talks to the client and the probe through their command lines only: it may name {@code LoadOptions} and
 * {@code ProbeOptions}, the typed descriptions of those command lines, and nothing of their engine, recording or
 * /proc code.
 */
class SweepArchitectureTest {

    private static final Pattern CLIENT_IMPORT = Pattern.compile("^import (?:static )?(io\\.iobench\\.client\\.[\\w.]+);",
            Pattern.MULTILINE);

    @Test
    void usesNothingOfTheClientButItsOptions() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                Matcher imported = CLIENT_IMPORT.matcher(text);
                while (imported.find()) {
                    assertThat(imported.group(1)).as(source.toString()).isIn(List.of("io.iobench.client.LoadOptions",
                            "io.iobench.client.probe.ProbeOptions"));
                }
                assertThat(text).as(source.toString()).doesNotContainPattern(
                        "io\\.iobench\\.client\\.(?!LoadOptions\\b|probe\\.ProbeOptions\\b)\\w");
            }
        }
    }
}
