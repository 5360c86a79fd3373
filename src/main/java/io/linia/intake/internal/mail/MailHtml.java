package io.linia.intake.internal.mail;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.owasp.html.CssSchema;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.PolicyFactory;

/**
 * HTML of mail for display (OWASP java-html-sanitizer) and as plain text. Formatting survives;
 * scripts, event handlers, forms, frames and dangerous links do not; remote images are kept only
 * as {@code data-remote-src} so nothing loads (and no tracker learns the mail was read) until the
 * agent clicks.
 */
public final class MailHtml {

    private static final Pattern LINK = Pattern.compile("(?i)\\s*(https?|mailto):.*", Pattern.DOTALL);
    private static final Pattern IMAGE_SOURCE = Pattern.compile(
            "(?i)\\s*(cid:|https?:|data:image/(png|jpeg|jpg|gif);base64,).*", Pattern.DOTALL);
    private static final Pattern REMOTE = Pattern.compile("(?i)\\s*https?:.*", Pattern.DOTALL);
    private static final Pattern COLOUR = Pattern.compile("(?i)#[0-9a-f]{3,8}|[a-z]{3,20}|rgb\\(\\s*[0-9.%,\\s]+\\)");
    private static final Pattern LENGTH = Pattern.compile("[0-9]{1,4}%?");
    private static final Pattern HEAD = Pattern.compile("(?is)<head\\b.*?</head\\s*>|<title\\b.*?</title\\s*>");
    private static final List<String> STYLES = List.of(
            "color", "background-color", "font", "font-family", "font-size", "font-style", "font-weight",
            "text-align", "text-decoration", "text-indent", "text-transform", "vertical-align", "line-height",
            "letter-spacing", "white-space", "direction", "margin", "margin-top", "margin-right", "margin-bottom",
            "margin-left", "padding", "padding-top", "padding-right", "padding-bottom", "padding-left", "border",
            "border-top", "border-right", "border-bottom", "border-left", "border-color", "border-style",
            "border-width", "border-collapse", "border-spacing", "width", "height", "max-width", "min-width",
            "list-style-type", "display");
    private static final String[] TABLE = {"table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup", "col"};

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "div", "span", "br", "b", "strong", "i", "em", "u", "s", "strike", "del", "ins",
                    "sub", "sup", "small", "big", "center", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre",
                    "code", "tt", "kbd", "samp", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "font", "abbr", "cite", "q")
            .allowElements(TABLE)
            .allowElements((name, attributes) -> {
                replaceAttribute(attributes, "rel", "nofollow noopener noreferrer");
                replaceAttribute(attributes, "target", "_blank");
                return name;
            }, "a")
            .allowElements((name, attributes) -> {
                int src = attributes.indexOf("src");
                if (src >= 0 && src % 2 == 0 && REMOTE.matcher(attributes.get(src + 1)).matches()) {
                    String url = attributes.get(src + 1).strip();
                    attributes.subList(src, src + 2).clear();
                    attributes.add("data-remote-src");
                    attributes.add(url);
                }
                return name;
            }, "img")
            .allowUrlProtocols("http", "https", "mailto", "cid", "data")
            .allowAttributes("href").matching(LINK).onElements("a")
            .allowAttributes("src").matching(IMAGE_SOURCE).onElements("img")
            .allowAttributes("alt", "width", "height", "border", "align").onElements("img")
            .allowAttributes("title", "dir").globally()
            .allowAttributes("align").onElements("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th", "col")
            .allowAttributes("valign").onElements(TABLE)
            .allowAttributes("width", "height").matching(LENGTH).onElements(TABLE)
            .allowAttributes("colspan", "rowspan").matching(Pattern.compile("[0-9]{1,3}")).onElements("td", "th")
            .allowAttributes("border", "cellpadding", "cellspacing").matching(Pattern.compile("[0-9]{1,3}")).onElements("table")
            .allowAttributes("bgcolor").matching(COLOUR).onElements(TABLE)
            .allowAttributes("color").matching(COLOUR).onElements("font")
            .allowAttributes("size").matching(Pattern.compile("[+-]?[1-7]")).onElements("font")
            .allowAttributes("face").matching(Pattern.compile("[\\w\\s,'\"-]{1,100}")).onElements("font")
            .allowAttributes("start", "type").matching(Pattern.compile("[0-9a-zA-Z]{1,5}")).onElements("ol", "ul")
            .allowStyling(CssSchema.withProperties(STYLES))
            .toFactory();

    private MailHtml() {
    }

    /** Sanitised HTML for display; "" for null. */
    public static String sanitise(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        return POLICY.sanitize(HEAD.matcher(html).replaceAll(""));
    }

    /** The text a reader sees: block elements and {@code <br>} become line breaks, entities decoded, no tags. */
    public static String toText(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        TextRenderer renderer = new TextRenderer();
        HtmlSanitizer.sanitize(html, renderer);
        return renderer.result();
    }

    private static void replaceAttribute(List<String> attributes, String name, String value) {
        for (int i = attributes.size() - 2; i >= 0; i -= 2) {
            if (attributes.get(i).equals(name)) {
                attributes.subList(i, i + 2).clear();
            }
        }
        attributes.add(name);
        attributes.add(value);
    }

    /** Receives the parsed HTML events and writes text. */
    private static final class TextRenderer implements HtmlSanitizer.Policy {

        private static final Set<String> HIDDEN = Set.of("script", "style", "title", "template", "noscript");
        private static final Set<String> PARAGRAPHS = Set.of(
                "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "dl", "table", "pre", "hr");
        private static final Set<String> LINES = Set.of(
                "div", "li", "tr", "dt", "dd", "center", "address", "article", "section", "header", "footer",
                "caption", "form", "fieldset", "figure", "nav", "main", "aside");

        private final StringBuilder out = new StringBuilder();
        private int hidden;
        private int preformatted;
        private boolean cellStarted;

        @Override
        public void openDocument() {
        }

        @Override
        public void closeDocument() {
        }

        @Override
        public void openTag(String name, List<String> attributes) {
            if (HIDDEN.contains(name)) {
                hidden++;
                return;
            }
            switch (name) {
                case "br" -> {
                    trimTrailingSpaces();
                    out.append('\n');
                }
                case "li" -> {
                    lineBreak();
                    out.append("- ");
                }
                case "td", "th" -> {
                    if (cellStarted) {
                        trimTrailingSpaces();
                        out.append('\t');
                    }
                    cellStarted = true;
                }
                case "tr" -> {
                    lineBreak();
                    cellStarted = false;
                }
                case "pre" -> {
                    paragraphBreak();
                    preformatted++;
                }
                default -> block(name);
            }
        }

        @Override
        public void closeTag(String name) {
            if (HIDDEN.contains(name)) {
                hidden = Math.max(0, hidden - 1);
                return;
            }
            if (name.equals("pre")) {
                preformatted = Math.max(0, preformatted - 1);
            }
            block(name);
        }

        @Override
        public void text(String chunk) {
            if (hidden > 0) {
                return;
            }
            if (preformatted > 0) {
                out.append(chunk.replace('\u00a0', ' '));
                return;
            }
            for (int i = 0; i < chunk.length(); i++) {
                char c = chunk.charAt(i);
                if (c == '\u00a0') {
                    out.append(' ');
                } else if (Character.isWhitespace(c)) {
                    if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ' && out.charAt(out.length() - 1) != '\n'
                            && out.charAt(out.length() - 1) != '\t') {
                        out.append(' ');
                    }
                } else {
                    out.append(c);
                }
            }
        }

        private void block(String name) {
            if (PARAGRAPHS.contains(name)) {
                paragraphBreak();
            } else if (LINES.contains(name)) {
                lineBreak();
            }
        }

        private void lineBreak() {
            trimTrailingSpaces();
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }

        private void paragraphBreak() {
            lineBreak();
            if (!out.isEmpty() && (out.length() < 2 || out.charAt(out.length() - 2) != '\n')) {
                out.append('\n');
            }
        }

        private void trimTrailingSpaces() {
            while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
                out.setLength(out.length() - 1);
            }
        }

        String result() {
            return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
        }
    }
}
