package io.linia.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.knowledge.internal.ArticleRepository;
import io.linia.routing.CategoryCommand;
import io.linia.routing.CategoryRef;
import io.linia.routing.RoutingAdministration;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.support.StoreTest;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.transaction.PlatformTransactionManager;

/** Import and export of the whole knowledge base, on both stores: the real RuTube base, refusals that change nothing, round trips. */
@StoreTest
class ArticleTransferTest {

    static final Path SHARED_FIXTURE = Path.of("/work/shared/kb/rutube-support-kb.csv");
    static final List<String> RUTUBE_SECTIONS = List.of("УПРАВЛЕНИЕ АККАУНТОМ", "ВИДЕО", "ПРЕДЛОЖЕНИЯ", "ТРАНСЛЯЦИЯ",
            "МОНЕТИЗАЦИЯ", "МОДЕРАЦИЯ", "ДОСТУП К RUTUBE", "ОТСУТСТВУЕТ", "СОТРУДНИЧЕСТВО ПРОДВИЖЕНИЕ РЕКЛАМА",
            "БЛАГОТВОРИТЕЛЬНОСТЬ ДОНАТЫ", "ПОИСК");

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;
    @Autowired
    ArticleTransfer transfer;
    @Autowired
    KnowledgeBase kb;
    @Autowired
    ArticleRepository articles;
    @Autowired
    RoutingDirectory routing;
    @Autowired
    RoutingAdministration routingAdministration;
    @Autowired
    UserDirectory users;
    @Autowired
    EntityManager entityManager;
    @Autowired
    PlatformTransactionManager transactions;

    Actor lead;
    Actor l1;
    ImportedArticles imported;

    @BeforeEach
    void setUp() {
        lead = users.userByLogin("lead").map(UserRef::toActor).orElseThrow();
        l1 = users.userByLogin("l1").map(UserRef::toActor).orElseThrow();
        imported = new ImportedArticles(articles, entityManager, transactions);
        LocaleContextHolder.setLocale(java.util.Locale.forLanguageTag("ru"));
    }

    @AfterEach
    void removeImported() {
        imported.removeAll();
        LocaleContextHolder.resetLocaleContext();
    }

    static byte[] rutubeFixture() throws IOException {
        try (InputStream in = ArticleTransferTest.class.getResourceAsStream("/kb/rutube-support-kb.csv")) {
            assertThat(in).as("src/test/resources/kb/rutube-support-kb.csv").isNotNull();
            byte[] copy = in.readAllBytes();
            if (Files.exists(SHARED_FIXTURE)) {
                byte[] shared = Files.readAllBytes(SHARED_FIXTURE);
                assertThat(copy).as("the test copy of %s", SHARED_FIXTURE).isEqualTo(shared);
                return shared;
            }
            return copy;
        }
    }

    private ArticleTransfer.Summary importCsv(String csv, ArticleTransfer.Columns columns) {
        ArticleTransfer.Summary summary = transfer.importCsv(lead, csv.getBytes(StandardCharsets.UTF_8), columns);
        imported.add(summary.articleIds());
        return summary;
    }

    // ------------------------------------------------------------------ the real base

    @Test
    void theRuTubeKnowledgeBaseImportsWithItsTwoCategoryLevels() throws IOException {
        long articlesBefore = articles.count();
        long missingBefore = RUTUBE_SECTIONS.stream().filter(s -> top(s) == null).count();

        ArticleTransfer.Summary summary = transfer.importCsv(lead, rutubeFixture(), ArticleTransfer.Columns.rutube());
        imported.add(summary.articleIds());

        assertThat(summary.articles()).isEqualTo(326);
        assertThat(articles.count()).isEqualTo(articlesBefore + 326);
        assertThat(summary.missingColumns()).isEmpty();
        for (String section : RUTUBE_SECTIONS) {
            assertThat(top(section)).as(section).isNotNull();
        }
        List<Long> sectionIds = RUTUBE_SECTIONS.stream().map(s -> top(s).id()).toList();
        List<CategoryRef> subsections = routing.categories().stream().filter(c -> sectionIds.contains(c.parentId())).toList();
        assertThat(subsections).hasSize(39);
        // the classifier's "Приложение\u00A0" (with a non-breaking space) became a clean name
        assertThat(subsections).extracting(CategoryRef::nameRu).contains("Приложение", "Подключение/отключение донатов")
                .noneMatch(n -> n.contains("\u00A0"));
        if (missingBefore == RUTUBE_SECTIONS.size()) {
            assertThat(summary.categories()).isEqualTo(11 + 39);
        }
        assertThat(summary.createdCategories()).allMatch(p -> RUTUBE_SECTIONS.contains(p.split(" / ")[0]));

        ArticleView first = kb.get(l1, summary.articleIds().get(0));
        assertThat(first.title()).isEqualTo("Что нельзя публиковать на RUTUBE?");
        assertThat(first.body()).startsWith("Чужой контент без разрешения автора").contains("\n");
        assertThat(first.tags()).containsExactly("что нельзя публиковать на rutube");
        assertThat(first.audience()).isEqualTo(Audience.PUBLIC);
        assertThat(first.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(first.language()).isEqualTo("ru");
        CategoryRef sub = routing.category(first.categoryId()).orElseThrow();
        assertThat(sub.nameRu()).isEqualTo("Отклонение/блокировка видео");
        assertThat(routing.category(sub.parentId()).orElseThrow().nameRu()).isEqualTo("МОДЕРАЦИЯ");

        // Russian search over the imported base finds the article by the words of its question
        List<ArticleHit> hits = kb.search(l1, new ArticleSearch("нельзя публиковать", null, null, null, null, 5));
        assertThat(hits).extracting(ArticleHit::id).contains(first.id());
        assertThat(kb.search(null, ArticleSearch.of("монетизацию канала"))).extracting(ArticleHit::id)
                .anyMatch(summary.articleIds()::contains);
    }

    private CategoryRef top(String name) {
        return routing.categories().stream().filter(c -> c.parentId() == null && c.nameRu().equals(name)).findFirst().orElse(null);
    }

    // ------------------------------------------------------------------ refusals

    private DomainException refused(String csv, ArticleTransfer.Columns columns) {
        long articlesBefore = articles.count();
        long versionsBefore = versionCount();
        int categoriesBefore = routing.categories().size();
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> transfer.importCsv(lead, csv.getBytes(StandardCharsets.UTF_8), columns));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID_INPUT);
        assertThat(e.field()).isEqualTo("file");
        assertThat(articles.count()).as("articles").isEqualTo(articlesBefore);
        assertThat(versionCount()).as("versions").isEqualTo(versionsBefore);
        assertThat(routing.categories()).as("categories").hasSize(categoriesBefore);
        return e;
    }

    private long versionCount() {
        return entityManager.createQuery("select count(v) from ArticleVersion v", Long.class).getSingleResult();
    }

    private static String message(DomainException e) {
        return ArticleTransfer.problemsOf(e).get(0).message();
    }

    @Test
    void anUnclosedQuoteIsRefusedAtTheLineWhereItOpens() {
        String section = "Раздел " + UUID.randomUUID();
        String csv = "title,body,category,audience,tags\n"
                + "Первая статья,\"Текст\nв две строки\"," + section + " / Подраздел,public,a\n"
                + "Вторая статья,Текст," + section + ",internal,b\n"
                + "\"Третья статья,Текст," + section + ",public,c\n"
                + "Четвёртая статья,Текст," + section + ",public,d\n";
        DomainException e = refused(csv, ArticleTransfer.Columns.defaults());
        assertThat(e.properties()).containsEntry("line", 5);
        assertThat(message(e)).startsWith("Строка 5").contains("кавычка");
        assertThat(routing.categories()).extracting(CategoryRef::nameRu).doesNotContain(section);
    }

    @Test
    void aMissingTitleIsRefusedAtItsPhysicalLineAfterMultiLineBodies() {
        String csv = "title,body,category,audience,tags\r\n"
                + "Статья,\"Первая строка\r\nвторая строка\r\nтретья строка\",,public,\r\n"
                + ",Текст без заголовка,,public,\r\n";
        DomainException e = refused(csv, ArticleTransfer.Columns.defaults());
        assertThat(e.properties()).containsEntry("line", 5);
        assertThat(message(e)).isEqualTo("Строка 5: нет заголовка (столбец «title»)");
    }

    @Test
    void aTooLongTitleIsRefusedNamingItsColumn() {
        String csv = "title;body\nНормальная статья;текст\n" + "Д".repeat(256) + ";текст\n";
        DomainException e = refused(csv, ArticleTransfer.Columns.defaults());
        assertThat(e.properties()).containsEntry("line", 3);
        assertThat(message(e)).startsWith("Строка 3: столбец «title»");
    }

    @Test
    void anUnknownAudienceIsRefused() {
        String csv = "title,body,audience\nСтатья,текст,public\nСтатья два,текст,everyone\n";
        DomainException e = refused(csv, ArticleTransfer.Columns.defaults());
        assertThat(e.properties()).containsEntry("line", 3);
        assertThat(message(e)).contains("everyone").contains("public или internal");
    }

    @Test
    void aWrongHeaderIsRefusedAtLineOne() {
        DomainException e = refused("name,text,section\nСтатья,текст,раздел\n", ArticleTransfer.Columns.defaults());
        assertThat(e.properties()).containsEntry("line", 1);
        assertThat(message(e)).contains("«title»").contains("name, text, section");
    }

    @Test
    void everyBadLineIsListedAndAShiftedRecordIsCaught() {
        String csv = "title,body,audience\nА,текст,public\n,текст,public\nБ,текст,public,лишнее\nВ,,public\n";
        DomainException e = refused(csv, ArticleTransfer.Columns.defaults());
        assertThat(ArticleTransfer.problemsOf(e)).extracting(ArticleTransfer.Problem::line).containsExactly(3, 4, 5);
    }

    @Test
    void aFileOverTheSizeLimitAndAFileThatIsNotUtf8AreRefused() {
        byte[] large = new byte[(int) transfer.maxFileBytes() + 1];
        Arrays.fill(large, (byte) 'a');
        DomainException tooLarge = catchThrowableOfType(DomainException.class, () -> transfer.importCsv(lead, large, ArticleTransfer.Columns.defaults()));
        assertThat(tooLarge.field()).isEqualTo("file");

        byte[] cp1251 = "title,body\nСтатья,текст\n".getBytes(java.nio.charset.Charset.forName("windows-1251"));
        DomainException notUtf8 = catchThrowableOfType(DomainException.class, () -> transfer.importCsv(lead, cp1251, ArticleTransfer.Columns.defaults()));
        assertThat(notUtf8.properties()).containsEntry("line", 2);
    }

    @Test
    void onlyEditorsImport() {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> transfer.importCsv(l1, "title,body\nА,б\n".getBytes(StandardCharsets.UTF_8), ArticleTransfer.Columns.defaults()));
        assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
    }

    // ------------------------------------------------------------------ what people's files look like

    @Test
    void semicolonsBomCrlfAndInvisibleSpacesAreHandled() {
        String section = "Раздел " + UUID.randomUUID().toString().substring(0, 8);
        String csv = "\uFEFFЗаголовок;Текст;Раздел;Подраздел;Метки\r\n"
                + "Как\u00A0сменить \u200Bпароль ;\"Откройте «Настройки»; затем \"\"Пароль\"\".\r\n\r\nГотово.\";"
                + section + ";Пароли\u00A0;пароль,\u00A0безопасность\u200B\r\n";
        ArticleTransfer.Summary s = importCsv(csv, new ArticleTransfer.Columns("Заголовок", "Текст", "Раздел", "Подраздел",
                null, "Метки", null, null));
        assertThat(s.articles()).isEqualTo(1);
        assertThat(s.createdCategories()).containsExactly(section, section + " / Пароли");
        assertThat(s.missingColumns()).isEmpty();
        ArticleView a = kb.get(l1, s.articleIds().get(0));
        assertThat(a.title()).isEqualTo("Как сменить пароль");
        assertThat(a.body()).isEqualTo("Откройте «Настройки»; затем \"Пароль\".\n\nГотово.");
        assertThat(a.tags()).containsExactly("пароль", "безопасность");
        CategoryRef sub = routing.category(a.categoryId()).orElseThrow();
        assertThat(sub.nameRu()).isEqualTo("Пароли");
        assertThat(sub.code()).matches("[a-z0-9][a-z0-9-]*").contains("paroli");
        assertThat(routing.category(sub.parentId()).orElseThrow().nameRu()).isEqualTo(section);

        // a second import reuses the categories it finds by name
        ArticleTransfer.Summary again = importCsv("title,body,category\nЕщё статья,текст," + section + " / пароли\n",
                ArticleTransfer.Columns.defaults());
        assertThat(again.categories()).isZero();
        assertThat(kb.get(l1, again.articleIds().get(0)).categoryId()).isEqualTo(sub.id());
        assertThat(again.missingColumns()).containsExactly("audience", "tags", "language", "status");
    }

    // ------------------------------------------------------------------ round trips

    /** Articles that make a round trip hard: quotes, separators and line breaks in the body, two levels, a "/" in a name. */
    private List<Long> trickyArticles() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        CategoryRef top = routingAdministration.createCategory(new CategoryCommand("rt-" + marker, "Круговой " + marker,
                "Round trip " + marker, null, true));
        CategoryRef child = routingAdministration.createCategory(new CategoryCommand("rt-" + marker + "-sub",
                "Подключение/отключение " + marker, "On/off " + marker, null, true, top.id()));
        List<Long> ids = new ArrayList<>();
        ids.add(kb.create(lead, new ArticleCommand("Кавычки \"и\" запятые, " + marker,
                "# Заголовок\n\nСтрока с \"кавычками\", запятыми; и точкой с запятой.\n\n- пункт\n- пункт два\n\n```\ncode\n```",
                child.id(), Audience.PUBLIC, "ru", "кавычки, csv", ArticleStatus.PUBLISHED, null, null)).id());
        ids.add(kb.create(lead, new ArticleCommand("Internal rule " + marker, "Agents only.\n---\nNot a fence: body text.",
                top.id(), Audience.INTERNAL, "en", "rules", ArticleStatus.DRAFT, null, null)).id());
        ids.add(kb.create(lead, new ArticleCommand("Без категории " + marker, "Текст\\с обратной чертой: C:\\Windows",
                null, Audience.PUBLIC, "ru", "", ArticleStatus.ARCHIVED, null, null)).id());
        return ids;
    }

    record Snapshot(String title, String body, String category, Audience audience, List<String> tags, String language,
                    ArticleStatus status) {
    }

    private Snapshot snapshot(ArticleView a) {
        Map<Long, CategoryRef> all = routing.categories().stream().collect(Collectors.toMap(CategoryRef::id, Function.identity()));
        CategoryRef c = a.categoryId() == null ? null : all.get(a.categoryId());
        String path = c == null ? null : c.parentId() == null ? c.nameRu() : all.get(c.parentId()).nameRu() + " / " + c.nameRu();
        return new Snapshot(a.title(), a.body(), path, a.audience(), a.tags(), a.language(), a.status());
    }

    private List<ArticleView> wholeBase() {
        List<ArticleView> all = new ArrayList<>();
        Long after = null;
        do {
            ArticlePage page = kb.list(l1, null, null, null, after, 500);
            all.addAll(page.articles());
            after = page.nextAfter();
        } while (after != null);
        return all;
    }

    @Test
    void csvExportImportsBackAsTheSameArticles() {
        List<Long> tricky = trickyArticles();
        List<ArticleView> before = wholeBase();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transfer.exportCsv(l1, out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("title,body,category,audience,tags,language,status\r\n");
        assertThat(out.toByteArray()[0]).as("no BOM").isEqualTo((byte) 't');

        ArticleTransfer.Summary s = transfer.importCsv(lead, out.toByteArray(), ArticleTransfer.Columns.defaults());
        imported.add(s.articleIds());

        assertThat(s.articles()).isEqualTo(before.size());
        assertThat(s.categories()).isZero();
        List<Snapshot> original = before.stream().map(this::snapshot).toList();
        List<Snapshot> copies = s.articleIds().stream().map(id -> snapshot(kb.get(l1, id))).toList();
        assertThat(copies).containsExactlyElementsOf(original);
        assertThat(original).extracting(Snapshot::title).anyMatch(t -> t.startsWith("Кавычки \"и\""));
        assertThat(tricky).allMatch(id -> before.stream().anyMatch(a -> a.id() == id));
    }

    @Test
    void zipExportImportsBackAsTheSameArticles() throws IOException {
        trickyArticles();
        List<ArticleView> before = wholeBase();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transfer.exportZip(l1, out);

        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(out.toByteArray()), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        assertThat(names).hasSize(before.size()).allMatch(n -> n.endsWith(".md"));
        ArticleView quoted = before.stream().filter(a -> a.title().startsWith("Кавычки \"и\"")).reduce((a, b) -> b).orElseThrow();
        assertThat(names).anyMatch(n -> n.matches("Круговой [0-9a-f]{8}/Подключение-отключение [0-9a-f]{8}/" + quoted.id() + "-kavychki-i-zapyatye-[0-9a-f-]+\\.md"));

        ArticleTransfer.Summary s = transfer.importZip(lead, out.toByteArray());
        imported.add(s.articleIds());

        assertThat(s.articles()).isEqualTo(before.size());
        List<Snapshot> original = before.stream().map(this::snapshot).toList();
        List<Snapshot> copies = s.articleIds().stream().map(id -> snapshot(kb.get(l1, id))).toList();
        assertThat(copies).containsExactlyElementsOf(original);
    }

    @Test
    void aBrokenMarkdownFileInAZipIsRefusedWithItsNameAndLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("Раздел/1-ok.md"));
            zip.write("---\ntitle: \"Хорошая\"\n---\n\nТекст\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("Раздел/2-bad.md"));
            zip.write("---\ntitle: \"Плохая\"\naudience: everyone\n---\n\nТекст\n".getBytes(StandardCharsets.UTF_8));
        }
        long before = articles.count();
        DomainException e = catchThrowableOfType(DomainException.class, () -> transfer.importZip(lead, bytes.toByteArray()));
        assertThat(e.properties()).containsEntry("line", 3).containsEntry("entry", "Раздел/2-bad.md");
        assertThat(articles.count()).isEqualTo(before);

        DomainException notZip = catchThrowableOfType(DomainException.class,
                () -> transfer.importZip(lead, "title,body\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(Objects.requireNonNull(notZip).field()).isEqualTo("file");
    }

    // ------------------------------------------------------------------ the page

    /** A signed-in browser: cookies, the CSRF token of the last form, multipart posts. */
    private final class Browser {
        final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        String csrf;

        Browser(String login) throws Exception {
            get("/login");
            String form = "username=" + login + "&password=linia2026&_csrf=" + csrf;
            var r = http.send(java.net.http.HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(302);
        }

        java.net.URI uri(String path) {
            return java.net.URI.create("http://localhost:" + port + path);
        }

        java.net.http.HttpResponse<String> get(String path) throws Exception {
            var r = http.send(java.net.http.HttpRequest.newBuilder(uri(path)).header("Accept-Language", "ru").GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return r;
        }

        java.net.http.HttpResponse<String> upload(String path, Map<String, String> fields, byte[] file) throws Exception {
            String boundary = "----linia" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            Map<String, String> all = new java.util.LinkedHashMap<>(fields);
            all.put("_csrf", csrf);
            for (var e : all.entrySet()) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                        + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"kb.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return http.send(java.net.http.HttpRequest.newBuilder(uri(path)).header("Accept-Language", "ru")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void theImportPageImportsAFileAndShowsRefusalsNextToIt() throws Exception {
        Browser lead = new Browser("lead");
        var form = lead.get("/agent/kb/import?preset=rutube");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("value=\"Вопрос из БЗ\"").contains("value=\"Классификатор 2 уровня\"")
                .contains("/agent/kb/export.csv").contains("/agent/kb/export.zip");
        assertThat(lead.get("/agent/kb/import").body()).containsPattern("id=\"col-title\" name=\"title\"\\s+value=\"title\"");

        Map<String, String> columns = new java.util.LinkedHashMap<>();
        columns.put("format", "csv");
        for (String f : List.of("title", "body", "category", "subcategory", "audience", "tags", "language", "status")) {
            columns.put(f, f.equals("subcategory") ? "" : f);
        }
        long before = articles.count();
        var refused = lead.upload("/agent/kb/import", columns,
                "title,body\nХорошая,текст\n,текст без заголовка\n".getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("is-invalid").contains("Строка 3: нет заголовка (столбец «title»)");
        assertThat(articles.count()).isEqualTo(before);

        String title = "Статья со страницы " + UUID.randomUUID();
        var done = lead.upload("/agent/kb/import", columns, ("title,body\n" + title + ",текст\n").getBytes(StandardCharsets.UTF_8));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("id=\"import-result\"").contains("создано статей — 1, категорий — 0");
        List<Long> created = kb.list(l1, null, null, null, null, 500).articles().stream().filter(a -> a.title().equals(title))
                .map(ArticleView::id).toList();
        assertThat(created).hasSize(1);
        imported.add(created);

        var csv = lead.get("/agent/kb/export.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        assertThat(csv.body()).startsWith("title,body,category").contains(title);

        Browser agent = new Browser("l1");
        assertThat(agent.get("/agent/kb/import").statusCode()).isEqualTo(403);
        assertThat(agent.get("/agent/kb/export.zip").statusCode()).isEqualTo(200);
        Browser customer = new Browser("customer");
        assertThat(customer.get("/agent/kb/export.csv").statusCode()).isEqualTo(403);
    }
}
