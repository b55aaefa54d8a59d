package io.iobench.results;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file beside its target and renames it over the target, so a reader sees the old file or the new one,
 * never half of one, even when the writer is killed mid-way or the disk fills up. Every file iobench writes goes
 * through here: results, summaries and manifests, and the report's pages and charts. Where the file system cannot
 * rename atomically (some network and FUSE mounts) it falls back to a plain replace rather than failing the run.
 *
 * <pre>
 * AtomicFile.writeText(dir.resolve("report.md"), markdown);
 * AtomicFile.write(svg, out -&gt; VectorGraphicsEncoder.saveVectorGraphic(chart, out, SVG));
 * AtomicFile.writeNamed(png, temp -&gt; BitmapEncoder.saveBitmapWithDPI(chart, temp.toString(), PNG, 144));
 * </pre>
 *
 * A write that fails throws an {@link IOException} naming the target, not the temporary file, with what the
 * system said ({@code report.html: not written (No space left on device)}); the temporary file is removed and an
 * earlier target is left as it was.
 */
public final class AtomicFile {

    /** Hidden beside the target, and ending in the target's own name, so encoders that go by the extension work. */
    private static final String TEMPORARY_PREFIX = ".tmp-";

    /** What writes the content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** What writes the content to a file it opens by name itself: an encoder that takes no stream. */
    @FunctionalInterface
    public interface NamedContent {
        void writeTo(Path file) throws IOException;
    }

    private AtomicFile() {
    }

    /** Writes {@code text} as UTF-8. */
    public static void writeText(Path target, CharSequence text) throws IOException {
        write(target, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes what {@code content} writes to the stream it is given. */
    public static void write(Path target, Content content) throws IOException {
        writeNamed(target, temp -> {
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
        });
    }

    /** Writes what {@code content} writes to the file it is given, which is then renamed to {@code target}. */
    public static void writeNamed(Path target, NamedContent content) throws IOException {
        Path temp = temporary(target);
        try {
            content.writeTo(temp);
            replace(temp, target);
        } catch (IOException e) {
            discard(temp, e);
            FileSystemException named = new FileSystemException(target.toString(), null,
                    "not written (" + reason(e) + "); an earlier one, if any, is left as it was");
            named.initCause(e);
            throw named;
        } catch (RuntimeException e) {
            discard(temp, e);
            throw e;
        }
    }

    /** Removes what the failed write left; a failure to do so is kept beside the write's own, never instead. */
    private static void discard(Path temp, Exception failure) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** Where {@code target} is written before it is renamed into place. */
    public static Path temporary(Path target) {
        return target.resolveSibling(TEMPORARY_PREFIX + target.getFileName());
    }

    private static void replace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** What the system said, without the temporary file's name, which means nothing to the reader. */
    private static String reason(IOException e) {
        return switch (e) {
            case AccessDeniedException denied -> "permission denied";
            case NoSuchFileException missing -> "no such file or directory";
            case FileSystemException other when other.getReason() != null -> other.getReason();
            default -> String.valueOf(e.getMessage());
        };
    }
}
