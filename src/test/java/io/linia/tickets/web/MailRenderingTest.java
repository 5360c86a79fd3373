package io.linia.tickets.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.tickets.MessageKind;
import io.linia.tickets.TicketView.AttachmentView;
import io.linia.tickets.TicketView.MessageView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailRenderingTest {

    private final MailRendering rendering = new MailRendering();

    private static MessageView mail(String html, List<AttachmentView> attachments) {
        return new MessageView(1, MessageKind.CUSTOMER, 2L, "Клиент", "текст", null, null, Instant.EPOCH, null,
                "c@example.ru", false, html, null, null, null, attachments);
    }

    @Test
    void inlineImagesPointAtTheTicketsAttachmentsAsTheSanitiserEscapedThem() {
        AttachmentView logo = new AttachmentView(41, "logo.png", "image/png", "logo@x", true, 100);
        String html = rendering.html(mail("<p>Вот</p><img src=\"cid:logo&#64;x\"><img src=\"cid:missing\">", List.of(logo)),
                "L-000007");

        assertThat(html).contains("<img src=\"/attachments/L-000007/41\">").contains("src=\"about:blank\"")
                .doesNotContain("cid:");
    }

    @Test
    void remoteImagesAreOfferedOnlyWhenTheMailHasThem() {
        assertThat(rendering.hasRemoteImages(mail("<img data-remote-src=\"https://t.example/p.gif\">", List.of()))).isTrue();
        assertThat(rendering.hasRemoteImages(mail("<p>нет картинок</p>", List.of()))).isFalse();
        assertThat(rendering.html(mail(null, List.of()), "L-1")).isNull();
    }

    @Test
    void filesAndInlineImagesAreToldApart() {
        AttachmentView inline = new AttachmentView(1, "a.png", "image/png", "a@x", true, 10);
        AttachmentView file = new AttachmentView(2, "b.pdf", "application/pdf", null, false, 10);
        MessageView m = mail("<img src=\"cid:a@x\">", List.of(inline, file));

        assertThat(m.files()).containsExactly(file);
        assertThat(m.inlineImages()).containsExactly(inline);
        assertThat(rendering.size(1536)).isEqualTo("2 KB");
        assertThat(rendering.size(3 * 1048576)).isEqualTo("3.0 MB");
    }
}
