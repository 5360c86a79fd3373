package io.linia.knowledge.api;

import static io.linia.support.ApiClient.body;
import static io.linia.support.ApiFixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.knowledge.internal.ArticleRepository;
import io.linia.support.ApiClient;
import io.linia.support.ApiFixtures;
import io.linia.support.ApiResponse;
import io.linia.support.StoreTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The knowledge-base REST API over real HTTP: every endpoint, who may do what, and how bad input is answered. */
@StoreTest
class KnowledgeApiTest {

    @LocalServerPort
    int port;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory directory;
    @Autowired
    ArticleRepository articles;
    @Autowired
    jakarta.persistence.EntityManager entityManager;
    @Autowired
    PlatformTransactionManager transactions;

    ApiFixtures api;
    String word;
    final List<Long> imported = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = new ApiFixtures(port, administration, directory);
        // a made-up word (letters only) that only this test's articles contain
        StringBuilder letters = new StringBuilder("зюквр");
        for (char c : UUID.randomUUID().toString().replace("-", "").toCharArray()) {
            letters.append("абвгдежзиклмнопр".charAt(Character.digit(c, 16)));
        }
        word = letters.toString();
    }

    @AfterEach
    void removeImported() {
        if (imported.isEmpty()) {
            return;
        }
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            entityManager.createQuery("delete from ArticleVersion v where v.articleId in :ids").setParameter("ids", imported).executeUpdate();
            articles.deleteAllById(imported);
        });
        imported.clear();
    }

    private Map<String, Object> article(String title, String audience, String status) {
        return body("title", title, "body", "Текст статьи про " + word + ".\n\nВторой абзац.", "categoryId", null,
                "audience", audience, "language", "ru", "tags", "тест, api", "status", status, "changeNote", null, "version", null);
    }

    private long create(String title, String audience, String status) {
        return expect(api.as("lead").post("/api/v1/kb/articles", article(title, audience, status)), 201).path("id").asLong();
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path("id").asLong()));
        return out;
    }

    @Test
    void editorsWriteStaffReadAllCustomersAndVisitorsOnlyPublicPublished() {
        ApiResponse created = api.as("lead").post("/api/v1/kb/articles", article("Открытая " + word, "PUBLIC", "PUBLISHED"));
        assertThat(created.status()).isEqualTo(201);
        long open = created.json().path("id").asLong();
        assertThat(created.header("Location")).endsWith("/api/v1/kb/articles/" + open);
        assertThat(created.json().path("bodyHtml").asText()).contains("<p>");
        long internal = create("Внутренняя " + word, "INTERNAL", "PUBLISHED");
        long draft = create("Черновик " + word, "PUBLIC", "DRAFT");

        // an agent reads but does not write
        assertThat(api.as("l1").post("/api/v1/kb/articles", article("Агент " + word, "PUBLIC", "PUBLISHED")).status()).isEqualTo(403);
        assertThat(api.as("customer").post("/api/v1/kb/articles", article("Клиент " + word, "PUBLIC", "PUBLISHED")).status()).isEqualTo(403);
        assertThat(expect(api.as("l1").get("/api/v1/kb/articles/" + internal), 200).path("audience").asText()).isEqualTo("INTERNAL");

        // customers and visitors: public published only, the rest is "not found"
        assertThat(api.as("customer").get("/api/v1/kb/articles/" + open).status()).isEqualTo(200);
        assertThat(api.as("customer").get("/api/v1/kb/articles/" + internal).status()).isEqualTo(404);
        assertThat(api.as("customer").get("/api/v1/kb/articles/" + draft).status()).isEqualTo(404);
        assertThat(api.anonymous().get("/api/v1/kb/public/articles/" + open).status()).isEqualTo(200);
        assertThat(api.anonymous().get("/api/v1/kb/public/articles/" + internal).status()).isEqualTo(404);
        assertThat(api.anonymous().get("/api/v1/kb/public/articles/" + draft).status()).isEqualTo(404);
        assertThat(api.anonymous().get("/api/v1/kb/articles/" + open).status()).isEqualTo(401);

        // lists: keyset pages; customers see only public published articles
        List<Long> staffList = listAll(api.as("l1"), Map.of());
        assertThat(staffList).contains(open, internal, draft);
        List<Long> customerList = listAll(api.as("customer"), Map.of());
        assertThat(customerList).contains(open).doesNotContain(internal, draft);
        JsonNode drafts = expect(api.as("l1").get("/api/v1/kb/articles", Map.of("status", "DRAFT", "limit", 500)), 200);
        drafts.path("articles").forEach(a -> assertThat(a.path("status").asText()).isEqualTo("DRAFT"));
    }

    private List<Long> listAll(ApiClient caller, Map<String, Object> filter) {
        List<Long> all = new ArrayList<>();
        Object after = null;
        int pages = 0;
        do {
            Map<String, Object> query = new java.util.LinkedHashMap<>(filter);
            query.put("limit", 2);
            query.put("after", after);
            JsonNode page = expect(caller.get("/api/v1/kb/articles", query), 200);
            assertThat(page.path("articles").size()).isLessThanOrEqualTo(2);
            all.addAll(ids(page.path("articles")));
            after = page.path("nextAfter").isNull() ? null : page.path("nextAfter").asLong();
            assertThat(++pages).isLessThan(5000);
        } while (after != null);
        assertThat(all).doesNotHaveDuplicates().isSorted();
        return all;
    }

    @Test
    void editsKeepVersionsAndAStaleEditIsAConflict() {
        JsonNode v1 = expect(api.as("lead").post("/api/v1/kb/articles", article("Версии " + word, "PUBLIC", "PUBLISHED")), 201);
        long id = v1.path("id").asLong();
        Map<String, Object> edit = article("Версии и правки " + word, "PUBLIC", "PUBLISHED");
        edit.put("body", "Новый текст про " + word + ".\n\nВторой абзац.");
        edit.put("version", v1.path("version").asLong());
        edit.put("changeNote", "уточнили");
        JsonNode v2 = expect(api.as("lead").put("/api/v1/kb/articles/" + id, edit), 200);
        assertThat(v2.path("revision").asInt()).isEqualTo(2);

        ApiResponse stale = api.as("lead").put("/api/v1/kb/articles/" + id, edit);
        assertThat(stale.status()).as("%s", stale).isEqualTo(409);
        assertThat(stale.mediaType()).isEqualTo("application/problem+json");
        assertThat(stale.json().path("currentVersion").asLong()).isEqualTo(v2.path("version").asLong());
        assertThat(stale.json().path("type").asText()).endsWith("stale");

        edit.put("version", null);
        ApiResponse noVersion = api.as("lead").put("/api/v1/kb/articles/" + id, edit);
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(noVersion.json().path("field").asText()).isEqualTo("version");
        edit.put("version", v2.path("version").asLong());
        assertThat(api.as("l1").put("/api/v1/kb/articles/" + id, edit).status()).isEqualTo(403);

        JsonNode versions = expect(api.as("l1").get("/api/v1/kb/articles/" + id + "/versions"), 200);
        assertThat(versions).extracting(v -> v.path("revision").asInt()).containsExactly(2, 1);
        assertThat(versions.get(0).path("changeNote").asText()).isEqualTo("уточнили");
        assertThat(expect(api.as("l1").get("/api/v1/kb/articles/" + id + "/versions/1"), 200).path("title").asText())
                .isEqualTo("Версии " + word);
        JsonNode diff = expect(api.as("l1").get("/api/v1/kb/articles/" + id + "/diff", Map.of("from", 1, "to", 2)), 200);
        assertThat(diff.path("lines")).anySatisfy(l -> {
            assertThat(l.path("kind").asText()).isEqualTo("ADDED");
            assertThat(l.path("text").asText()).startsWith("Новый текст");
        });
        assertThat(api.as("l1").get("/api/v1/kb/articles/" + id + "/versions/9").status()).isEqualTo(404);
        assertThat(api.as("customer").get("/api/v1/kb/articles/" + id + "/versions").status()).isEqualTo(404);
    }

    @Test
    void badInputNamesTheFieldAndUnknownArticlesAreNotFound() {
        ApiResponse blank = api.as("lead").post("/api/v1/kb/articles", article(" ", "PUBLIC", "PUBLISHED"));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().path("field").asText()).isEqualTo("title");

        Map<String, Object> german = article("Sprache " + word, "PUBLIC", "PUBLISHED");
        german.put("language", "de");
        ApiResponse language = api.as("lead").post("/api/v1/kb/articles", german);
        assertThat(language.status()).isEqualTo(400);
        assertThat(language.json().path("field").asText()).isEqualTo("language");

        Map<String, Object> everyone = article("Audience " + word, "EVERYONE", "PUBLISHED");
        assertThat(api.as("lead").post("/api/v1/kb/articles", everyone).json().path("field").asText()).isEqualTo("audience");

        Map<String, Object> badCategory = article("Категория " + word, "PUBLIC", "PUBLISHED");
        badCategory.put("categoryId", 987654321);
        ApiResponse category = api.as("lead").post("/api/v1/kb/articles", badCategory);
        assertThat(category.status()).isEqualTo(400);
        assertThat(category.json().path("field").asText()).isEqualTo("categoryId");

        assertThat(api.as("l1").get("/api/v1/kb/articles/987654321").status()).isEqualTo(404);
        assertThat(api.as("l1").get("/api/v1/kb/articles/987654321").problemType()).isEqualTo("not-found");
        assertThat(api.as("l1").get("/api/v1/kb/articles/abc").json().path("field").asText()).isEqualTo("id");
        assertThat(api.as("l1").get("/api/v1/kb/search", Map.of("q", word, "language", "xx")).json().path("field").asText())
                .isEqualTo("language");
        assertThat(api.as("l1").get("/api/v1/kb/export", Map.of("format", "xml")).json().path("field").asText()).isEqualTo("format");
    }

    @Test
    void searchAndSuggestionsRespectTheAudience() {
        long open = create("Как настроить " + word, "PUBLIC", "PUBLISHED");
        long internal = create("Регламент " + word, "INTERNAL", "PUBLISHED");

        JsonNode staff = expect(api.as("l1").get("/api/v1/kb/search", Map.of("q", word)), 200);
        assertThat(ids(staff)).contains(open, internal);
        assertThat(staff.get(0).path("titleHtml").asText()).contains("<mark>");
        assertThat(ids(expect(api.as("l1").get("/api/v1/kb/search", Map.of("q", word, "audience", "INTERNAL")), 200)))
                .containsExactly(internal);
        assertThat(ids(expect(api.as("customer").get("/api/v1/kb/search", Map.of("q", word)), 200))).contains(open).doesNotContain(internal);
        assertThat(ids(expect(api.anonymous().get("/api/v1/kb/public/search", Map.of("q", word)), 200))).contains(open).doesNotContain(internal);
        assertThat(api.anonymous().get("/api/v1/kb/search", Map.of("q", word)).status()).isEqualTo(401);

        Map<String, Object> text = body("subject", "Вопрос про " + word, "body", "Что делать, если " + word + "?");
        assertThat(ids(expect(api.as("l1").post("/api/v1/kb/suggestions", text), 200))).contains(open, internal);
        assertThat(api.as("customer").post("/api/v1/kb/suggestions", text).status()).isEqualTo(403);
        assertThat(ids(expect(api.anonymous().post("/api/v1/kb/public/suggestions", text), 200))).contains(open).doesNotContain(internal);
        ApiResponse tooLong = api.anonymous().post("/api/v1/kb/public/suggestions", body("subject", "x".repeat(300), "body", "y"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("field").asText()).isEqualTo("subject");
    }

    @Test
    void aTicketGetsSuggestionsOnlyForThoseWhoMaySeeIt() {
        long open = create("Не приходят письма " + word, "PUBLIC", "PUBLISHED");
        long internal = create("Регламент доставки " + word, "INTERNAL", "PUBLISHED");
        String customer = api.newCustomer();
        String number = api.ticketOf(customer, "Не приходят письма " + word).path("number").asText();

        JsonNode forAgent = expect(api.as("l1").get("/api/v1/tickets/" + number + "/suggestions"), 200);
        assertThat(ids(forAgent)).contains(open, internal).hasSizeLessThanOrEqualTo(5);
        assertThat(ids(expect(api.as(customer).get("/api/v1/tickets/" + number + "/suggestions"), 200))).contains(open).doesNotContain(internal);
        assertThat(api.as("olga").get("/api/v1/tickets/" + number + "/suggestions").status()).isEqualTo(404);
        assertThat(api.anonymous().get("/api/v1/tickets/" + number + "/suggestions").status()).isEqualTo(401);
        api.finish(number);
    }

    @Test
    void importIsForEditorsAndARefusalNamesTheLine() {
        String csv = "title,body,audience,tags\nИмпорт первый " + word + ",\"Текст\nв две строки\",public,импорт\n"
                + "Импорт второй " + word + ",Текст,internal,\n";
        ApiResponse ok = api.as("lead").postRaw("/api/v1/kb/import?format=csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(ok.status()).as("%s", ok).isEqualTo(201);
        ok.json().path("articleIds").forEach(n -> imported.add(n.asLong()));
        assertThat(ok.json().path("articles").asInt()).isEqualTo(2);
        assertThat(ok.json().path("missingColumns")).extracting(JsonNode::asText).containsExactly("category", "language", "status");
        assertThat(ids(expect(api.as("l1").get("/api/v1/kb/search", Map.of("q", word, "audience", "INTERNAL")), 200)))
                .containsExactly(imported.get(1));

        assertThat(api.as("l1").postRaw("/api/v1/kb/import", csv.getBytes(StandardCharsets.UTF_8), "text/csv").status()).isEqualTo(403);
        assertThat(api.as("customer").postRaw("/api/v1/kb/import", csv.getBytes(StandardCharsets.UTF_8), "text/csv").status()).isEqualTo(403);

        long before = articles.count();
        String broken = "title,body\nХорошая,текст\nПлохая,\"текст без конца\n";
        ApiResponse refused = api.as("lead").postRaw("/api/v1/kb/import", broken.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.mediaType()).isEqualTo("application/problem+json");
        assertThat(refused.json().path("field").asText()).isEqualTo("file");
        assertThat(refused.json().path("line").asInt()).isEqualTo(3);
        assertThat(refused.json().path("errors").get(0).path("line").asInt()).isEqualTo(3);
        assertThat(refused.json().path("detail").asText()).contains("Line 3");
        assertThat(articles.count()).isEqualTo(before);

        // multipart, with the RuTube preset and a column renamed by a query parameter
        String rutube = "Тема;Вопрос;Ответ из БЗ;Классификатор 1 уровня;Классификатор 2 уровня\n"
                + "Оплата;Как оплатить " + word + "?;Картой.;РАЗДЕЛ " + word + ";Оплата\n";
        String boundary = "----linia" + UUID.randomUUID();
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"kb.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + rutube + "\r\n--" + boundary + "--\r\n";
        ApiResponse parts = api.as("admin").postRaw("/api/v1/kb/import?preset=rutube&title=" + java.net.URLEncoder.encode("Вопрос", StandardCharsets.UTF_8),
                multipart.getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=" + boundary);
        assertThat(parts.status()).as("%s", parts).isEqualTo(201);
        parts.json().path("articleIds").forEach(n -> imported.add(n.asLong()));
        assertThat(parts.json().path("createdCategories")).extracting(JsonNode::asText)
                .containsExactly("РАЗДЕЛ " + word, "РАЗДЕЛ " + word + " / Оплата");
    }

    @Test
    void staffExportTheWholeBase() {
        long id = create("Экспорт " + word, "INTERNAL", "DRAFT");
        ApiResponse csv = api.as("l1").get("/api/v1/kb/export?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.mediaType()).isEqualTo("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment").contains(".csv");
        assertThat(csv.text()).startsWith("title,body,category,audience,tags,language,status\r\n")
                .contains("Экспорт " + word + ",\"Текст статьи про " + word + ".\n\nВторой абзац.\",,internal,\"тест, api\",ru,draft\r\n");

        ApiResponse zip = api.as("l1").get("/api/v1/kb/export?format=zip");
        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.mediaType()).isEqualTo("application/zip");
        assertThat(new String(zip.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        assertThat(new String(zip.body(), StandardCharsets.UTF_8)).contains(id + "-eksport-");

        assertThat(api.as("customer").get("/api/v1/kb/export").status()).isEqualTo(403);
        assertThat(api.anonymous().get("/api/v1/kb/export").status()).isEqualTo(401);
    }

    @Test
    void editorsRebuildTheSearchIndexAndStaffSeeItsStatus() throws InterruptedException {
        JsonNode status = expect(api.as("l1").get("/api/v1/kb/index"), 200);
        assertThat(status.has("running")).isTrue();
        assertThat(api.as("customer").get("/api/v1/kb/index").status()).isEqualTo(403);
        assertThat(api.as("l1").post("/api/v1/kb/index/rebuild", null).status()).isEqualTo(403);

        long open = create("Индекс " + word, "PUBLIC", "PUBLISHED");
        ApiResponse started = api.as("admin").post("/api/v1/kb/index/rebuild", null);
        assertThat(started.status()).isEqualTo(202);
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode now;
        do {
            Thread.sleep(100);
            now = expect(api.as("l1").get("/api/v1/kb/index"), 200);
        } while (now.path("running").asBoolean() && System.currentTimeMillis() < deadline);
        assertThat(now.path("running").asBoolean()).isFalse();
        assertThat(now.path("lastError").isNull()).isTrue();
        assertThat(now.path("finishedAt").isNull()).isFalse();
        assertThat(now.path("indexed").asLong()).isPositive();
        assertThat(ids(expect(api.as("l1").get("/api/v1/kb/search", Map.of("q", word)), 200))).contains(open);
    }
}
