package io.iobench.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes and reads {@code result.json}, the only code that does. Writing is atomic, so a reader never sees half a
 * result, even when the run is killed while writing.
 *
 * <pre>
 * RunResultFile.write(result, dir.resolve(RunFiles.RESULT_JSON));
 * RunResult back = RunResultFile.read(dir.resolve(RunFiles.RESULT_JSON));       // throws on a damaged file
 * Optional&lt;RunResult&gt; shown = RunResultFile.read(file, warnings);              // warns instead
 * </pre>
 */
public final class RunResultFile {

    private RunResultFile() {
    }

    /** Writes {@code result} to {@code file} atomically. */
    public static void write(RunResult result, Path file) throws IOException {
        JsonFormat.write(result, file);
    }

    /** @return {@code result} as the JSON text the file holds */
    public static String toJson(RunResult result) throws IOException {
        return JsonFormat.toJson(result);
    }

    /**
     * Reads a result file strictly, for a writer that must know its run is whole (the sweep).
     *
     * @throws ResultFormatException naming the file, when it is truncated, corrupt or of another schema
     */
    public static RunResult read(Path file) throws IOException {
        SchemaOnly schema = JsonFormat.read(file, SchemaOnly.class);
        if (!RunResult.SCHEMA.equals(schema.schema())) {
            throw new ResultFormatException(file + " is not a run result of schema " + RunResult.SCHEMA
                    + " (schema: " + (schema.schema() == null ? "none" : schema.schema()) + ")", null);
        }
        return JsonFormat.read(file, RunResult.class);
    }

    /**
     * Reads a result file tolerantly, for a reader that shows what it can (the report): a damaged file becomes a
     * warning and an empty result; another schema is warned about and read as far as its fields match; fields this
     * version does not know are ignored, and fields an older writer did not write read as null.
     */
    public static Optional<RunResult> read(Path file, Warnings warnings) {
        return JsonFormat.read(file, SchemaOnly.class, warnings, "run left out").flatMap(schema -> {
            if (!RunResult.SCHEMA.equals(schema.schema())) {
                warnings.add(file, "schema is " + schema.schema() + ", expected " + RunResult.SCHEMA
                        + "; read as far as fields match");
            }
            return JsonFormat.read(file, RunResult.class, warnings, "run left out");
        });
    }

    /** The one field every iobench file has, read before the rest. */
    private record SchemaOnly(String schema) {
    }
}
