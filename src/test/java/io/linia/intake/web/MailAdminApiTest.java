package io.linia.intake.web;

import static io.linia.support.ApiClient.body;
import static io.linia.support.ApiFixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linia.accounts.Actor;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.intake.MailChannel;
import io.linia.intake.MailboxView;
import io.linia.intake.QuarantineView;
import io.linia.support.ApiFixtures;
import io.linia.support.ApiResponse;
import io.linia.support.StoreTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The mail administration API: administrators only, problem details on errors, raw mail byte for byte. */
@StoreTest
class MailAdminApiTest {

    private static final String BASE = "/api/v1/admin/mail";

    @LocalServerPort
    int port;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory directory;
    @Autowired
    MailChannel mail;
    @Autowired
    JdbcTemplate jdbc;

    ApiFixtures fx;
    Actor admin;

    @BeforeEach
    void fixtures() {
        fx = new ApiFixtures(port, administration, directory);
        admin = directory.userByLogin("admin").map(UserRef::toActor).orElseThrow();
    }

    /** A disabled mailbox (no scheduled pass reaches for the made-up server). */
    private static Map<String, Object> mailbox(String name, String password, Long version) {
        return body("name", name, "address", name.toLowerCase() + "@example.ru", "host", "imap.example.invalid",
                "port", 993, "security", "TLS", "username", "support", "password", password, "folder", "INBOX",
                "processedAction", "FLAG", "processedFolder", null, "quarantineFolder", "Linia-Quarantine",
                "pollSeconds", 60, "idle", false, "enabled", false, "version", version);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void adminAddsAMailboxThatIsListedWithoutItsPassword() {
        String name = unique("Api");

        ApiResponse created = fx.as("admin").post(BASE + "/mailboxes", mailbox(name, "api-secret", null));

        JsonNode box = expect(created, 201);
        assertThat(created.header("Location")).endsWith(BASE + "/mailboxes/" + box.path("id").asLong());
        assertThat(box.path("hasPassword").asBoolean()).isTrue();
        assertThat(created.text()).doesNotContain("api-secret");
        JsonNode list = expect(fx.as("admin").get(BASE + "/mailboxes"), 200);
        assertThat(list.findValuesAsText("name")).contains(name);
        assertThat(expect(fx.as("admin").get(BASE), 200).path("mailboxes").asLong()).isPositive();
    }

    @Test
    void badInputIsAProblemNamingTheFields() {
        Map<String, Object> bad = mailbox("", "x", null);
        bad.put("port", 0);

        ApiResponse refused = fx.as("admin").post(BASE + "/mailboxes", bad);

        expect(refused, 400);
        assertThat(refused.problemType()).isEqualTo("invalid-input");
        assertThat(refused.json().path("errors").findValuesAsText("field")).contains("name", "port");
        assertThat(fx.as("admin").get(BASE + "/quarantine?state=LOST").status()).isEqualTo(400);
        assertThat(fx.as("admin").get(BASE + "/outbox?limit=0").status()).isEqualTo(400);
    }

    @Test
    void staleChangeIsRefusedWithTheCurrentVersionAndEmptyPasswordKeepsTheStoredOne() {
        String name = unique("Stale");
        JsonNode box = expect(fx.as("admin").post(BASE + "/mailboxes", mailbox(name, "kept-secret", null)), 201);
        long id = box.path("id").asLong();
        long version = box.path("version").asLong();
        Map<String, Object> otherHost = mailbox(name, "", version);
        otherHost.put("host", "imap2.example.invalid");
        JsonNode changed = expect(fx.as("admin").put(BASE + "/mailboxes/" + id, otherHost), 200);
        assertThat(changed.path("hasPassword").asBoolean()).isTrue();
        assertThat(changed.path("version").asLong()).isGreaterThan(version);

        ApiResponse stale = fx.as("admin").put(BASE + "/mailboxes/" + id, mailbox(name, "", version));

        expect(stale, 409);
        assertThat(stale.problemType()).isEqualTo("stale");
        assertThat(stale.json().path("currentVersion").asLong()).isEqualTo(changed.path("version").asLong());
        assertThat(stale.json().path("detail").asText()).contains(name);
    }

    @Test
    void onlyAdministratorsMayUseIt() {
        ApiResponse refused = fx.as("l1").get(BASE + "/mailboxes");

        expect(refused, 403);
        assertThat(fx.as("l1").post(BASE + "/mailboxes", mailbox(unique("Nope"), "x", null)).status()).isEqualTo(403);
        assertThat(fx.anonymous().get(BASE + "/outbox").status()).isEqualTo(401);
    }

    @Test
    void rawSourceOfAQuarantinedMailComesBackByteForByte() {
        MailboxView box = mail.mailbox(admin, expect(fx.as("admin").post(BASE + "/mailboxes",
                mailbox(unique("RawApi"), "x-secret", null)), 201).path("id").asLong());
        byte[] raw = "no headers at all \u00f0\u00d2\u00c9\u00d7\u00c5\u00d4\r\n".getBytes(StandardCharsets.ISO_8859_1);
        QuarantineView q = MailAdminPagesTest.quarantined(jdbc, mail, admin, box, raw);

        ApiResponse download = fx.as("admin").get(BASE + "/quarantine/" + q.id() + "/raw");

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(raw);
        assertThat(download.mediaType()).isEqualTo("message/rfc822");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        JsonNode open = expect(fx.as("admin").get(BASE + "/quarantine?state=OPEN&limit=500"), 200);
        assertThat(open.findValues("id").stream().map(JsonNode::asLong)).contains(q.id());
        assertThat(expect(fx.as("admin").post(BASE + "/quarantine/" + q.id() + "/dismiss", Map.of()), 200)
                .path("state").asText()).isEqualTo("DISMISSED");
        expect(fx.as("admin").post(BASE + "/quarantine/" + q.id() + "/dismiss", Map.of()), 409);
        expect(fx.as("admin").get(BASE + "/quarantine/999999999999/raw"), 404);
    }
}
