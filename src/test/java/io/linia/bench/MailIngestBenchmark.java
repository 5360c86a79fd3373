package io.linia.bench;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.linia.LiniaApplication;
import io.linia.accounts.UserDirectory;
import io.linia.intake.MailChannel;
import io.linia.intake.MailSecurity;
import io.linia.intake.MailboxCommand;
import io.linia.intake.PollResult;
import io.linia.intake.ProcessedAction;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ingest speed of the e-mail channel end to end: a GreenMail IMAP mailbox (in this JVM, on the same
 * two cores) holding N generated mails — Russian text in UTF-8, KOI8-R and windows-1251, HTML
 * alternatives, attachments, replies threaded by In-Reply-To and by the number in the subject,
 * auto-replies — is read by Linia in one pass: fetched, parsed, threaded, stored with attachments,
 * categorised and marked processed on the server. Prints mails per second and what became of them.
 *
 * The IMAP server is Dovecot when bench/run-mail-ingest.sh finds it (it passes --maildir and --imap-port and
 * fills nothing itself: this class writes the mails into the Maildir), else GreenMail in this JVM, whose
 * message-number lookups grow with the mailbox (quadratic over a pass) and dominate at 20,000 mails.
 *
 * Options: --mails N (20000), --pg JDBC-URL (PostgreSQL instead of the embedded H2 file store under
 * --data DIR, default bench/target/mail-bench; the database is emptied first), --batch N (linia.mail.batch-size).
 */
public final class MailIngestBenchmark {

    private static final Charset KOI8R = Charset.forName("KOI8-R");
    private static final Charset CP1251 = Charset.forName("windows-1251");
    private static final String[] SUBJECTS = {"Не приходят письма", "Не могу войти в почту", "Взломали ящик",
            "Письма уходят в спам", "Не работает приложение на телефоне", "Как настроить сборщик почты",
            "Пропали письма из папки Входящие", "Не открываются вложения", "Забыл пароль и ответ на вопрос",
            "Ошибка при отправке письма"};
    private static final String[] SENTENCES = {"Здравствуйте!", "Уже второй день не приходят письма от банка.",
            "Пароль точно правильный, но вход не выполняется.", "Телефон к ящику не привязан, резервной почты нет.",
            "В приложении на Android пишет «ошибка сети».", "Пожалуйста, помогите восстановить доступ, там важная переписка.",
            "Ящик зарегистрирован примерно в 2012 году.", "Письма с вложениями не отправляются, висят в исходящих.",
            "Спасибо!", "С уважением, Иван."};

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>(Map.of("mails", "20000", "data", "bench/target/mail-bench", "batch", "20"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int mails = Integer.parseInt(o.get("mails"));
        System.out.printf(Locale.ROOT, "machine: %d cores, %s, max heap %d MiB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);

        // the IMAP server: Dovecot started by bench/run-mail-ingest.sh (--maildir, --imap-port), else GreenMail in this JVM
        boolean dovecot = o.containsKey("maildir");
        int imapPort;
        GreenMail imap = null;
        GreenMailUser user = null;
        if (dovecot) {
            imapPort = Integer.parseInt(o.get("imap-port"));
        } else {
            try (ServerSocket s = new ServerSocket(0)) {
                imapPort = s.getLocalPort();
            }
            imap = new GreenMail(new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
            imap.start();
            user = imap.setUser("support@linia.bench", "support", "secret");
        }
        long t0 = System.nanoTime();
        Session session = Session.getInstance(new Properties());
        Random random = new Random(42);
        List<String> ids = new ArrayList<>();
        long bytes = 0;
        Path newMail = dovecot ? Path.of(o.get("maildir")).resolve("new") : null;
        for (int i = 0; i < mails; i++) {
            byte[] raw = mail(i, random, ids);
            bytes += raw.length;
            if (dovecot) {
                Path file = newMail.resolve(String.format(Locale.ROOT, "1764000000.M%dP1.bench", i));
                Files.write(file, raw);
                file.toFile().setWritable(true, false);
            } else {
                user.deliver(new MimeMessage(session, new ByteArrayInputStream(raw)));
            }
        }
        System.out.printf(Locale.ROOT, "mailbox: %,d mails, %.1f MiB, on %s, filled in %.1f s%n", mails, bytes / 1048576.0,
                dovecot ? "Dovecot (another process, same 2 cores)" : "GreenMail (this JVM)", (System.nanoTime() - t0) / 1e9);

        List<String> springArgs = new ArrayList<>(List.of("--linia.demo.tickets=false", "--linia.mail.inbound-enabled=false",
                "--linia.mail.batch-size=" + o.get("batch"), "--spring.jmx.enabled=false", "--logging.level.root=WARN",
                "--linia.categorisation.retrain-cron=-", "--linia.knowledge.rebuild-index-on-start=true"));
        if (o.containsKey("pg")) {
            springArgs.add("--spring.datasource.url=" + o.get("pg"));
            springArgs.add("--linia.knowledge.index-dir=" + Path.of(o.get("data")).toAbsolutePath().resolve("index-pg"));
        } else {
            Path data = Path.of(o.get("data")).toAbsolutePath();
            deleteTree(data);
            Files.createDirectories(data);
            springArgs.add("--spring.datasource.url=jdbc:h2:file:" + data.resolve("linia")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            springArgs.add("--linia.knowledge.index-dir=" + data.resolve("index"));
        }
        SpringApplicationBuilder builder = new SpringApplicationBuilder(LiniaApplication.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false);
        ConfigurableApplicationContext context = o.containsKey("pg") ? startOnEmptyPostgres(builder, springArgs) : builder.run(springArgs.toArray(String[]::new));
        try {
            MailChannel channel = context.getBean(MailChannel.class);
            var admin = context.getBean(UserDirectory.class).userByLogin("admin").orElseThrow().toActor();
            long box = channel.create(admin, new MailboxCommand("bench", "support@linia.bench", "127.0.0.1", imapPort,
                    MailSecurity.PLAIN, "support", "secret", "INBOX", ProcessedAction.FLAG, null, "Linia-Quarantine",
                    3600, false, false, null)).id();
            double cpu0 = processCpu();
            long start = System.nanoTime();
            PollResult result = channel.readNow(admin, box);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = processCpu() - cpu0;
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long tickets = jdbc.queryForObject("select count(*) from ticket where channel = 'EMAIL'", Long.class);
            long messages = jdbc.queryForObject("select count(*) from ticket_message m join ticket t on t.id = m.ticket_id"
                    + " where t.channel = 'EMAIL' and m.kind = 'CUSTOMER'", Long.class);
            long attachments = jdbc.queryForObject("select count(*) from ticket_attachment", Long.class);
            System.out.printf(Locale.ROOT, "store: %s%n", o.containsKey("pg") ? "PostgreSQL" : "H2 file (embedded default)");
            System.out.printf(Locale.ROOT, "read: %,d mails in %.1f s = %.0f mails/s end to end (batch %s)%n",
                    result.taken(), seconds, result.taken() / seconds, o.get("batch"));
            System.out.printf(Locale.ROOT, "  new tickets %,d, replies %,d, auto-replies %,d, bounces %,d, quarantined %,d, duplicates %,d, left %,d%n",
                    result.newTickets(), result.replies(), result.autoReplies(), result.bounces(), result.quarantined(),
                    result.duplicates(), result.leftForLater());
            System.out.printf(Locale.ROOT, "  in the database: %,d e-mail tickets, %,d customer messages, %,d attachments%n",
                    tickets, messages, attachments);
            System.out.printf(Locale.ROOT, "  CPU of this process (Linia%s): %.1f s = %.2f ms per mail%n",
                    dovecot ? "" : " + GreenMail", cpu, cpu * 1000 / Math.max(1, result.taken()));
        } finally {
            context.close();
            if (imap != null) {
                imap.stop();
            }
        }
        System.exit(0);
    }

    private static ConfigurableApplicationContext startOnEmptyPostgres(SpringApplicationBuilder builder, List<String> args) {
        String url = args.stream().filter(a -> a.startsWith("--spring.datasource.url=")).findFirst().orElseThrow()
                .substring("--spring.datasource.url=".length());
        org.flywaydb.core.Flyway.configure().dataSource(url, System.getProperty("pg.user", "linia"),
                System.getProperty("pg.password", "linia")).cleanDisabled(false).load().clean();
        List<String> all = new ArrayList<>(args);
        all.add("--spring.datasource.username=" + System.getProperty("pg.user", "linia"));
        all.add("--spring.datasource.password=" + System.getProperty("pg.password", "linia"));
        return builder.run(all.toArray(String[]::new));
    }

    /** One generated mail: mostly new requests, some replies (by In-Reply-To or the subject), HTML, attachments, auto-replies. */
    private static byte[] mail(int i, Random random, List<String> ids) {
        String id = "bench-" + i + "@mail.example.ru";
        String from = "user" + random.nextInt(5000) + "@example.ru";
        String subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
        StringBuilder body = new StringBuilder();
        int sentences = 2 + random.nextInt(6);
        for (int s = 0; s < sentences; s++) {
            body.append(SENTENCES[random.nextInt(SENTENCES.length)]).append(s % 3 == 2 ? "\r\n" : " ");
        }
        String head = "From: =?UTF-8?B?" + b64("Пользователь " + i, StandardCharsets.UTF_8) + "?= <" + from + ">\r\n"
                + "To: support@linia.bench\r\nMessage-ID: <" + id + ">\r\nDate: Wed, 25 Nov 2026 10:00:00 +0300\r\n"
                + "MIME-Version: 1.0\r\n";
        int kind = random.nextInt(100);
        if (kind < 15 && !ids.isEmpty()) {
            head += "In-Reply-To: <" + ids.get(random.nextInt(ids.size())) + ">\r\n";
            subject = "Re: " + subject;
        }
        if (kind >= 95) {
            head += "Auto-Submitted: auto-replied\r\n";
            subject = "Автоответ: " + subject;
        }
        ids.add(id);
        int variant = random.nextInt(100);
        String raw;
        if (variant < 55) {
            raw = head + "Subject: =?UTF-8?B?" + b64(subject, StandardCharsets.UTF_8) + "?=\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                    + latin1(body.toString(), StandardCharsets.UTF_8) + "\r\n";
        } else if (variant < 70) {
            raw = head + "Subject: =?KOI8-R?B?" + b64(subject, KOI8R) + "?=\r\n"
                    + "Content-Type: text/plain; charset=KOI8-R\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                    + latin1(body.toString(), KOI8R) + "\r\n";
        } else if (variant < 80) {
            raw = head + "Subject: =?windows-1251?B?" + b64(subject, CP1251) + "?=\r\n"
                    + "Content-Type: text/plain; charset=windows-1251\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                    + Base64.getMimeEncoder().encodeToString(body.toString().getBytes(CP1251)) + "\r\n";
        } else if (variant < 95) {
            raw = head + "Subject: =?UTF-8?B?" + b64(subject, StandardCharsets.UTF_8) + "?=\r\n"
                    + "Content-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n"
                    + "--alt\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                    + Base64.getMimeEncoder().encodeToString(body.toString().getBytes(StandardCharsets.UTF_8)) + "\r\n"
                    + "--alt\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                    + Base64.getMimeEncoder().encodeToString(("<html><body><div style=\"font-family:Arial\"><p>"
                    + body.toString().replace("\r\n", "</p><p>") + "</p><img src=\"http://tracker.example/p.gif\"></div>"
                    + "</body></html>").getBytes(StandardCharsets.UTF_8)) + "\r\n--alt--\r\n";
        } else {
            byte[] file = new byte[20_000];
            random.nextBytes(file);
            raw = head + "Subject: =?UTF-8?B?" + b64(subject, StandardCharsets.UTF_8) + "?=\r\n"
                    + "Content-Type: multipart/mixed; boundary=\"mix\"\r\n\r\n"
                    + "--mix\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                    + latin1(body.toString(), StandardCharsets.UTF_8) + "\r\n"
                    + "--mix\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
                    + "Content-Disposition: attachment; filename=\"screenshot.png\"\r\n\r\n"
                    + Base64.getMimeEncoder().encodeToString(file) + "\r\n--mix--\r\n";
        }
        return raw.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String b64(String text, Charset charset) {
        return Base64.getEncoder().encodeToString(text.getBytes(charset));
    }

    private static String latin1(String text, Charset charset) {
        return new String(text.getBytes(charset), StandardCharsets.ISO_8859_1);
    }

    private static double processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
