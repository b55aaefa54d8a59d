package io.iobench.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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

    /** What the report does without the file. */
    private static final String LEFT_OUT = "run left out";

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
     * @throws ResultFormatException naming the file, and the field where one is to blame, when it is truncated,
     *                               corrupt, of another schema, or holds a value no run produces (a string or null
     *                               where a number belongs, NaN, a negative count, percentiles out of order)
     */
    public static RunResult read(Path file) throws IOException {
        return sound(file, JsonFormat.read(file, RunResult.class, RunResult.SCHEMA, "run result"));
    }

    /**
     * Reads a result file tolerantly, for a reader that shows what it can (the report): a file the strict read
     * refuses becomes one warning, naming the file and the field, and an empty result; another schema is warned
     * about and read as far as its fields match; fields this version does not know are ignored, and fields an older
     * writer did not write read as null.
     */
    public static Optional<RunResult> read(Path file, Warnings warnings) {
        return JsonFormat.read(file, JsonFormat.SchemaOnly.class, warnings, LEFT_OUT).flatMap(schema -> {
            if (!RunResult.SCHEMA.equals(schema.schema())) {
                warnings.add(file, "schema is " + schema.schema() + ", expected " + RunResult.SCHEMA
                        + "; read as far as fields match");
            }
            return JsonFormat.tolerantly(() -> sound(file, JsonFormat.read(file, RunResult.class)), file, warnings,
                    LEFT_OUT);
        });
    }

    /** {@code result}, unless it holds a value no run produces. */
    private static RunResult sound(Path file, RunResult result) throws ResultFormatException {
        List<String> impossible = RunResultValidator.problems(result);
        if (!impossible.isEmpty()) {
            throw new ResultFormatException(file, FieldCheck.describe(impossible), null);
        }
        return result;
    }
}
