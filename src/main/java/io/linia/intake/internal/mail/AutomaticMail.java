package io.linia.intake.internal.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells mail written by machines (auto-replies, bounces) from mail written by people, with the
 * reason shown to the agent. A bounce wins over an auto-reply: it also says which of our mails
 * did not arrive.
 */
final class AutomaticMail {

    /** What the MIME walk found that only reports carry. */
    record ReportEvidence(boolean deliveryReport, boolean readReceipt, List<String> reportedIds,
                          List<String> embeddedIds, List<String> diagnostics) {
    }

    record Verdict(Automation automation, String reason, List<String> bouncedIds, String diagnostic) {

        static final Verdict NONE = new Verdict(Automation.NONE, null, List.of(), null);
    }

    private static final Pattern REPLY_PREFIX = Pattern.compile(
            "(?iu)^\\s*(re|fw|fwd|aw|wg|sv|vs|tr|rv|отв|ответ|пересл|пересылка)\\s*(\\[\\d+]|\\(\\d+\\))?\\s*:\\s*");
    private static final List<String> OUT_OF_OFFICE = List.of(
            "автоответ", "автоматический ответ", "автоматическое уведомление", "отсутствую в офисе", "отсутствую",
            "нет на месте", "я в отпуске", "в отпуске", "вне офиса", "меня нет в офисе",
            "out of office", "out of the office", "out-of-office", "automatic reply", "auto-reply", "autoreply",
            "auto reply", "auto response", "auto-response", "autoresponse", "i am out of", "i'm out of", "on vacation",
            "away from the office", "abwesenheitsnotiz");
    private static final Pattern QUOTED_MESSAGE_ID = Pattern.compile(
            "(?im)^[ \\t>]*Message-ID:[ \\t]*<?([^\\s<>]+@[^\\s<>]+?)>?[ \\t]*$");
    private static final Pattern LOCAL_PART = Pattern.compile("^[^@\\s<>()\"]+");
    private static final Pattern SMTP_DIAGNOSTIC = Pattern.compile("(?m)^.*\\b[45]\\d\\d[ -][45]\\.\\d{1,3}\\.\\d{1,3}\\b.*$");

    private AutomaticMail() {
    }

    /**
     * @param header raw header by name (null when absent)
     * @param fromAddress lower-cased address, or null (then the raw From header is looked at)
     */
    static Verdict classify(Function<String, String> header, String fromAddress, String subject, String text,
                            ReportEvidence evidence) {
        Verdict bounce = bounce(header, fromAddress, text, evidence);
        if (bounce != null) {
            return bounce;
        }
        String reason = autoReplyReason(header, subject, evidence);
        return reason == null ? Verdict.NONE : new Verdict(Automation.AUTO_REPLY, reason, List.of(), null);
    }

    private static Verdict bounce(Function<String, String> header, String fromAddress, String text,
                                  ReportEvidence evidence) {
        if (evidence.deliveryReport()) {
            List<String> ids = new ArrayList<>(evidence.reportedIds());
            if (ids.isEmpty()) {
                ids.addAll(quotedMessageIds(text));
            }
            String diagnostic = evidence.diagnostics().isEmpty() ? null : String.join("\n\n", evidence.diagnostics());
            return new Verdict(Automation.BOUNCE, "DSN (multipart/report; report-type=delivery-status)"
                    + from(fromAddress), ids, diagnostic);
        }
        String local = senderLocalPart(fromAddress != null ? fromAddress : HeaderText.unfold(header.apply("From")));
        if (local.equals("mailer-daemon") || local.equals("postmaster")) {
            List<String> ids = new ArrayList<>(evidence.embeddedIds());
            for (String id : quotedMessageIds(text)) {
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
            Matcher smtp = SMTP_DIAGNOSTIC.matcher(text);
            String diagnostic = smtp.find() ? smtp.group().strip() : null;
            return new Verdict(Automation.BOUNCE, local.equals("postmaster") ? "bounce from postmaster" : "DSN from MAILER-DAEMON",
                    ids, diagnostic);
        }
        return null;
    }

    /** "MAILER-DAEMON" also when the From header has no domain ("MAILER-DAEMON (Mail Delivery System)"). */
    private static String senderLocalPart(String sender) {
        if (sender == null) {
            return "";
        }
        String address = sender.contains("<") ? sender.substring(sender.indexOf('<') + 1) : sender.strip();
        Matcher local = LOCAL_PART.matcher(address);
        return local.find() ? local.group().toLowerCase(Locale.ROOT) : "";
    }

    private static String from(String address) {
        return address == null ? "" : " from " + address;
    }

    private static List<String> quotedMessageIds(String text) {
        List<String> ids = new ArrayList<>();
        Matcher line = QUOTED_MESSAGE_ID.matcher(text);
        while (line.find()) {
            if (!ids.contains(line.group(1))) {
                ids.add(line.group(1));
            }
        }
        return ids;
    }

    private static String autoReplyReason(Function<String, String> header, String subject, ReportEvidence evidence) {
        String autoSubmitted = keyword(header.apply("Auto-Submitted"));
        if (autoSubmitted != null && !autoSubmitted.equals("no")) {
            return "Auto-Submitted: " + autoSubmitted;
        }
        for (String name : List.of("X-Autoreply", "X-Autorespond", "X-Auto-Reply")) {
            String value = header.apply(name);
            if (value != null) {
                String flag = keyword(value);
                if (flag == null || !(flag.equals("no") || flag.equals("false"))) {
                    return name + ": " + (flag == null ? "" : flag);
                }
            }
        }
        // X-Auto-Response-Suppress is deliberately not here: Outlook sends it on ordinary mail.
        String precedence = keyword(header.apply("Precedence"));
        if (precedence != null && List.of("bulk", "junk", "list", "auto_reply").contains(precedence)) {
            return "Precedence: " + precedence;
        }
        if (evidence.readReceipt()) {
            return "read receipt (multipart/report; report-type=disposition-notification)";
        }
        String topic = subject;
        for (Matcher prefix = REPLY_PREFIX.matcher(topic); prefix.find(); prefix = REPLY_PREFIX.matcher(topic)) {
            topic = topic.substring(prefix.end());
        }
        String lower = topic.toLowerCase(Locale.ROOT);
        for (String pattern : OUT_OF_OFFICE) {
            if (lower.startsWith(pattern)) {
                return "subject: " + topic.substring(0, pattern.length());
            }
        }
        return null;
    }

    /** The first word of a header value, lower-cased (comments and parameters dropped), or null. */
    private static String keyword(String raw) {
        if (raw == null) {
            return null;
        }
        String value = HeaderText.unfold(raw).replaceAll("\\(.*?\\)", "").split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return value.isEmpty() ? null : value;
    }
}
