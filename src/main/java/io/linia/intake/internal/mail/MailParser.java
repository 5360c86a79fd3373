package io.linia.intake.internal.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Raw RFC 5322 bytes to a {@link ParsedMail}. Jakarta Mail splits the MIME structure; headers,
 * charsets and transfer encodings are decoded here, because the library's own decoding is strict
 * in ways Russian mail is not (and its leniency switches are JVM-wide system properties).
 * Thread-safe: holds only configuration.
 */
public final class MailParser {

    /** Longest {@code text} kept; the full text then travels as {@code message.txt}. */
    static final int MAX_TEXT_CHARS = 60_000;
    /** Longest sanitised HTML kept for display; beyond it the agent reads the text. */
    static final int MAX_HTML_CHARS = 1_000_000;
    static final String CUT_MARK = "\n[…]";
    private static final int MAX_DEPTH = 30;
    private static final Pattern HEADER_LINE = Pattern.compile("^[!-9;-~]+[ \\t]*:.*", Pattern.DOTALL);
    private static final List<String> MAIL_HEADERS = List.of(
            "From", "Sender", "To", "Subject", "Date", "Message-ID", "Received", "Return-Path", "MIME-Version");

    private final long maxAttachmentBytes;
    private final Session session;

    public MailParser(long maxAttachmentBytes) {
        this.maxAttachmentBytes = maxAttachmentBytes;
        Properties properties = new Properties();
        // The only Session property that matters here, set to false on purpose: with true, Angus reads
        // header lines as UTF-8 and turns the bytes of KOI8-R or windows-1251 headers into U+FFFD;
        // with false each byte stays one char (Latin-1) and HeaderText recovers and detects them.
        // The leniency switches (mail.mime.decodetext.strict, mail.mime.decodeparameters,
        // mail.mime.base64.ignoreerrors, mail.mime.multipart.ignoremissingendboundary) are JVM-wide
        // System properties that a Session cannot set; HeaderText and TransferEncoding decode
        // instead, and the multipart defaults are already lenient.
        properties.setProperty("mail.mime.allowutf8", "false");
        this.session = Session.getInstance(properties);
    }

    public ParsedMail parse(byte[] raw) throws UnparseableMailException {
        if (raw == null || raw.length == 0) {
            throw new UnparseableMailException("empty message");
        }
        MimeMessage message;
        try {
            message = new MimeMessage(session, new ByteArrayInputStream(withoutMboxLine(raw)));
        } catch (MessagingException e) {
            throw new UnparseableMailException("cannot read the message headers: " + e.getMessage(), e);
        }
        requireHeaders(message);
        Walk walk = new Walk();
        try {
            walk.part(message, 0, false);
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new UnparseableMailException("broken MIME structure: " + e.getMessage(), e);
        }

        String subject = HeaderText.normalised(header(message, "Subject"));
        HeaderText.Mailbox from = HeaderText.mailbox(header(message, "From"));
        HeaderText.Mailbox replyTo = HeaderText.mailbox(header(message, "Reply-To"));
        String messageId = messageId(header(message, "Message-ID"));

        String plain = String.join("\n\n", walk.plain).strip();
        String rawHtml = walk.html.isEmpty() ? null : String.join("\n<hr>\n", walk.html);
        String text = plain.isEmpty() && rawHtml != null ? MailHtml.toText(rawHtml) : plain;
        text = cleanText(text);
        String html = rawHtml == null ? null : MailHtml.sanitise(rawHtml);
        if (html != null && html.length() > MAX_HTML_CHARS) {
            html = null;
        }
        // Classified on the whole text: a bounce may quote the original's Message-ID far down.
        AutomaticMail.Verdict verdict = AutomaticMail.classify(name -> header(message, name),
                from == null ? null : from.address(), subject, text + "\n" + String.join("\n", walk.reportHeaders),
                walk.evidence());
        List<MailAttachment> attachments = new ArrayList<>(walk.attachments);
        if (text.length() > MAX_TEXT_CHARS) {
            attachments.add(new MailAttachment("message.txt", "text/plain; charset=UTF-8", null, false,
                    text.getBytes(StandardCharsets.UTF_8)));
            int cut = Character.isHighSurrogate(text.charAt(MAX_TEXT_CHARS - 1)) ? MAX_TEXT_CHARS - 1 : MAX_TEXT_CHARS;
            text = text.substring(0, cut) + CUT_MARK;
        }
        List<SkippedAttachment> skipped = applySizeLimit(attachments);
        return new ParsedMail(messageId,
                HeaderText.messageIds(header(message, "In-Reply-To")),
                HeaderText.messageIds(header(message, "References")),
                from == null ? null : from.address(),
                from == null ? null : from.name(),
                replyTo == null ? null : replyTo.address(),
                subject,
                sentAt(message),
                text,
                html,
                attachments,
                skipped,
                verdict.automation(),
                verdict.reason(),
                verdict.bouncedIds(),
                verdict.diagnostic());
    }

    /**
     * Keeps attachments in their order while the total exceeds the limit, leaving out the largest
     * first: that keeps as many files as possible and the agent is told which ones are missing.
     */
    private List<SkippedAttachment> applySizeLimit(List<MailAttachment> attachments) {
        long total = attachments.stream().mapToLong(MailAttachment::size).sum();
        List<SkippedAttachment> skipped = new ArrayList<>();
        while (total > maxAttachmentBytes && !attachments.isEmpty()) {
            MailAttachment largest = attachments.stream().max(Comparator.comparingLong(MailAttachment::size)).get();
            attachments.remove(largest);
            total -= largest.size();
            skipped.add(new SkippedAttachment(largest.fileName(), largest.contentType(), largest.size()));
        }
        return skipped;
    }

    private static byte[] withoutMboxLine(byte[] raw) {
        if (raw.length > 5 && raw[0] == 'F' && raw[1] == 'r' && raw[2] == 'o' && raw[3] == 'm' && raw[4] == ' ') {
            for (int i = 5; i < raw.length; i++) {
                if (raw[i] == '\n') {
                    return Arrays.copyOfRange(raw, i + 1, raw.length);
                }
            }
        }
        return raw;
    }

    private static void requireHeaders(MimeMessage message) throws UnparseableMailException {
        try {
            Enumeration<String> lines = message.getAllHeaderLines();
            if (!lines.hasMoreElements()) {
                throw new UnparseableMailException("no header lines: not a mail message");
            }
            String first = lines.nextElement();
            if (!HEADER_LINE.matcher(first).matches()) {
                throw new UnparseableMailException("the first line is not a header field: "
                        + first.substring(0, Math.min(80, first.length())));
            }
            for (String name : MAIL_HEADERS) {
                if (message.getHeader(name) != null) {
                    return;
                }
            }
            throw new UnparseableMailException("none of the headers of a mail (From, Date, Message-ID, Received, …)");
        } catch (MessagingException e) {
            throw new UnparseableMailException("cannot read the message headers: " + e.getMessage(), e);
        }
    }

    /** The first id in brackets, else the trimmed value (some mailers omit the brackets); null when empty. */
    private static String messageId(String raw) {
        List<String> ids = HeaderText.messageIds(raw);
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        String bare = raw == null ? "" : HeaderText.unfold(raw).replaceAll("[<>]", "").strip();
        return bare.isEmpty() ? null : bare;
    }

    private static Instant sentAt(MimeMessage message) {
        try {
            Date date = message.getSentDate();
            return date == null ? null : date.toInstant();
        } catch (MessagingException | RuntimeException unreadable) {
            return null;
        }
    }

    static String header(Part part, String name) {
        try {
            String[] values = part.getHeader(name);
            return values == null || values.length == 0 ? null : values[0];
        } catch (MessagingException unreadable) {
            return null;
        }
    }

    /** Text fit to store: \n line ends, no control characters, no U+FFFD or broken surrogates. */
    static String cleanText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < lines.length(); i++) {
            char c = lines.charAt(i);
            if (c == '\n' || c == '\t') {
                out.append(c);
            } else if (Character.isISOControl(c) || c == '\ufeff') {
                continue;
            } else if (c == '\ufffd') {
                out.append('?');
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < lines.length() && Character.isLowSurrogate(lines.charAt(i + 1))) {
                    out.append(c).append(lines.charAt(++i));
                }
            } else if (!Character.isLowSurrogate(c)) {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    /** One pass over the MIME tree, collecting bodies, attachments and report evidence. */
    private final class Walk {

        final List<String> plain = new ArrayList<>();
        final List<String> html = new ArrayList<>();
        final List<MailAttachment> attachments = new ArrayList<>();
        final List<String> reportHeaders = new ArrayList<>();
        private final List<String> reportedIds = new ArrayList<>();
        private final List<String> embeddedIds = new ArrayList<>();
        private final List<String> diagnostics = new ArrayList<>();
        private boolean deliveryReport;
        private boolean readReceipt;
        private int unnamed;

        AutomaticMail.ReportEvidence evidence() {
            return new AutomaticMail.ReportEvidence(deliveryReport, readReceipt, reportedIds, embeddedIds, diagnostics);
        }

        void part(Part part, int depth, boolean inReport) throws MessagingException, IOException {
            HeaderText.Parameterised type = HeaderText.parameterised(header(part, "Content-Type"));
            String mimeType = type.value().isEmpty() || !type.value().contains("/") ? "text/plain" : type.value();
            HeaderText.Parameterised disposition = HeaderText.parameterised(header(part, "Content-Disposition"));
            String fileName = disposition.decoded("filename");
            if (fileName == null || fileName.isBlank()) {
                fileName = type.decoded("name");
            }
            boolean attachment = disposition.value().equals("attachment") || fileName != null && !fileName.isBlank();
            byte[] content = TransferEncoding.decode(rawContent(part), header(part, "Content-Transfer-Encoding"));

            if (mimeType.startsWith("multipart/") && depth < MAX_DEPTH) {
                multipart(mimeType, type, content, depth, inReport);
            } else if (mimeType.equals("message/rfc822") || mimeType.equals("message/global")) {
                embeddedMessage(content, fileName, inReport);
            } else if (mimeType.equals("message/delivery-status") || mimeType.equals("message/global-delivery-status")) {
                diagnostics.addAll(DeliveryStatus.diagnostics(MailCharset.decode(content, "UTF-8")));
                attachments.add(new MailAttachment(name(fileName, "delivery-status", ".txt"), "text/plain; charset=UTF-8",
                        null, false, content));
            } else if (mimeType.equals("text/rfc822-headers") || mimeType.equals("message/global-headers")) {
                embeddedHeaders(content, inReport);
                attachments.add(new MailAttachment(name(fileName, "original-headers", ".txt"), "text/plain",
                        null, false, content));
            } else if (!attachment && (mimeType.equals("text/plain") || mimeType.equals("text/html"))) {
                String body = MailCharset.decode(content, type.raw("charset"));
                (mimeType.equals("text/plain") ? plain : html).add(body);
            } else {
                file(part, mimeType, type, disposition, fileName, content);
            }
        }

        private void multipart(String mimeType, HeaderText.Parameterised type, byte[] content, int depth, boolean inReport)
                throws MessagingException, IOException {
            boolean report = mimeType.equals("multipart/report");
            String reportType = report ? String.valueOf(type.raw("report-type")).toLowerCase(Locale.ROOT) : "";
            deliveryReport |= reportType.equals("delivery-status");
            readReceipt |= reportType.equals("disposition-notification");
            String boundary = type.raw("boundary");
            String contentType = boundary == null || boundary.isEmpty()
                    ? mimeType : mimeType + "; boundary=\"" + boundary.replace("\"", "") + "\"";
            MimeMultipart multipart = new MimeMultipart(new ByteArrayDataSource(content, contentType));
            int count = multipart.getCount();
            if (!mimeType.equals("multipart/alternative")) {
                for (int i = 0; i < count; i++) {
                    part(multipart.getBodyPart(i), depth + 1, inReport || report);
                }
                return;
            }
            // Alternatives: the first non-empty plain text and the last (richest) HTML.
            String chosenPlain = null;
            String chosenHtml = null;
            for (int i = 0; i < count; i++) {
                int plainBefore = plain.size();
                int htmlBefore = html.size();
                part(multipart.getBodyPart(i), depth + 1, inReport);
                List<String> newPlain = new ArrayList<>(plain.subList(plainBefore, plain.size()));
                List<String> newHtml = new ArrayList<>(html.subList(htmlBefore, html.size()));
                plain.subList(plainBefore, plain.size()).clear();
                html.subList(htmlBefore, html.size()).clear();
                String alternativePlain = String.join("\n\n", newPlain);
                if (chosenPlain == null && !alternativePlain.isBlank()) {
                    chosenPlain = alternativePlain;
                }
                if (!newHtml.isEmpty()) {
                    chosenHtml = String.join("\n", newHtml);
                }
            }
            if (chosenPlain != null) {
                plain.add(chosenPlain);
            }
            if (chosenHtml != null) {
                html.add(chosenHtml);
            }
        }

        private void embeddedMessage(byte[] content, String fileName, boolean inReport) {
            String subject = null;
            try {
                MimeMessage embedded = new MimeMessage(session, new ByteArrayInputStream(content));
                List<String> ids = HeaderText.messageIds(header(embedded, "Message-ID"));
                (inReport ? reportedIds : embeddedIds).addAll(ids);
                subject = HeaderText.normalised(header(embedded, "Subject"));
            } catch (MessagingException unreadable) {
                // still kept as a file below
            }
            String base = fileName != null && !fileName.isBlank() ? fileName
                    : subject != null && !subject.isBlank() ? subject : "message-" + (++unnamed);
            String name = safeFileName(base, "message");
            if (!name.toLowerCase(Locale.ROOT).endsWith(".eml")) {
                name += ".eml";
            }
            attachments.add(new MailAttachment(name, "message/rfc822", null, false, content));
        }

        private void embeddedHeaders(byte[] content, boolean inReport) {
            try {
                InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(content));
                String[] ids = headers.getHeader("Message-ID");
                if (ids != null) {
                    (inReport ? reportedIds : embeddedIds).addAll(HeaderText.messageIds(ids[0]));
                }
            } catch (MessagingException unreadable) {
                reportHeaders.add(new String(content, StandardCharsets.ISO_8859_1));
            }
        }

        private void file(Part part, String mimeType, HeaderText.Parameterised type, HeaderText.Parameterised disposition,
                          String fileName, byte[] content) {
            List<String> contentIds = HeaderText.messageIds(header(part, "Content-ID"));
            String contentId = contentIds.isEmpty() ? contentIdWithoutAt(header(part, "Content-ID")) : contentIds.get(0);
            boolean inline = contentId != null && !disposition.value().equals("attachment");
            String charset = type.raw("charset");
            String contentType = mimeType.startsWith("text/") && charset != null && MailCharset.resolve(charset) != null
                    ? mimeType + "; charset=" + MailCharset.resolve(charset).name() : mimeType;
            String name = name(fileName, inline ? "image" : "attachment", extension(mimeType));
            attachments.add(new MailAttachment(name, contentType, contentId, inline, content));
        }

        private String name(String fileName, String stem, String extension) {
            if (fileName != null && !fileName.isBlank()) {
                return safeFileName(fileName, stem + "-" + (++unnamed) + extension);
            }
            return stem + "-" + (++unnamed) + extension;
        }
    }

    private static String contentIdWithoutAt(String raw) {
        if (raw == null) {
            return null;
        }
        String id = HeaderText.unfold(raw).strip().replaceAll("^<|>$", "").strip();
        return id.isEmpty() ? null : id;
    }

    private static byte[] rawContent(Part part) throws MessagingException, IOException {
        InputStream in;
        if (part instanceof MimeMessage message) {
            in = message.getRawInputStream();
        } else if (part instanceof MimeBodyPart body) {
            in = body.getRawInputStream();
        } else {
            in = part.getInputStream();
        }
        try (in) {
            return in.readAllBytes();
        }
    }

    /** A file name from a stranger: no directories, no control characters, not absurdly long. */
    static String safeFileName(String name, String fallback) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|*?:]", "_")
                .replaceAll("\\s+", " ").strip();
        while (base.startsWith(".")) {
            base = base.substring(1);
        }
        if (base.isBlank()) {
            return fallback;
        }
        if (base.length() > 200) {
            int dot = base.lastIndexOf('.');
            String extension = dot > 0 && base.length() - dot <= 10 ? base.substring(dot) : "";
            base = base.substring(0, 200 - extension.length()) + extension;
        }
        return base;
    }

    private static String extension(String mimeType) {
        return switch (mimeType) {
            case "image/png" -> ".png";
            case "image/jpeg", "image/jpg", "image/pjpeg" -> ".jpg";
            case "image/gif" -> ".gif";
            case "image/webp" -> ".webp";
            case "application/pdf" -> ".pdf";
            case "application/zip" -> ".zip";
            case "text/plain" -> ".txt";
            case "text/html" -> ".html";
            case "text/calendar" -> ".ics";
            case "application/pkcs7-signature", "application/x-pkcs7-signature" -> ".p7s";
            default -> ".bin";
        };
    }
}
