package io.linia.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * Real mail servers in the JVM for the e-mail channel's tests (GreenMail): one IMAP server (plain and TLS) holding
 * the support mailboxes, and one SMTP server receiving what Linia sends, which a test can stop and
 * start again on the same port (an outage). One pair per test JVM, so that every mail test shares
 * one Spring context.
 */
public final class MailServers {

    public static final MailServers INSTANCE = new MailServers();

    private final GreenMail imap;
    private final int smtpPort;
    private volatile GreenMail smtp;

    private MailServers() {
        imap = new GreenMail(new ServerSetup[] {new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAPS)});
        imap.start();
        smtpPort = freePort();
        smtp = startSmtp();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            imap.stop();
            smtp.stop();
        }));
    }

    private GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    public GreenMail imap() {
        return imap;
    }

    public int imapPort() {
        return imap.getImap().getPort();
    }

    /** The same mailboxes over TLS (imaps; GreenMail's own certificate, trusted by the tests' linia.mail.ssl-trust). */
    public int imapsPort() {
        return imap.getImaps().getPort();
    }

    public GreenMail smtp() {
        return smtp;
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** The SMTP server goes down: Linia's sending fails until {@link #startSmtp()}. */
    public synchronized void stopSmtp() {
        smtp.stop();
    }

    public synchronized void restartSmtp() {
        smtp = startSmtp();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
