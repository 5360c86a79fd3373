package io.linia.intake.internal;

import io.linia.intake.MailProperties.MailboxSettings;
import io.linia.intake.MailSecurity;
import io.linia.intake.MailboxCommand;
import io.linia.intake.MailboxView;
import io.linia.intake.ProcessedAction;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/** A support mailbox Linia reads. Leases (owner, until) make sure one node at a time reads it. */
@Entity
@Table(name = "mailbox")
public class Mailbox {

    public static final String DEFAULT_QUARANTINE = "Linia-Quarantine";
    public static final String DEFAULT_PROCESSED = "Linia-Processed";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mailbox_seq")
    @SequenceGenerator(name = "mailbox_seq", sequenceName = "mailbox_seq", allocationSize = 50)
    private Long id;
    private String name;
    private String address;
    private String host;
    private int port;
    @Enumerated(EnumType.STRING)
    private MailSecurity security;
    private String username;
    private String password;
    private String folder;
    @Enumerated(EnumType.STRING)
    private ProcessedAction processedAction;
    private String processedFolder;
    private String quarantineFolder;
    private int pollSeconds;
    private boolean useIdle;
    private boolean enabled;
    private boolean fromConfig;
    private Instant lastPollAt;
    private Integer lastPollCount;
    private String lastError;
    private Instant lastErrorAt;
    @Version
    private long version;

    protected Mailbox() {
    }

    static Mailbox fromConfig(MailboxSettings s) {
        Mailbox m = new Mailbox();
        m.name = s.name().strip();
        m.fromConfig = true;
        m.configure(s);
        return m;
    }

    static Mailbox create(MailboxCommand c) {
        Mailbox m = new Mailbox();
        m.apply(c);
        return m;
    }

    /** Settings from application.yml win over what is stored (the admin page shows them read-only). */
    void configure(MailboxSettings s) {
        this.address = s.address().strip().toLowerCase(java.util.Locale.ROOT);
        this.host = s.host().strip();
        this.security = s.security() == null ? MailSecurity.TLS : s.security();
        this.port = s.port() != null ? s.port() : switch (security) {
            case TLS -> 993;
            case PLAIN, STARTTLS -> 143;
        };
        this.username = s.username() == null ? address : s.username().strip();
        this.password = s.password() == null ? "" : s.password();
        this.folder = blank(s.folder()) ? "INBOX" : s.folder().strip();
        this.processedAction = s.processedAction() == null ? ProcessedAction.FLAG : s.processedAction();
        this.processedFolder = blank(s.processedFolder()) ? DEFAULT_PROCESSED : s.processedFolder().strip();
        this.quarantineFolder = blank(s.quarantineFolder()) ? DEFAULT_QUARANTINE : s.quarantineFolder().strip();
        this.pollSeconds = s.pollInterval() == null ? 30 : (int) Math.max(1, s.pollInterval().toSeconds());
        this.useIdle = s.idle() == null || s.idle();
        this.enabled = s.enabled() == null || s.enabled();
    }

    void apply(MailboxCommand c) {
        this.name = c.name().strip();
        this.address = c.address().strip().toLowerCase(java.util.Locale.ROOT);
        this.host = c.host().strip();
        this.port = c.port();
        this.security = c.security();
        this.username = c.username().strip();
        if (c.password() != null && !c.password().isEmpty()) {
            this.password = c.password();
        } else if (this.password == null) {
            this.password = "";
        }
        this.folder = c.folder().strip();
        this.processedAction = c.processedAction();
        this.processedFolder = blank(c.processedFolder()) ? DEFAULT_PROCESSED : c.processedFolder().strip();
        this.quarantineFolder = c.quarantineFolder().strip();
        this.pollSeconds = c.pollSeconds();
        this.useIdle = c.idle();
        this.enabled = c.enabled();
    }

    void polled(int count, Instant at) {
        this.lastPollAt = at;
        this.lastPollCount = count;
        this.lastError = null;
    }

    void failed(String error, Instant at) {
        this.lastPollAt = at;
        this.lastError = error == null ? "?" : error.length() > 2000 ? error.substring(0, 2000) : error;
        this.lastErrorAt = at;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public Long id() { return id; }

    public String name() { return name; }

    public String address() { return address; }

    public String host() { return host; }

    public int port() { return port; }

    public MailSecurity security() { return security; }

    public String username() { return username; }

    public String password() { return password; }

    public String folder() { return folder; }

    public ProcessedAction processedAction() { return processedAction; }

    public String processedFolder() { return processedFolder; }

    public String quarantineFolder() { return quarantineFolder; }

    public Duration pollInterval() { return Duration.ofSeconds(pollSeconds); }

    public boolean idle() { return useIdle; }

    public boolean enabled() { return enabled; }

    public boolean isFromConfig() { return fromConfig; }

    public Instant lastPollAt() { return lastPollAt; }

    public long version() { return version; }

    public MailboxView toView() {
        return new MailboxView(id, name, address, host, port, security, username, password != null && !password.isEmpty(),
                folder, processedAction, processedFolder, quarantineFolder, Duration.ofSeconds(pollSeconds), useIdle,
                enabled, fromConfig, lastPollAt, lastPollCount, lastError, lastErrorAt, version);
    }
}
