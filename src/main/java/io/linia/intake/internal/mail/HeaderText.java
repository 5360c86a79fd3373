package io.linia.intake.internal.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Header values as Jakarta Mail hands them over when read without {@code mail.mime.allowutf8}:
 * one char per original byte, so raw 8-bit text can be turned back into its bytes and its charset
 * guessed. Decodes RFC 2047 encoded words (also glued to text, split inside a character, or with
 * charset names Java does not know), RFC 2231 parameters, addresses and Message-ID lists.
 */
final class HeaderText {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?]*)\\?=");
    private static final Pattern FOLD = Pattern.compile("\\r?\\n(?=[ \\t])");
    private static final Pattern BRACKETED_ID = Pattern.compile("<([^<>]*)>");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>()\",;:]+@[^@\\s<>()\",;:]+");

    record Mailbox(String address, String name) {
    }

    /** A header such as Content-Type: its value (lower-cased) and its parameters. */
    record Parameterised(String value, Map<String, String> rawParameters) {

        String raw(String name) {
            return rawParameters.get(name);
        }

        /** A parameter decoded from RFC 2231 ({@code name*=}, {@code name*0*=}) or RFC 2047 / raw 8-bit. */
        String decoded(String name) {
            TreeMap<Integer, String> sections = new TreeMap<>();
            TreeMap<Integer, Boolean> encodedSections = new TreeMap<>();
            for (Map.Entry<String, String> e : rawParameters.entrySet()) {
                String key = e.getKey();
                if (!key.startsWith(name + "*")) {
                    continue;
                }
                String rest = key.substring(name.length() + 1);
                boolean encoded = rest.endsWith("*") || rest.isEmpty();
                String number = rest.endsWith("*") ? rest.substring(0, rest.length() - 1) : rest;
                int index = number.isEmpty() ? 0 : parseIndex(number);
                if (index >= 0) {
                    sections.put(index, e.getValue());
                    encodedSections.put(index, encoded);
                }
            }
            if (sections.isEmpty()) {
                String plain = rawParameters.get(name);
                return plain == null ? null : decode(plain);
            }
            String charset = null;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (Map.Entry<Integer, String> section : sections.entrySet()) {
                String text = section.getValue();
                if (encodedSections.get(section.getKey())) {
                    if (section.getKey() == sections.firstKey()) {
                        int first = text.indexOf('\'');
                        int second = first < 0 ? -1 : text.indexOf('\'', first + 1);
                        if (second > 0) {
                            charset = text.substring(0, first);
                            text = text.substring(second + 1);
                        }
                    }
                    percentDecode(text, bytes);
                } else {
                    bytes.writeBytes(latin1Bytes(text));
                }
            }
            return MailCharset.decode(bytes.toByteArray(), charset);
        }

        private static int parseIndex(String number) {
            try {
                return Integer.parseInt(number);
            } catch (NumberFormatException notSection) {
                return -1;
            }
        }
    }

    private HeaderText() {
    }

    static String unfold(String raw) {
        return raw == null ? null : FOLD.matcher(raw).replaceAll("");
    }

    /** Decodes a whole unstructured header value (Subject, display names, file names). */
    static String decode(String raw) {
        if (raw == null) {
            return null;
        }
        String value = unfold(raw);
        StringBuilder out = new StringBuilder(value.length());
        Matcher word = ENCODED_WORD.matcher(value);
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String pendingCharset = null;
        int position = 0;
        while (word.find()) {
            String between = value.substring(position, word.start());
            boolean adjacent = pendingCharset != null && between.isBlank();
            String charset = word.group(1);
            int language = charset.indexOf('*');
            if (language >= 0) {
                charset = charset.substring(0, language);
            }
            byte[] text = latin1Bytes(word.group(3));
            byte[] bytes = word.group(2).equalsIgnoreCase("B")
                    ? TransferEncoding.base64(text)
                    : TransferEncoding.quotedPrintable(text, true);
            if (!adjacent || !charset.equalsIgnoreCase(pendingCharset)) {
                // Words of one charset are joined before decoding: mailers split characters across them.
                flush(pending, pendingCharset, out);
                pendingCharset = null;
                if (!adjacent) {
                    out.append(decodeRaw(between));
                }
            }
            pending.writeBytes(bytes);
            pendingCharset = charset;
            position = word.end();
        }
        flush(pending, pendingCharset, out);
        out.append(decodeRaw(value.substring(position)));
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream pending, String charset, StringBuilder out) {
        if (charset != null) {
            out.append(MailCharset.decode(pending.toByteArray(), charset));
        }
        pending.reset();
    }

    /** Text outside encoded words: ASCII as is; raw 8-bit bytes (read as Latin-1) re-decoded. */
    static String decodeRaw(String text) {
        boolean ascii = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                return text; // already Unicode, nothing to recover
            }
            ascii &= c < 0x80;
        }
        return ascii ? text : MailCharset.guess(latin1Bytes(text));
    }

    static byte[] latin1Bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Subject-like text: decoded, whitespace runs to one space, trimmed; "" when absent. */
    static String normalised(String raw) {
        String decoded = decode(raw);
        return decoded == null ? "" : decoded.replaceAll("[\\s\\u00a0]+", " ").strip();
    }

    /** The first mailbox of an address header (From, Reply-To), tolerant of broken syntax. */
    static Mailbox mailbox(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = firstMailbox(unfold(raw).strip());
        String address = null;
        String name = null;
        int open = lastOutsideQuotes(value, '<');
        int close = open < 0 ? -1 : value.indexOf('>', open);
        if (open >= 0 && close > open) {
            address = value.substring(open + 1, close);
            name = value.substring(0, open);
        } else {
            Matcher bare = ADDRESS.matcher(value);
            if (bare.find()) {
                address = bare.group();
                String rest = (value.substring(0, bare.start()) + value.substring(bare.end())).strip();
                if (rest.startsWith("(") && rest.endsWith(")")) {
                    rest = rest.substring(1, rest.length() - 1);
                }
                name = rest;
            }
        }
        return new Mailbox(address(address), displayName(name));
    }

    private static String address(String candidate) {
        if (candidate == null) {
            return null;
        }
        String address = decodeRaw(candidate).strip();
        int route = address.lastIndexOf(':');
        if (address.startsWith("@") && route > 0) {
            address = address.substring(route + 1); // obsolete source route @a,@b:user@host
        }
        address = address.replaceAll("^\"|\"$", "").strip().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1 || address.chars().anyMatch(Character::isWhitespace)) {
            return null;
        }
        return address;
    }

    private static String displayName(String raw) {
        if (raw == null) {
            return null;
        }
        String name = raw.strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        name = normalised(name);
        return name.isEmpty() ? null : name;
    }

    private static String firstMailbox(String value) {
        int[] depth = new int[2]; // <angle brackets>, (comments)
        int comma = forEachUnquoted(value, (c, i) -> {
            switch (c) {
                case '<' -> depth[0]++;
                case '>' -> depth[0] = Math.max(0, depth[0] - 1);
                case '(' -> depth[1]++;
                case ')' -> depth[1] = Math.max(0, depth[1] - 1);
                default -> {
                    return c == ',' && depth[0] == 0 && depth[1] == 0 && value.substring(0, i).contains("@");
                }
            }
            return false;
        });
        return comma < 0 ? value : value.substring(0, comma);
    }

    private static int lastOutsideQuotes(String value, char wanted) {
        int[] found = {-1};
        forEachUnquoted(value, (c, i) -> {
            if (c == wanted) {
                found[0] = i;
            }
            return false;
        });
        return found[0];
    }

    private interface UnquotedVisitor {
        /** @return true to stop at this character */
        boolean visit(char c, int index);
    }

    /** Visits the characters outside quoted strings and escapes; the index where the visitor stopped, or -1. */
    private static int forEachUnquoted(String value, UnquotedVisitor visitor) {
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && visitor.visit(c, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Message-IDs of Message-ID, In-Reply-To or References, without the angle brackets, in order. */
    static List<String> messageIds(String raw) {
        List<String> ids = new ArrayList<>();
        if (raw == null) {
            return ids;
        }
        String value = unfold(raw);
        Matcher bracketed = BRACKETED_ID.matcher(value);
        while (bracketed.find()) {
            String id = bracketed.group(1).replaceAll("\\s+", "");
            if (!id.isEmpty() && !ids.contains(id)) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            for (String token : value.split("[\\s,]+")) {
                String id = token.replaceAll("^<|>$", "");
                if (id.contains("@") && !ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /** Content-Type / Content-Disposition: the value lower-cased and the raw parameters by lower-cased name. */
    static Parameterised parameterised(String raw) {
        String value = raw == null ? "" : unfold(raw);
        Map<String, String> parameters = new LinkedHashMap<>();
        int semicolon = value.indexOf(';');
        String head = (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        int i = semicolon < 0 ? value.length() : semicolon + 1;
        while (i < value.length()) {
            while (i < value.length() && (Character.isWhitespace(value.charAt(i)) || value.charAt(i) == ';')) {
                i++;
            }
            int nameStart = i;
            while (i < value.length() && value.charAt(i) != '=' && value.charAt(i) != ';') {
                i++;
            }
            String name = value.substring(nameStart, i).strip().toLowerCase(Locale.ROOT);
            if (i >= value.length() || value.charAt(i) == ';') {
                continue;
            }
            i++;
            while (i < value.length() && Character.isWhitespace(value.charAt(i))) {
                i++;
            }
            StringBuilder parameter = new StringBuilder();
            if (i < value.length() && value.charAt(i) == '"') {
                i++;
                while (i < value.length() && value.charAt(i) != '"') {
                    char c = value.charAt(i);
                    if (c == '\\' && i + 1 < value.length()) {
                        c = value.charAt(++i);
                    }
                    parameter.append(c);
                    i++;
                }
                i++;
                while (i < value.length() && value.charAt(i) != ';') {
                    i++; // junk after a closing quote
                }
            } else {
                while (i < value.length() && value.charAt(i) != ';') {
                    parameter.append(value.charAt(i++));
                }
            }
            if (!name.isEmpty()) {
                parameters.putIfAbsent(name, parameter.toString().strip());
            }
        }
        return new Parameterised(head, parameters);
    }

    private static void percentDecode(String text, ByteArrayOutputStream out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && Character.digit(text.charAt(i + 1), 16) >= 0
                    && Character.digit(text.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(text.charAt(i + 1), 16) << 4 | Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else {
                out.write(c <= 0xFF ? c : '?');
            }
        }
    }
}
