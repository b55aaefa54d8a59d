package io.iobench.remote;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A class directory ({@code target/classes}) packed into a jar whose bytes depend only on the files' names and
 * contents: entries sorted, every timestamp the same. A rebuild with equal content then has an equal checksum, so
 * {@link Deployment} does not copy it again.
 */
final class DeterministicJar {

    /** The earliest time a zip can hold, as a local time, so the time zone does not enter the bytes either. */
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private DeterministicJar() {
    }

    /** Packs {@code dir} into {@code jar}. */
    static void pack(Path dir, Path jar) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.filter(p -> !p.equals(dir)).sorted((a, b) -> name(dir, a).compareTo(name(dir, b))).toList();
        }
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Path path : paths) {
                boolean directory = Files.isDirectory(path);
                ZipEntry entry = new ZipEntry(name(dir, path) + (directory ? "/" : ""));
                entry.setTimeLocal(FIXED_TIME);
                zip.putNextEntry(entry);
                if (!directory) {
                    Files.copy(path, zip);
                }
                zip.closeEntry();
            }
        }
    }

    private static String name(Path dir, Path path) {
        return dir.relativize(path).toString().replace('\\', '/');
    }
}
