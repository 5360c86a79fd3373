package io.linia.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.knowledge.ArticleCommand;
import io.linia.knowledge.ArticleFeedback;
import io.linia.knowledge.ArticleStatus;
import io.linia.knowledge.ArticleView;
import io.linia.knowledge.Audience;
import io.linia.knowledge.KnowledgeBase;
import io.linia.routing.CategoryCommand;
import io.linia.routing.CategoryRef;
import io.linia.routing.RoutingAdministration;
import io.linia.support.StoreTest;
import io.linia.support.WebSession;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The knowledge base's pages over HTTP: staff list and search, editor, versions, index rebuild, help portal, feedback. */
@StoreTest
class KnowledgePagesTest {

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeBase kb;
    @Autowired
    ArticleFeedback feedback;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RoutingAdministration routing;

    private Actor actor(String login) {
        return users.userByLogin(login).orElseThrow().toActor();
    }

    /** A word no other article has: the search finds exactly what the test made. */
    private static String word() {
        StringBuilder w = new StringBuilder("уникум");
        java.util.concurrent.ThreadLocalRandom.current().ints(6, 0, 26).forEach(i -> w.append((char) ('a' + i)));
        return w.toString();
    }

    private ArticleView article(String title, String body, Audience audience, ArticleStatus status) {
        return kb.create(actor("lead"), new ArticleCommand(title, body, null, audience, "ru", "", status, null, null));
    }

    /** An input, select or textarea with this id marked invalid. */
    private static String invalid(String id) {
        return "<(input|select|textarea)[^>]*(is-invalid[^>]*id=\"" + id + "\"|id=\"" + id + "\"[^>]*is-invalid)";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private long articles(String title) {
        return jdbc.queryForObject("select count(*) from kb_article where title = ?", Long.class, title);
    }

    // ------------------------------------------------------------------ staff list and search

    @Test
    void staffSearchShowsHighlightedEscapedTitlesAndFragments() {
        String w = word();
        ArticleView a = article("Настройка " + w + " <script>x</script>", "Сначала откройте " + w + " в настройках ящика.",
                Audience.INTERNAL, ArticleStatus.PUBLISHED);
        WebSession l1 = WebSession.signedIn(port, "l1");

        HttpResponse<String> page = l1.get("/agent/kb?q=" + enc(w));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-id=\"" + a.id() + "\"")
                .contains("<mark>" + w + "</mark>")
                .contains("&lt;script&gt;x&lt;")
                .doesNotContain("<script>x")
                .containsPattern("kb-fragment[^>]*>[^<]*откройте <mark>" + w + "</mark>");
    }

    @Test
    void staffListFiltersBySectionIncludingItsSubSectionsAndHelpBrowsesThem() {
        String code = "kbp-" + UUID.randomUUID().toString().substring(0, 8);
        CategoryRef section = routing.createCategory(new CategoryCommand(code, "Раздел " + code, "Section " + code, null, true));
        CategoryRef sub = routing.createCategory(new CategoryCommand(code + "-sub", "Подраздел " + code, "Sub " + code,
                null, true, section.id()));
        Actor lead = actor("lead");
        ArticleView inSub = kb.create(lead, new ArticleCommand("В подразделе " + code, "текст", sub.id(), Audience.PUBLIC, "ru",
                "", ArticleStatus.PUBLISHED, null, null));
        ArticleView draft = kb.create(lead, new ArticleCommand("Черновик " + code, "текст", sub.id(), Audience.PUBLIC, "ru",
                "", ArticleStatus.DRAFT, null, null));
        ArticleView elsewhere = article("Без раздела " + code, "текст", Audience.PUBLIC, ArticleStatus.PUBLISHED);
        WebSession l1 = WebSession.signedIn(port, "l1");

        String bySection = l1.get("/agent/kb?category=" + section.id()).body();
        assertThat(bySection).contains("data-id=\"" + inSub.id() + "\"").contains("data-id=\"" + draft.id() + "\"")
                .doesNotContain("data-id=\"" + elsewhere.id() + "\"");
        assertThat(l1.get("/agent/kb?category=" + section.id() + "&status=DRAFT").body())
                .contains("data-id=\"" + draft.id() + "\"").doesNotContain("data-id=\"" + inSub.id() + "\"");
        assertThat(l1.get("/agent/kb?category=" + section.id() + "&audience=INTERNAL").body())
                .doesNotContain("data-id=\"" + inSub.id() + "\"");
        assertThat(l1.get("/agent/kb?category=" + section.id() + "&language=en").body())
                .doesNotContain("data-id=\"" + inSub.id() + "\"");
        assertThat(l1.get("/agent/kb?category=junk&status=junk").statusCode()).isEqualTo(200);

        // the help portal: the section on the front page, its sub-section and published article on its page
        WebSession visitor = WebSession.anonymous(port);
        assertThat(visitor.get("/help").body()).contains("data-section=\"" + section.id() + "\"").contains("Раздел " + code);
        String sectionPage = visitor.get("/help/sections/" + section.id()).body();
        assertThat(sectionPage).contains("Подраздел " + code).contains("В подразделе " + code).doesNotContain("Черновик " + code);
        assertThat(visitor.get("/help/sections/999999999").statusCode()).isEqualTo(404);
    }

    // ------------------------------------------------------------------ who reads what

    @Test
    void customersAndVisitorsReadOnlyPublicPublishedArticles() {
        String w = word();
        ArticleView open = article("Открытая " + w, "Публичный текст", Audience.PUBLIC, ArticleStatus.PUBLISHED);
        ArticleView internal = article("Внутренняя " + w, "Только для агентов", Audience.INTERNAL, ArticleStatus.PUBLISHED);
        ArticleView draft = article("Черновик " + w, "Ещё не готово", Audience.PUBLIC, ArticleStatus.DRAFT);

        for (WebSession reader : new WebSession[]{WebSession.anonymous(port), WebSession.signedIn(port, "customer")}) {
            HttpResponse<String> ok = reader.get("/help/articles/" + open.id());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("Открытая " + w).contains("Публичный текст").contains("id=\"vote-form\"");
            assertThat(reader.get("/help/articles/" + internal.id()).statusCode()).isEqualTo(404);
            assertThat(reader.get("/help/articles/" + internal.id()).body()).doesNotContain("Только для агентов");
            assertThat(reader.get("/help/articles/" + draft.id()).statusCode()).isEqualTo(404);
            assertThat(reader.get("/help?q=" + enc(w)).body()).contains("data-id=\"" + open.id() + "\"")
                    .doesNotContain("data-id=\"" + internal.id() + "\"").doesNotContain("data-id=\"" + draft.id() + "\"");
        }
        // the staff pages stay closed to customers
        assertThat(WebSession.signedIn(port, "customer").get("/agent/kb/articles/" + internal.id()).statusCode()).isEqualTo(403);
        // staff read internal articles in the console
        assertThat(WebSession.signedIn(port, "l1").get("/agent/kb/articles/" + internal.id()).body()).contains("Только для агентов");
    }

    // ------------------------------------------------------------------ the editor

    @Test
    void editorCreatesAndEditsWithErrorsNextToTheFieldsAndStaleSavesRefused() {
        String title = "Статья " + word();
        WebSession lead = WebSession.signedIn(port, "lead");
        lead.get("/agent/kb/new");

        HttpResponse<String> refused = lead.post("/agent/kb/new", Map.of("title", "", "body", "Текст без заголовка",
                "audience", "PUBLIC", "language", "ru", "status", "PUBLISHED"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).containsPattern(invalid("title"))
                .containsPattern("id=\"title-error\"[^>]*>Заполните это поле<")
                .contains("Текст без заголовка");
        assertThat(jdbc.queryForObject("select count(*) from kb_article where body = ?", Long.class, "Текст без заголовка")).isZero();

        HttpResponse<String> badLanguage = lead.post("/agent/kb/new", Map.of("title", title, "body", "x",
                "audience", "PUBLIC", "language", "de", "status", "PUBLISHED"));
        assertThat(badLanguage.statusCode()).isEqualTo(400);
        assertThat(badLanguage.body()).containsPattern(invalid("language")).contains("Язык должен быть ru или en");
        assertThat(articles(title)).isZero();

        HttpResponse<String> created = lead.post("/agent/kb/new", Map.of("title", title, "body", "строка один\nстрока два",
                "audience", "PUBLIC", "language", "ru", "status", "PUBLISHED", "tags", "Пароль, вход", "changeNote", "первая"));
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.replaceAll(".*/articles/(\\d+).*", "$1"));
        assertThat(articles(title)).isEqualTo(1);

        HttpResponse<String> form = lead.get("/agent/kb/articles/" + id + "/edit");
        assertThat(form.statusCode()).isEqualTo(200);
        String version = value(form.body(), "version");
        HttpResponse<String> saved = lead.post("/agent/kb/articles/" + id + "/edit", Map.of("title", title,
                "body", "строка один\nстрока 2", "audience", "PUBLIC", "language", "ru", "status", "PUBLISHED",
                "version", version, "changeNote", "уточнили", "tags", "Пароль, вход"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(kb.get(actor("l1"), id).revision()).isEqualTo(2);

        // a second save from the old form: refused, the typed text kept
        HttpResponse<String> stale = lead.post("/agent/kb/articles/" + id + "/edit", Map.of("title", title,
                "body", "мой несохранённый текст", "audience", "PUBLIC", "language", "ru", "status", "PUBLISHED",
                "version", version));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("id=\"stale-problem\"").contains("уже изменили").contains("мой несохранённый текст");
        assertThat(kb.get(actor("l1"), id).body()).isEqualTo("строка один\nстрока 2");

        HttpResponse<String> page = lead.get("/agent/kb/articles/" + id);
        assertThat(page.body()).contains("уточнили").contains("пароль").contains("id=\"article-revision\">2<");
    }

    @Test
    void agentsCannotReachTheEditor() {
        ArticleView a = article("Для агентов " + word(), "текст", Audience.INTERNAL, ArticleStatus.PUBLISHED);
        WebSession l1 = WebSession.signedIn(port, "l1");
        HttpResponse<String> page = l1.get("/agent/kb/articles/" + a.id());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("id=\"edit-article\"").doesNotContain("id=\"kb-import-link\"");

        assertThat(l1.get("/agent/kb/new").statusCode()).isEqualTo(403);
        assertThat(l1.get("/agent/kb/articles/" + a.id() + "/edit").statusCode()).isEqualTo(403);
        assertThat(l1.post("/agent/kb/articles/" + a.id() + "/edit", Map.of("title", "взлом", "body", "x",
                "audience", "PUBLIC", "language", "ru", "status", "PUBLISHED", "version", "0")).statusCode()).isEqualTo(403);
        assertThat(kb.get(actor("l1"), a.id()).title()).isEqualTo(a.title());
        assertThat(WebSession.signedIn(port, "lead").get("/agent/kb").body())
                .contains("href=\"/agent/kb/import\"").contains("href=\"/agent/kb/export.csv\"")
                .contains("href=\"/agent/kb/export.zip\"").contains("href=\"/agent/kb/canned\"");
    }

    // ------------------------------------------------------------------ versions

    @Test
    void diffShowsAddedAndRemovedLinesEscaped() {
        ArticleView v1 = article("Диф " + word(), "первая строка\n<b>старое</b>\nпоследняя", Audience.PUBLIC, ArticleStatus.PUBLISHED);
        kb.update(actor("lead"), v1.id(), new ArticleCommand(v1.title(), "первая строка\n<script>alert(1)</script>\nпоследняя",
                null, Audience.PUBLIC, "ru", "", ArticleStatus.PUBLISHED, "заменили", v1.version()));
        WebSession l1 = WebSession.signedIn(port, "l1");

        HttpResponse<String> unified = l1.get("/agent/kb/articles/" + v1.id() + "/versions?from=1&to=2&view=unified");
        assertThat(unified.statusCode()).isEqualTo(200);
        assertThat(unified.body()).contains("id=\"diff-unified\"")
                .containsPattern("data-kind=\"REMOVED\"[^>]*table-danger[\\s\\S]*?&lt;b&gt;старое&lt;/b&gt;")
                .containsPattern("data-kind=\"ADDED\"[^>]*table-success[\\s\\S]*?&lt;script&gt;alert\\(1\\)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)</script>").doesNotContain("<b>старое</b>");

        HttpResponse<String> split = l1.get("/agent/kb/articles/" + v1.id() + "/versions?from=1&to=2&view=split");
        assertThat(split.body()).contains("id=\"diff-split\"")
                .containsPattern("table-danger\" data-kind=\"REMOVED\"><span\\s+class=\"visually-hidden\">удалено</span><span>&lt;b&gt;старое&lt;/b&gt;")
                .containsPattern("table-success\" data-kind=\"ADDED\"><span\\s+class=\"visually-hidden\">добавлено</span><span>&lt;script&gt;alert\\(1\\)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)</script>");
        assertThat(l1.get("/agent/kb/articles/" + v1.id() + "/versions?from=1&to=9").statusCode()).isEqualTo(404);
    }

    // ------------------------------------------------------------------ the search index

    @Test
    void rebuildReportsProgressAndFinishes() throws InterruptedException {
        String w = word();
        ArticleView a = article("После перестройки " + w, "текст", Audience.PUBLIC, ArticleStatus.PUBLISHED);
        WebSession l1 = WebSession.signedIn(port, "l1");
        l1.get("/agent/kb/index");
        assertThat(l1.post("/agent/kb/index/rebuild", Map.of()).statusCode()).isEqualTo(403);

        WebSession lead = WebSession.signedIn(port, "lead");
        lead.get("/agent/kb/index");
        HttpResponse<String> started = lead.post("/agent/kb/index/rebuild", Map.of());
        assertThat(started.statusCode()).isEqualTo(302);
        assertThat(started.headers().firstValue("Location").orElseThrow()).endsWith("/agent/kb/index");
        HttpResponse<String> page = lead.get("/agent/kb/index");
        assertThat(page.body()).contains("id=\"index-status\"").contains("role=\"progressbar\"");

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String status;
        do {
            status = lead.get("/agent/kb/index/status").body();
            if (status.contains("data-running=\"true\"")) {
                // while it runs the fragment polls itself every second and shows done/total
                assertThat(status).contains("hx-trigger=\"every 1s\"").contains("Идёт перестройка");
                Thread.sleep(100);
            }
        } while (status.contains("data-running=\"true\"") && Instant.now().isBefore(deadline));

        assertThat(status).contains("data-running=\"false\"").doesNotContain("hx-trigger").contains("100%")
                .contains("Перестройка закончена");
        Matcher m = Pattern.compile("Перестройка закончена: (\\d+) из (\\d+)").matcher(status);
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo(m.group(2));
        assertThat(Long.parseLong(m.group(2))).isPositive();
        // the rebuilt index still finds the article
        assertThat(lead.get("/agent/kb?q=" + enc(w)).body()).contains("data-id=\"" + a.id() + "\"");
    }

    // ------------------------------------------------------------------ feedback

    @Test
    void flagsAndVotesAppearInTheLeadsReport() {
        String w = word();
        ArticleView a = article("Спорная статья " + w, "Текст, который не помогает.", Audience.PUBLIC, ArticleStatus.PUBLISHED);
        WebSession l1 = WebSession.signedIn(port, "l1");
        l1.get("/agent/kb/articles/" + a.id());

        HttpResponse<String> noReason = l1.post("/agent/kb/articles/" + a.id() + "/flag", Map.of("reason", "  "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).containsPattern(invalid("flag-reason"))
                .containsPattern("id=\"flag-reason-error\"[^>]*>Напишите, что в статье устарело<");
        assertThat(feedback.counts(a.id()).openFlags()).isZero();
        HttpResponse<String> flagged = l1.post("/agent/kb/articles/" + a.id() + "/flag",
                Map.of("reason", "Тарифы изменились <в марте>"));
        assertThat(flagged.statusCode()).isEqualTo(302);

        // three visitors say "no", one changes their mind twice, one says "yes"
        for (int i = 0; i < 3; i++) {
            WebSession visitor = WebSession.anonymous(port);
            visitor.get("/help/articles/" + a.id());
            assertThat(visitor.post("/help/articles/" + a.id() + "/vote", Map.of("helpful", "false", "comment", "Не хватает шагов " + i))
                    .statusCode()).isEqualTo(302);
        }
        WebSession fickle = WebSession.anonymous(port);
        fickle.get("/help/articles/" + a.id());
        fickle.post("/help/articles/" + a.id() + "/vote", Map.of("helpful", "true"));
        fickle.post("/help/articles/" + a.id() + "/vote", Map.of("helpful", "false"));
        assertThat(fickle.get("/help/articles/" + a.id()).body()).contains("id=\"my-vote\"").contains("Вы ответили: не помогла");
        WebSession customer = WebSession.signedIn(port, "customer");
        customer.get("/help/articles/" + a.id());
        customer.post("/help/articles/" + a.id() + "/vote", Map.of("helpful", "true"));
        assertThat(customer.post("/help/articles/" + a.id() + "/vote", Map.of("helpful", "maybe")).statusCode()).isEqualTo(400);

        assertThat(feedback.counts(a.id())).satisfies(c -> {
            assertThat(c.helpful()).isEqualTo(1);
            assertThat(c.notHelpful()).isEqualTo(4);
            assertThat(c.openFlags()).isEqualTo(1);
        });
        assertThat(l1.get("/agent/kb/feedback").statusCode()).isEqualTo(403);

        WebSession lead = WebSession.signedIn(port, "lead");
        HttpResponse<String> report = lead.get("/agent/kb/feedback?minVotes=5");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body())
                .containsPattern("<tr[^>]*data-article=\"" + a.id() + "\"[^>]*>[\\s\\S]*?Тарифы изменились &lt;в марте&gt;")
                .containsPattern("id=\"least-helpful\"[\\s\\S]*data-article=\"" + a.id() + "\"[\\s\\S]*?<td>20%</td>");
        assertThat(lead.get("/agent/kb/feedback?minVotes=6").body()).doesNotContain("data-article=\"" + a.id() + "\"><td><a")
                .doesNotContainPattern("id=\"least-helpful\"[\\s\\S]*data-article=\"" + a.id() + "\"");
        assertThat(lead.get("/agent/kb/feedback?minVotes=zero").statusCode()).isEqualTo(400);
        assertThat(lead.get("/agent/kb/articles/" + a.id()).body()).contains("Не хватает шагов 0")
                .contains("id=\"count-not-helpful\">4<");

        long flagId = Long.parseLong(report.body().replaceAll("(?s).*data-flag=\"(\\d+)\"[^>]*data-article=\"" + a.id() + "\".*", "$1"));
        assertThat(lead.post("/agent/kb/flags/" + flagId + "/resolve", Map.of()).statusCode()).isEqualTo(302);
        assertThat(lead.get("/agent/kb/feedback").body()).doesNotContain("data-flag=\"" + flagId + "\"");
        assertThat(feedback.counts(a.id()).openFlags()).isZero();
    }

    @Test
    void selfServiceSuggestsPublicArticlesAndSolvedRecordsADeflection() {
        String w = word();
        ArticleView open = article("Не приходят письма " + w, "Проверьте папку «Спам» и фильтры.", Audience.PUBLIC, ArticleStatus.PUBLISHED);
        ArticleView internal = article("Внутреннее про письма " + w, "Для агентов.", Audience.INTERNAL, ArticleStatus.PUBLISHED);
        WebSession customer = WebSession.signedIn(port, "customer");
        assertThat(customer.get("/portal/new").body()).contains("id=\"suggest-panel\"").contains("hx-get=\"/help/suggest\"")
                .contains("delay:400ms");

        HttpResponse<String> panel = customer.get("/help/suggest?subject=" + enc(w) + "&body=" + enc("не приходят письма"));
        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(panel.body()).contains("data-id=\"" + open.id() + "\"").doesNotContain("data-id=\"" + internal.id() + "\"")
                .contains("<mark>" + w + "</mark>").contains("Это решило мою проблему").contains("name=\"_csrf\"")
                .doesNotContain("<html");
        assertThat(customer.get("/help/articles/" + open.id() + "/inline").body()).contains("Проверьте папку");
        assertThat(customer.get("/help/articles/" + internal.id() + "/inline").statusCode()).isEqualTo(404);

        long tickets = jdbc.queryForObject("select count(*) from ticket", Long.class);
        HttpResponse<String> solved = customer.post("/help/articles/" + open.id() + "/solved", Map.of("query", w));
        assertThat(solved.statusCode()).isEqualTo(302);
        assertThat(customer.get(solved.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", ""))
                .body()).contains("Рады, что помогли").contains(open.title());
        assertThat(feedback.counts(open.id()).deflections()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from ticket", Long.class)).isEqualTo(tickets);
        assertThat(jdbc.queryForObject("select user_id from kb_deflection where article_id = ?", Long.class, open.id()))
                .isEqualTo(actor("customer").id());
        assertThat(customer.post("/help/articles/" + internal.id() + "/solved", Map.of("query", w)).statusCode()).isEqualTo(404);
    }

    private static String value(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        if (!m.find()) {
            m = Pattern.compile("value=\"([^\"]*)\"[^>]*name=\"" + name + "\"").matcher(html);
            assertThat(m.find()).as(name + " in the form").isTrue();
        }
        return m.group(1);
    }
}
