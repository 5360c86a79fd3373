package io.linia.intake.internal;

import io.linia.intake.MailSecurity;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Properties;

/** IMAP connections to a mailbox as its settings say (plain, STARTTLS, TLS), with timeouts. */
final class ImapSessions {

    private ImapSessions() {
    }

    static Store connect(Mailbox box, String sslTrust) throws MessagingException {
        String protocol = box.security() == MailSecurity.TLS ? "imaps" : "imap";
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        p.put("mail.store.protocol", protocol);
        p.put(prefix + "connectiontimeout", "20000");
        p.put(prefix + "timeout", "120000");
        p.put(prefix + "writetimeout", "60000");
        // whole messages in one FETCH, never marked \Seen by reading them
        p.put(prefix + "partialfetch", "false");
        p.put(prefix + "fetchsize", String.valueOf(1 << 20));
        p.put(prefix + "peek", "true");
        if (box.security() == MailSecurity.STARTTLS) {
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
        }
        if (box.security() != MailSecurity.PLAIN) {
            if (sslTrust != null && !sslTrust.isBlank()) {
                // hosts whose certificate is accepted as it is, without CA or host-name check (a server with a
                // self-signed certificate on a private network); everyone else: the JVM's trust store and the name
                p.put(prefix + "ssl.trust", sslTrust);
                p.put(prefix + "ssl.checkserveridentity", "false");
            } else {
                p.put(prefix + "ssl.checkserveridentity", "true");
            }
        }
        Session session = Session.getInstance(p);
        Store store = session.getStore(protocol);
        store.connect(box.host(), box.port(), box.username(), box.password());
        return store;
    }
}
