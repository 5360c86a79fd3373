package io.linia.tickets.web;

import io.linia.accounts.Actor;
import io.linia.tickets.AttachmentContent;
import io.linia.tickets.TicketService;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Downloads of attachments, for whoever may see the ticket (staff of its line and group, its
 * customer). Only plain images are shown inline; everything else is a download, never sniffed, and
 * sandboxed should a browser render it anyway.
 */
@Controller
class AttachmentController {

    static final Set<String> INLINE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    private final TicketService tickets;

    AttachmentController(TicketService tickets) {
        this.tickets = tickets;
    }

    @GetMapping({"/attachments/{number}/{id}", "/api/v1/tickets/{number}/attachments/{id}"})
    ResponseEntity<byte[]> download(Actor actor, @PathVariable String number, @PathVariable long id) {
        AttachmentContent file = tickets.attachment(actor, number, id);
        return response(file);
    }

    static ResponseEntity<byte[]> response(AttachmentContent file) {
        String type = file.contentType() == null ? "" : file.contentType().toLowerCase(Locale.ROOT).split(";")[0].strip();
        boolean inline = INLINE_TYPES.contains(type);
        MediaType mediaType = inline ? MediaType.parseMediaType(type) : MediaType.APPLICATION_OCTET_STREAM;
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; img-src 'self'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .body(file.content());
    }
}
