package io.linia.shared;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits the text of a reply into what the writer wrote now and the quoted history below it, so
 * the UI can collapse the history. Top-posted replies are the norm in the mail this desk receives;
 * replies written between quoted lines are left whole, since collapsing would hide answers.
 */
public final class QuotedText {

    /** {@code quoted} is "" when nothing is quoted; {@code visible} is never empty for non-empty text. */
    public record Split(String visible, String quoted) {
    }

    private static final Pattern SEPARATOR = Pattern.compile(
            "(?iu)^\\s*-{2,}\\s*(original message|forwarded message|исходное сообщение|пересылаемое сообщение"
                    + "|начало переадресованного сообщения|переадресованное сообщение)\\s*-{2,}\\s*$");
    private static final Pattern WROTE = Pattern.compile(
            "(?iu).*\\b(wrote|writes|пишет|написал\\(а\\)|написала|написал)\\s*:\\s*$");
    private static final Pattern ADDRESSED = Pattern.compile("(?u).*@[^\\s]+.*:\\s*$");
    private static final Pattern TIME = Pattern.compile("\\b\\d{1,2}:\\d{2}\\b");
    private static final Pattern OUTLOOK_FROM = Pattern.compile("(?iu)^\\s*\\*?(from|от|от кого)\\s*:\\*?\\s+\\S.*");
    private static final Pattern OUTLOOK_SENT = Pattern.compile("(?iu)^\\s*\\*?(sent|date|отправлено|дата)\\s*:\\*?\\s+\\S.*");
    private static final Pattern ATTRIBUTION_START = Pattern.compile("(?iu)^\\s*(on|в|am|le|el)\\s.*");

    private QuotedText() {
    }

    public static Split split(String text) {
        if (text == null || text.isEmpty()) {
            return new Split(text == null ? "" : text, "");
        }
        List<String> lines = text.replace("\r\n", "\n").lines().toList();
        int start = quoteStart(lines);
        if (start < 0) {
            return new Split(text, "");
        }
        String visible = String.join("\n", lines.subList(0, start)).stripTrailing();
        if (visible.isBlank()) {
            return new Split(text, "");
        }
        return new Split(visible, String.join("\n", lines.subList(start, lines.size())).strip());
    }

    private static int quoteStart(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (SEPARATOR.matcher(line).matches() || outlookHeader(lines, i)) {
                return i;
            }
            if (attribution(line, lines, i + 1) && !interleaved(lines, i + 1)) {
                return i;
            }
            // Mailers wrap a long attribution: "On …, Ivan <" / "ivan@b.ru> wrote:".
            if (i + 1 < lines.size() && ATTRIBUTION_START.matcher(line).matches()
                    && attribution(line + " " + lines.get(i + 1).strip(), lines, i + 2) && !interleaved(lines, i + 2)) {
                return i;
            }
            if (isQuoted(line) && onlyQuotedFrom(lines, i)) {
                return i;
            }
        }
        return -1;
    }

    /** "… wrote:" / "… пишет:" followed by quoted lines, or any "…date, time… <address>:" line. */
    private static boolean attribution(String line, List<String> lines, int next) {
        if (isQuoted(line) || line.isBlank()) {
            return false;
        }
        boolean dated = TIME.matcher(line).find() || line.matches("(?s).*\\b\\d{4}\\b.*");
        if (ADDRESSED.matcher(line).matches() && dated) {
            return true;
        }
        if (!WROTE.matcher(line).matches()) {
            return false;
        }
        int following = nextNonBlank(lines, next);
        return following >= 0 && (isQuoted(lines.get(following)) || dated || line.contains("@"));
    }

    private static boolean outlookHeader(List<String> lines, int i) {
        if (!OUTLOOK_FROM.matcher(lines.get(i)).matches()) {
            return false;
        }
        for (int j = i + 1; j < Math.min(lines.size(), i + 4); j++) {
            if (OUTLOOK_SENT.matcher(lines.get(j)).matches()) {
                return i == 0 || lines.get(i - 1).isBlank() || lines.get(i - 1).matches("\\s*[_-]{5,}\\s*");
            }
        }
        return false;
    }

    /** After an attribution: quoted lines followed again by unquoted text mean an inline reply. */
    private static boolean interleaved(List<String> lines, int from) {
        boolean seenQuote = false;
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            if (isQuoted(line)) {
                seenQuote = true;
            } else if (seenQuote && !line.isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static boolean onlyQuotedFrom(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!isQuoted(lines.get(i)) && !lines.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static int nextNonBlank(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isQuoted(String line) {
        return line.stripLeading().startsWith(">");
    }
}
