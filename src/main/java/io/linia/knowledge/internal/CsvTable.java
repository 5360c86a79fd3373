package io.linia.knowledge.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading CSV (RFC 4180: quoted fields with doubled quotes and line breaks inside, CRLF, LF or CR
 * between records) while remembering the physical line each record and each field starts on, so
 * that a refusal names the line a person finds in their editor. Writing uses Commons CSV; reading
 * is done here because a parser that only reports where it gave up (the end of the file, for an
 * unclosed quote) cannot say where the mistake is.
 */
public final class CsvTable {

    /** One field and the physical line (1-based) it starts on. */
    public record Cell(String value, int line) {
    }

    /** One record: the line it starts on and its fields. */
    public record Row(int line, List<Cell> cells) {

        public int size() {
            return cells.size();
        }
    }

    /** The text is not CSV at this line; {@code reason} is a message key, {@code args} its arguments. */
    public static final class Malformed extends Exception {

        private final int line;
        private final String reason;
        private final transient Object[] args;

        public Malformed(int line, String reason, Object... args) {
            super(reason + " at line " + line, null, false, false);
            this.line = line;
            this.reason = reason;
            this.args = args;
        }

        public int line() {
            return line;
        }

        public String reason() {
            return reason;
        }

        public Object[] args() {
            return args;
        }
    }

    private CsvTable() {
    }

    /** Strict UTF-8; a byte sequence that is not UTF-8 is refused with its line. A leading BOM is dropped. */
    public static String decode(byte[] data) throws Malformed {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(data);
        CharBuffer out = CharBuffer.allocate(data.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (data[i] == '\n') {
                    line++;
                }
            }
            throw new Malformed(line, "kbTransfer.error.notUtf8");
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** {@code ;}, tab or {@code ,}: whichever occurs most often outside quotes on the first record (the header). */
    public static char detectDelimiter(String text) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    /** All records; empty lines between records are skipped. */
    public static List<Row> parse(String text, char delimiter) throws Malformed {
        List<Row> rows = new ArrayList<>();
        int n = text.length();
        int i = 0;
        int line = 1;
        while (i < n) {
            char first = text.charAt(i);
            if (first == '\n' || first == '\r') {
                i += first == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                line++;
                continue;
            }
            int rowLine = line;
            List<Cell> cells = new ArrayList<>();
            while (true) {
                int fieldLine = line;
                StringBuilder value = new StringBuilder();
                if (i < n && text.charAt(i) == '"') {
                    int quoteLine = line;
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw new Malformed(quoteLine, "kbTransfer.error.unclosedQuote");
                        }
                        char c = text.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && text.charAt(i + 1) == '"') {
                                value.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
                            line++;
                        }
                        value.append(c);
                        i++;
                    }
                    if (i < n && text.charAt(i) != delimiter && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        throw new Malformed(line, "kbTransfer.error.textAfterQuote");
                    }
                } else {
                    while (i < n) {
                        char c = text.charAt(i);
                        if (c == delimiter || c == '\n' || c == '\r') {
                            break;
                        }
                        value.append(c);
                        i++;
                    }
                }
                cells.add(new Cell(value.toString(), fieldLine));
                if (i >= n) {
                    break;
                }
                char c = text.charAt(i);
                if (c == delimiter) {
                    i++;
                    continue;
                }
                i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                line++;
                break;
            }
            rows.add(new Row(rowLine, cells));
        }
        return rows;
    }
}
