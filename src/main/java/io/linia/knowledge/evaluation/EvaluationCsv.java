package io.linia.knowledge.evaluation;

import io.linia.knowledge.evaluation.EvaluationOptions.BadArguments;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV files of an evaluation: UTF-8 (a byte-order mark tolerated), a header line, quoted fields
 * that may span lines. Texts come out with the invisible characters of pasted text removed
 * (zero-width spaces and joiners, soft hyphens, byte-order marks) and the non-breaking spaces made
 * plain, so that "the same question" compares equal however it was copied.
 */
final class EvaluationCsv {

    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]");
    private static final Pattern ODD_SPACE = Pattern.compile("[\\u00A0\\u2007\\u202F\\u2000-\\u200A\\u3000]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** A file's rows by column name; {@code line} is where each row starts (1 = the header). */
    record Table(Path file, List<String> columns, List<Row> rows) {

        boolean has(String column) {
            return columns.contains(column);
        }

        void require(String option, String column) throws BadArguments {
            if (!has(column)) {
                throw new BadArguments(option + ": " + file + " has no column '" + column + "' (its columns: "
                        + String.join(", ", columns) + ")");
            }
        }
    }

    record Row(long line, Map<String, String> values) {

        /** The cleaned text of a column; empty when the column is absent or the row is short. */
        String get(String column) {
            return values.getOrDefault(column, "");
        }
    }

    private EvaluationCsv() {
    }

    static Table read(Path file, String option) throws BadArguments {
        String content;
        try {
            content = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadArguments(option + ": " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new BadArguments(option + ": cannot read " + file + ": " + e.getMessage());
        }
        if (content.startsWith("\uFEFF")) {
            content = content.substring(1);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
            List<String> columns = null;
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (columns == null) {
                    columns = new ArrayList<>();
                    for (String name : record) {
                        String k = key(name);
                        if (!k.isEmpty() && columns.contains(k)) {
                            throw new BadArguments(option + ": " + file + " names column '" + k + "' twice");
                        }
                        columns.add(k);
                    }
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < record.size() && i < columns.size(); i++) {
                    values.put(columns.get(i), text(record.get(i)));
                }
                // a record's line is where it ends; count back over the line breaks inside its quoted fields
                long breaks = record.stream().mapToLong(v -> v.chars().filter(c -> c == '\n').count()).sum();
                rows.add(new Row(parser.getCurrentLineNumber() - breaks, values));
            }
            if (columns == null) {
                throw new BadArguments(option + ": " + file + " is empty");
            }
            return new Table(file, List.copyOf(columns), rows);
        } catch (IOException | RuntimeException e) {
            throw new BadArguments(option + ": " + file + " is not valid CSV: " + e.getMessage());
        }
    }

    /** A text as stored: invisible characters dropped, odd spaces made plain, line breaks as \n, ends trimmed. */
    static String text(String raw) {
        if (raw == null) {
            return "";
        }
        String t = INVISIBLE.matcher(raw).replaceAll("");
        t = ODD_SPACE.matcher(t).replaceAll(" ");
        return t.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    /** A text for comparing (titles, column names): as {@link #text} with every run of whitespace one space. */
    static String key(String raw) {
        return WHITESPACE.matcher(text(raw)).replaceAll(" ");
    }
}
