package io.iobench.results;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes and reads the file of {@code iobench probe}, a {@link ProbeResult}, the only code that does. Writing is
 * atomic, as {@code result.json}'s is, so a sweep collecting the file never reads half of it.
 *
 * <pre>
 * ProbeResultFile.write(probe, file);                                  // on the server's host
 * ProbeResult back = ProbeResultFile.read(file);                        // where the clients' runs are merged
 * RunResult run = merged.withServer(back.server(merged.throughput().messages()), back.saturated());
 * </pre>
 */
public final class ProbeResultFile {

    private ProbeResultFile() {
    }

    /** Writes {@code result} to {@code file} atomically. */
    public static void write(ProbeResult result, Path file) throws IOException {
        JsonFormat.write(result, file);
    }

    /** @return {@code result} as the JSON text the file holds */
    public static String toJson(ProbeResult result) throws IOException {
        return JsonFormat.toJson(result);
    }

    /**
     * Reads a probe's file strictly.
     *
     * @throws ResultFormatException naming the file, when it is truncated, corrupt, of another schema, or holds a
     *                               value of the wrong type
     */
    public static ProbeResult read(Path file) throws IOException {
        return JsonFormat.read(file, ProbeResult.class, ProbeResult.SCHEMA, "probe result");
    }
}
