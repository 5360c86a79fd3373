package io.linia.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests of the e-mail channel: Linia's SMTP points at the test SMTP server, the outbox is
 * sent when the test says so ({@code sendDue}), and retries come after 200 ms. Mailboxes read by
 * the background poller are only those a test enables; the others are read with {@code poll}.
 */
public abstract class MailTestSupport {

    @DynamicPropertySource
    static void mailServers(DynamicPropertyRegistry registry) {
        MailServers servers = MailServers.INSTANCE;
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", servers::smtpPort);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "3000");
        registry.add("spring.mail.properties.mail.smtp.timeout", () -> "5000");
        registry.add("linia.mail.outbox.poll-interval", () -> "PT1000H");
        registry.add("linia.mail.outbox.first-retry", () -> "PT0.2S");
        registry.add("linia.mail.outbox.max-retry", () -> "PT1S");
        registry.add("linia.mail.sender-tickets-per-hour", () -> "5");
        registry.add("linia.mail.ssl-trust", () -> "127.0.0.1");
        registry.add("linia.test.pg.schema", () -> "ctx_mail");
    }
}
