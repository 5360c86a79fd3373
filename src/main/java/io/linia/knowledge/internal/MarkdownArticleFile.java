package io.linia.knowledge.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One article as a Markdown file with a small YAML-like front matter between {@code ---} lines
 * (one {@code key: value} per line; values in double quotes with {@code \"}, {@code \\} and
 * {@code \n} escapes, or bare), followed by the body.
 */
public final class MarkdownArticleFile {

    public static final String FENCE = "---";

    /** The front matter's values with the line each was on, and the body with the line it starts on. */
    public record Parsed(Map<String, CsvTable.Cell> fields, String body, int bodyLine) {
    }

    private MarkdownArticleFile() {
    }

    /** The file's text: front matter in the given order (null values left out), a blank line, the body. */
    public static String write(Map<String, String> frontMatter, String body) {
        StringBuilder out = new StringBuilder(FENCE).append('\n');
        frontMatter.forEach((key, value) -> {
            if (value != null) {
                out.append(key).append(": ").append(quote(value)).append('\n');
            }
        });
        return out.append(FENCE).append("\n\n").append(body).append('\n').toString();
    }

    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    public static Parsed parse(String text) throws CsvTable.Malformed {
        List<String> lines = text.lines().toList();
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        if (i >= lines.size() || !lines.get(i).strip().equals(FENCE)) {
            throw new CsvTable.Malformed(i + 1 > lines.size() ? 1 : i + 1, "kbTransfer.error.noFrontMatter");
        }
        int opening = i + 1;
        Map<String, CsvTable.Cell> fields = new LinkedHashMap<>();
        i++;
        while (true) {
            if (i >= lines.size()) {
                throw new CsvTable.Malformed(opening, "kbTransfer.error.frontMatterNotClosed");
            }
            String line = lines.get(i);
            if (line.strip().equals(FENCE)) {
                i++;
                break;
            }
            if (!line.isBlank() && !line.stripLeading().startsWith("#")) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new CsvTable.Malformed(i + 1, "kbTransfer.error.frontMatterLine");
                }
                String key = line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
                fields.putIfAbsent(key, new CsvTable.Cell(unquote(line.substring(colon + 1).strip(), i + 1), i + 1));
            }
            i++;
        }
        int bodyLine = i + 1;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
            bodyLine++;
        }
        String body = String.join("\n", lines.subList(Math.min(i, lines.size()), lines.size()));
        return new Parsed(fields, body, bodyLine);
    }

    private static String unquote(String raw, int line) throws CsvTable.Malformed {
        if (raw.startsWith("'")) {
            if (raw.length() < 2 || !raw.endsWith("'")) {
                throw new CsvTable.Malformed(line, "kbTransfer.error.unclosedQuote");
            }
            return raw.substring(1, raw.length() - 1).replace("''", "'");
        }
        if (!raw.startsWith("\"")) {
            return raw;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '"') {
                if (i != raw.length() - 1) {
                    throw new CsvTable.Malformed(line, "kbTransfer.error.textAfterQuote");
                }
                return out.toString();
            }
            if (c == '\\' && i + 1 < raw.length()) {
                char next = raw.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        throw new CsvTable.Malformed(line, "kbTransfer.error.unclosedQuote");
    }
}
