package io.iobench.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes {@code SCHEMA.md} from the javadoc of this module's main sources: each record's {@code @param} text is
 * the meaning of the field it becomes, found by walking the records as Jackson writes them (snake_case names,
 * unwrapped groups flattened in place). The javadoc is the one place a field is documented; this document is a
 * view of it, and {@link SchemaDocumentTest} fails when the committed file is not that view.
 */
final class SchemaDocument {

    static final Path SOURCES = Path.of("src/main/java/io/iobench/results");

    private static final Pattern JAVADOC = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);
    private static final Pattern DECLARATION = Pattern.compile(
            "\\G\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*(?:public |static |final |private )*"
                    + "(?:record|class|enum) (\\w+)|\\G\\s*public static final \\w+(?:<[^>]*>)? (\\w+) =");
    private static final Pattern PARAM = Pattern.compile("@param\\s+(\\w+)\\s+(.*?)(?=@param|@throws|@return|\\z)",
            Pattern.DOTALL);

    /** Javadoc by the simple name of a type or constant it precedes. */
    private final Map<String, String> docs = new HashMap<>();

    SchemaDocument() throws IOException {
        try (var files = Files.list(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file);
                Matcher doc = JAVADOC.matcher(source);
                while (doc.find()) {
                    if (source.substring(doc.end()).stripLeading().startsWith("package ")) {
                        docs.put("package-info", clean(doc.group(1)));
                        continue;
                    }
                    Matcher declared = DECLARATION.matcher(source).region(doc.end(), source.length());
                    if (declared.lookingAt()) {
                        docs.put(declared.group(1) != null ? declared.group(1) : declared.group(2),
                                clean(doc.group(1)));
                    }
                }
            }
        }
    }

    String render() {
        StringBuilder md = new StringBuilder();
        md.append("# The iobench results format\n\n");
        md.append("Generated from the javadoc of `io.iobench.results` (results-format/src/main/java) by ")
                .append("`SchemaDocumentTest`: edit the javadoc, then regenerate with\n")
                .append("`mvn -pl results-format test -Dgolden.update=true`. Every field is documented once, there.\n\n");
        md.append(paragraphs(docs.get("package-info"))).append("\n\n");

        md.append("## A run's directory\n\n| file | what |\n|---|---|\n");
        for (Field constant : RunFiles.class.getFields()) {
            md.append("| `").append(value(constant)).append("` | ").append(oneLine(docs.get(constant.getName())))
                    .append(" |\n");
        }

        md.append("\n## result.json (schema `").append(RunResult.SCHEMA).append("`)\n\n")
                .append(resolve(RunResult.class, firstParagraph(docs.get("RunResult")))).append("\n\n")
                .append("| field | type | meaning |\n|---|---|---|\n");
        fields(RunResult.class, "", "", md);

        md.append("\n## uncorrected.hgrm, corrected.hgrm\n\n").append(firstParagraph(docs.get("HgrmFile")))
                .append(" ").append(firstParagraph(docs.get("LatencyHistograms"))).append("\n");
        md.append("\n## latency.hlog\n\n")
                .append(resolve(LatencyLogFile.class, firstParagraphWithExamples(docs.get("LatencyLogFile"))))
                .append("\n");

        md.append("\n## iobench probe --out FILE (schema `").append(ProbeResult.SCHEMA).append("`)\n\n")
                .append(resolve(ProbeResult.class, firstParagraph(docs.get("ProbeResult")))).append("\n\n")
                .append("| field | type | meaning |\n|---|---|---|\n");
        fields(ProbeResult.class, "", "", md);

        md.append("\n## A sweep's directory\n\n").append(firstParagraph(docs.get("SweepDirectory"))).append("\n");
        md.append("\n## manifest.json (schema `").append(SweepManifest.SCHEMA).append("`)\n\n")
                .append(resolve(SweepManifest.class, firstParagraph(docs.get("SweepManifest")))).append("\n\n")
                .append("| field | type | meaning |\n|---|---|---|\n");
        fields(SweepManifest.class, "", "", md);

        md.append("\n## summary.csv\n\n").append(paragraphs(docs.get("SummaryCsv"))).append("\n\n")
                .append("| column | the result.json field it shows |\n|---|---|\n| `id` | the run's directory name |\n");
        for (SummaryCsv.Column column : SummaryCsv.COLUMNS) {
            md.append("| `").append(column.name()).append("` | `")
                    .append(column.field().substring(1).replace('/', '.')).append("` |\n");
        }

        md.append("\n## points.json (schema `").append(PointsFile.SCHEMA).append("`), points.csv\n\n")
                .append(resolve(PointsFile.class, paragraphs(docs.get("PointsFile")))).append("\n\n")
                .append("| field | type | meaning |\n|---|---|---|\n");
        fields(PointsFile.class, "", "", md);
        md.append("\n| column of points.csv | the points.json field it shows |\n|---|---|\n");
        for (PointsFile.Column column : PointsFile.COLUMNS) {
            md.append("| `").append(column.name()).append("` | `points[].")
                    .append(column.field().substring(1).replace('/', '.')).append("` |\n");
        }

        md.append("\n## capacity.json (schema `").append(CapacityFile.SCHEMA).append("`)\n\n")
                .append(resolve(CapacityFile.class, firstParagraph(docs.get("CapacityFile")))).append("\n\n")
                .append("| field | type | meaning |\n|---|---|---|\n");
        fields(CapacityFile.class, "", "", md);
        return md.toString();
    }

    /** A row per field of {@code type}, recursing into nested records and flattening unwrapped ones. */
    private void fields(Class<?> type, String path, String namePrefix, StringBuilder md) {
        Map<String, String> params = params(type);
        for (RecordComponent component : type.getRecordComponents()) {
            // Jackson's annotations reach a record's accessor, not its component.
            if (component.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
                continue;
            }
            String name = namePrefix + PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE
                    .translate(component.getName());
            JsonUnwrapped unwrapped = component.getAccessor().getAnnotation(JsonUnwrapped.class);
            if (unwrapped != null) {
                fields(component.getType(), path, namePrefix + unwrapped.prefix(), md);
                continue;
            }
            String doc = params.get(component.getName());
            if (doc == null) {
                throw new IllegalStateException(type.getSimpleName() + "." + component.getName()
                        + " has no @param in its javadoc: every field of a public format is documented");
            }
            md.append("| `").append(path).append(name).append("` | ").append(typeName(component)).append(" | ")
                    .append(oneLine(doc)).append(" |\n");
            Class<?> nested = nestedRecord(component);
            if (nested != null) {
                fields(nested, path + name + (component.getType() == List.class ? "[]." : "."), "", md);
            }
        }
    }

    private Map<String, String> params(Class<?> type) {
        String doc = docs.get(type.getSimpleName());
        if (doc == null) {
            throw new IllegalStateException(type.getSimpleName() + " has no javadoc");
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher param = PARAM.matcher(doc);
        while (param.find()) {
            params.put(param.group(1), resolve(type, param.group(2).trim()));
        }
        return params;
    }

    private static Class<?> nestedRecord(RecordComponent component) {
        Type generic = component.getGenericType();
        Class<?> type = component.getType();
        if (type == List.class && generic instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> item) {
            type = item;
        }
        return type.isRecord() && type.getPackageName().equals(RunResult.class.getPackageName()) ? type : null;
    }

    private static String typeName(RecordComponent component) {
        Class<?> type = component.getType();
        if (type == Map.class) {
            Type[] types = ((ParameterizedType) component.getGenericType()).getActualTypeArguments();
            Type values = types[1] instanceof ParameterizedType list ? list.getActualTypeArguments()[0] : types[1];
            return "object: " + simpleType((Class<?>) types[0]) + " to "
                    + (types[1] instanceof ParameterizedType ? "list of " : "") + simpleType((Class<?>) values);
        }
        if (type == List.class) {
            Type item = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
            String items = simpleType((Class<?>) item);
            return "list of " + (items.contains(" or ") ? "(" + items + ")" : items);
        }
        return simpleType(type);
    }

    private static String simpleType(Class<?> type) {
        if (type == String.class) {
            return "text";
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "integer";
        }
        if (type == double.class || type == Double.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type.isEnum()) {
            List<String> values = Arrays.stream(type.getEnumConstants())
                    .map(c -> "`" + c.toString().toLowerCase(Locale.ROOT) + "`").toList();
            return String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.getLast();
        }
        return type.isRecord() ? "object" : type.getSimpleName();
    }

    /** {@code {@value #NAME}} becomes the constant's value; other inline tags their text. */
    private static String resolve(Class<?> type, String text) {
        Matcher value = Pattern.compile("\\{@value #(\\w+)}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (value.find()) {
            try {
                value.appendReplacement(out, Matcher.quoteReplacement(
                        "`" + type.getField(value.group(1)).get(null) + "`"));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return value.appendTail(out).toString();
    }

    private static String value(Field constant) {
        try {
            return String.valueOf(constant.get(null));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The comment without its stars, inline tags as Markdown. */
    private static String clean(String javadoc) {
        List<String> lines = new ArrayList<>();
        for (String line : javadoc.split("\n")) {
            lines.add(line.replaceFirst("^\\s*\\* ?", "").stripTrailing());
        }
        return String.join("\n", lines).trim()
                .replaceAll("\\{@code ([^}]*)}", "`$1`")
                .replaceAll("\\{@link (?:[\\w.]+\\.)?#?(\\w+)[^}]*}", "`$1`")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&#47;", "/");
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\n\\s*", " ").replace("|", "\\|").trim();
    }

    /** The text before the block tags, paragraphs kept, lists as Markdown lists, examples left out. */
    private static String paragraphs(String doc) {
        String body = doc.split("\n\\s*@")[0];
        body = body.replaceAll("(?s)<pre>.*?</pre>", "").replaceAll("<p>", "\n\n")
                .replaceAll("\\s*<ul>\\s*", "\n\n").replaceAll("\\s*</ul>\\s*", "\n\n")
                .replaceAll("\\s*<li>", "\n- ").replaceAll("</li>", "");
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : body.split("\n\\s*\n")) {
            String joined = paragraph.lines().map(String::trim).filter(l -> !l.isEmpty())
                    .reduce((a, b) -> b.startsWith("- ") ? a + "\n" + b : a + " " + b).orElse("");
            if (!joined.isEmpty()) {
                paragraphs.add(joined);
            }
        }
        return String.join("\n\n", paragraphs);
    }

    /** The first paragraph with its {@code <pre>} examples as fenced code: commands a reader copies. */
    private static String firstParagraphWithExamples(String doc) {
        String first = doc.split("\n\\s*@")[0].split("<p>")[0];
        Matcher example = Pattern.compile("(?s)<pre>\n?(.*?)</pre>").matcher(first);
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (example.find()) {
            out.append(paragraphs(first.substring(from, example.start()))).append("\n\n```\n")
                    .append(example.group(1).strip()).append("\n```\n\n");
            from = example.end();
        }
        return out.append(paragraphs(first.substring(from))).toString().strip();
    }

    private static String firstParagraph(String doc) {
        return paragraphs(doc).split("\n\n")[0];
    }
}
