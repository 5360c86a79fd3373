package io.linia.tickets.web;

import io.linia.shared.QuotedText;
import io.linia.tickets.TicketView.AttachmentView;
import io.linia.tickets.TicketView.MessageView;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Helpers for showing mail on ticket pages ({@code @mailView} in templates): the new text apart from
 * the quoted history, and the sanitised HTML with its inline images ({@code cid:}) pointing at the
 * ticket's attachments. Remote images stay as {@code data-remote-src} until the agent asks for them.
 */
@Component("mailView")
public class MailRendering {

    private static final Pattern CID = Pattern.compile("cid:([^\"'\\s>]+)", Pattern.CASE_INSENSITIVE);

    public QuotedText.Split split(String body) {
        return QuotedText.split(body == null ? "" : body);
    }

    /** The message's HTML for an {@code iframe srcdoc}, with inline parts served from the ticket. */
    public String html(MessageView m, String number) {
        if (m.html() == null) {
            return null;
        }
        Matcher matcher = CID.matcher(m.html());
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String cid = matcher.group(1).replace("&#64;", "@").replace("&#x40;", "@").replace("&amp;", "&");
            String url = m.attachments().stream().filter(a -> cid.equalsIgnoreCase(a.contentId()))
                    .findFirst().map(a -> url(number, a)).orElse("about:blank");
            matcher.appendReplacement(out, Matcher.quoteReplacement(url));
        }
        matcher.appendTail(out);
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><base target=\"_blank\">"
                + "<style>body{font:14px/1.45 system-ui,sans-serif;margin:8px;color:#212529;word-wrap:break-word}"
                + "img{max-width:100%;height:auto}blockquote{border-left:3px solid #ccc;margin:0 0 0 4px;padding-left:8px;color:#555}"
                + "</style></head><body>" + out + "</body></html>";
    }

    public boolean hasRemoteImages(MessageView m) {
        return m.html() != null && m.html().contains("data-remote-src");
    }

    public String url(String number, AttachmentView a) {
        return "/attachments/" + number + "/" + a.id();
    }

    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }
}
