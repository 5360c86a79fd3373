package io.linia.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.shared.DomainException;
import io.linia.support.StoreTest;
import io.linia.tickets.Channel;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Russian morphology, typo tolerance, highlighting, filters, versions and learning suggestions, on both stores. */
@StoreTest
class KnowledgeSearchTest {

    @Autowired
    KnowledgeBase kb;
    @Autowired
    ArticleSuggestions suggestions;
    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;

    Actor lead;
    Actor l1;
    Actor customer;

    @BeforeEach
    void actors() {
        lead = actor("lead");
        l1 = actor("l1");
        customer = actor("customer");
    }

    private Actor actor(String login) {
        return users.userByLogin(login).map(UserRef::toActor).orElseThrow();
    }

    private ArticleView article(String title, String body, Audience audience, ArticleStatus status) {
        return kb.create(lead, new ArticleCommand(title, body, null, audience, "ru", "тест", status, null, null));
    }

    private List<Long> found(Actor viewer, String text) {
        return kb.search(viewer, ArticleSearch.of(text)).stream().map(ArticleHit::id).toList();
    }

    @Test
    void wordFormsOfPasswordFindEachOther() {
        long plural = article("Как сменить пароли на всех устройствах", "Откройте настройки безопасности.", Audience.PUBLIC, ArticleStatus.PUBLISHED).id();
        long genitivePlural = article("История паролей ящика", "Список последних изменений.", Audience.PUBLIC, ArticleStatus.PUBLISHED).id();
        long genitive = article("Восстановление пароля без телефона", "Заполните анкету владельца.", Audience.PUBLIC, ArticleStatus.PUBLISHED).id();

        assertThat(found(l1, "пароль")).contains(plural, genitivePlural, genitive);
    }

    @Test
    void pastTenseFindsParticiple() {
        long blocked = article("Почта заблокирована за рассылку спама", "Почему ящик блокируют и как вернуть доступ.",
                Audience.PUBLIC, ArticleStatus.PUBLISHED).id();
        assertThat(found(l1, "заблокировали")).contains(blocked);
    }

    @Test
    void englishIsStemmedToo() {
        long en = kb.create(lead, new ArticleCommand("Changing passwords on mobile devices", "Open the settings.", null,
                Audience.PUBLIC, "en", "", ArticleStatus.PUBLISHED, null, null)).id();
        assertThat(found(l1, "password")).contains(en);
    }

    @Test
    void shortQueriesTolerateTypos() {
        long filters = article("Настройка фильтров входящих писем", "Фильтры раскладывают письма по папкам.",
                Audience.PUBLIC, ArticleStatus.PUBLISHED).id();
        assertThat(found(l1, "фильтор")).contains(filters);
    }

    @Test
    void hitsCarryEscapedHighlightedFragments() {
        long id = article("Сборщик писем <script>", "**Сборщик** забирает письма с других ящиков каждые десять минут.",
                Audience.PUBLIC, ArticleStatus.PUBLISHED).id();
        ArticleHit hit = kb.search(l1, ArticleSearch.of("сборщик")).stream().filter(h -> h.id() == id).findFirst().orElseThrow();
        assertThat(hit.titleHtml()).contains("<mark>Сборщик</mark>").contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(hit.fragments()).anySatisfy(f -> assertThat(f).contains("<mark>Сборщик</mark>"));
        assertThat(hit.fragments()).allSatisfy(f -> assertThat(f).doesNotContain("**"));
    }

    @Test
    void customersFindOnlyPublicPublishedArticles() {
        String word = "квазиуникальн" + UUID.randomUUID().toString().substring(0, 4).replaceAll("\\d", "");
        long open = article("Открытая статья " + word, "текст", Audience.PUBLIC, ArticleStatus.PUBLISHED).id();
        long internal = article("Внутренняя статья " + word, "текст", Audience.INTERNAL, ArticleStatus.PUBLISHED).id();
        long draft = article("Черновик " + word, "текст", Audience.PUBLIC, ArticleStatus.DRAFT).id();

        assertThat(found(customer, word)).contains(open).doesNotContain(internal, draft);
        assertThat(found(null, word)).contains(open).doesNotContain(internal, draft);
        assertThat(found(l1, word)).contains(open, internal).doesNotContain(draft);
        assertThat(kb.search(l1, new ArticleSearch(word, null, null, null, ArticleStatus.DRAFT, 10)))
                .extracting(ArticleHit::id).containsExactly(draft);
        assertThatThrownBy(() -> kb.get(customer, internal)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
    }

    @Test
    void everyEditIsKeptAndDiffable() {
        ArticleView v1 = article("Папки", "строка один\nстрока два\nстрока три", Audience.PUBLIC, ArticleStatus.PUBLISHED);
        ArticleView v2 = kb.update(lead, v1.id(), new ArticleCommand("Папки и фильтры", "строка один\nстрока 2\nстрока три\nстрока четыре",
                null, Audience.PUBLIC, "ru", "", ArticleStatus.PUBLISHED, "уточнили", v1.version()));

        assertThat(v2.revision()).isEqualTo(2);
        assertThat(kb.versions(l1, v1.id())).extracting(ArticleVersionView::revision).containsExactly(2, 1);
        ArticleDiff diff = kb.diff(l1, v1.id(), 1, 2);
        assertThat(diff.titleChanged()).isTrue();
        assertThat(diff.lines()).extracting(ArticleDiff.Line::kind, ArticleDiff.Line::text).contains(
                org.assertj.core.groups.Tuple.tuple(ArticleDiff.Kind.REMOVED, "строка два"),
                org.assertj.core.groups.Tuple.tuple(ArticleDiff.Kind.ADDED, "строка 2"),
                org.assertj.core.groups.Tuple.tuple(ArticleDiff.Kind.ADDED, "строка четыре"),
                org.assertj.core.groups.Tuple.tuple(ArticleDiff.Kind.SAME, "строка один"));
        // a stale editor is refused and changes nothing
        assertThatThrownBy(() -> kb.update(lead, v1.id(), new ArticleCommand("x", "y", null, Audience.PUBLIC, "ru", "",
                ArticleStatus.PUBLISHED, null, v1.version()))).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(kb.get(l1, v1.id()).title()).isEqualTo("Папки и фильтры");
        // agents read but do not write
        assertThatThrownBy(() -> article2(l1)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
    }

    private ArticleView article2(Actor by) {
        return kb.create(by, new ArticleCommand("t", "b", null, Audience.PUBLIC, "ru", "", ArticleStatus.DRAFT, null, null));
    }

    @Test
    void markdownIsRenderedSafely() {
        ArticleView a = article("Разметка", "**жирный** <img src=x onerror=alert(1)> [ссылка](javascript:alert(1)) [сайт](https://example.ru)",
                Audience.PUBLIC, ArticleStatus.PUBLISHED);
        assertThat(a.bodyHtml()).contains("<strong>жирный</strong>").doesNotContain("onerror=").doesNotContain("javascript:")
                .contains("href=\"https://example.ru\"").contains("nofollow");
    }

    @Test
    void suggestionsLearnFromTicketsAnsweredWithAnArticle() {
        String topic = "зеркалирование" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 3);
        // two articles the text alone cannot tell apart well
        long a = article("Настройка пересылки писем", "Пересылка писем на другой адрес настраивается в разделе «Пересылка».",
                Audience.PUBLIC, ArticleStatus.PUBLISHED).id();
        long b = article("Сбор писем с других ящиков", "Сборщик писем забирает письма с других адресов.",
                Audience.PUBLIC, ArticleStatus.PUBLISHED).id();
        String question = "Хочу чтобы письма " + topic + " копировались на рабочий адрес";
        // the desk answers three such tickets with article b
        for (int i = 0; i < 3; i++) {
            TicketView t = tickets.create(customer, new TicketCommands.NewTicket("Письма " + topic + " " + i, question, null, null, null, null), Channel.WEB);
            tickets.answer(l1, t.number(), new TicketCommands.Answer("Вот статья", null, null, t.version(), b));
        }
        TicketView fresh = tickets.create(customer, new TicketCommands.NewTicket("Копии писем " + topic, question, null, null, null, null), Channel.WEB);

        List<ArticleHit> hits = suggestions.forTicket(l1, fresh.number());
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).id()).isEqualTo(b);
        assertThat(hits.get(0).evidence()).isPositive();
        assertThat(hits).extracting(ArticleHit::id).doesNotHaveDuplicates();
        // the answer recorded which article it used
        TicketView answered = tickets.get(l1, tickets.create(customer, new TicketCommands.NewTicket("ещё " + topic, question, null, null, null, null), Channel.WEB).number());
        TicketView after = tickets.answer(l1, answered.number(), new TicketCommands.Answer("Статья", null, null, answered.version(), a));
        assertThat(after.messages()).anySatisfy(m -> {
            assertThat(m.articleId()).isEqualTo(a);
            assertThat(m.articleUrl()).endsWith("/help/articles/" + a);
            assertThat(m.articleTitle()).isEqualTo("Настройка пересылки писем");
        });
    }

    @Test
    void looselySimilarPastTicketsDoNotPushAsideAnArticleThatMatchesTheQuestion() {
        String mark = "вебхук" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 3);
        long exact = article("Как отключить уведомления " + mark + " в приложении",
                "Откройте настройки приложения и выключите уведомления " + mark + ".", Audience.PUBLIC, ArticleStatus.PUBLISHED).id();
        long other = article("Настройки приложения", "Общие настройки мобильного приложения.", Audience.PUBLIC, ArticleStatus.PUBLISHED).id();
        // past tickets that share only common words with the question were answered with the other article
        for (int i = 0; i < 4; i++) {
            TicketView t = tickets.create(customer, new TicketCommands.NewTicket("Вопрос про приложение " + i,
                    "Где в приложении настройки темы оформления?", null, null, null, null), Channel.WEB);
            tickets.answer(l1, t.number(), new TicketCommands.Answer("См. статью", null, null, t.version(), other));
        }
        List<ArticleHit> hits = suggestions.forText("Как отключить уведомления " + mark + " в приложении", "", false, 5);
        assertThat(hits.get(0).id()).isEqualTo(exact);
    }

    @Test
    void aLongMessageIsMatchedByItsTellingWordsNotItsFirstOnes() {
        String rare = "квитанц" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 4) + "ия";
        long article = article("Как получить " + rare + " об оплате", "Документ " + rare + " приходит на почту после оплаты.",
                Audience.PUBLIC, ArticleStatus.PUBLISHED).id();
        // a chatty message: thirty ordinary words before the one that matters
        String chatter = "Здравствуйте уважаемая служба поддержки пишу вам уже не первый раз потому что у меня снова"
                + " возникла проблема которую никак не получается решить самостоятельно хотя я очень старался"
                + " и перепробовал разные способы из интернета вчера вечером и сегодня утром";
        List<ArticleHit> hits = suggestions.forText("Вопрос", chatter + " где найти " + rare + " после оплаты", false, 5);
        assertThat(hits).extracting(ArticleHit::id).contains(article);
    }

    @Test
    void answerWithAnInternalArticleGivesTheCustomerNoLinkTheyCannotOpen() {
        long internal = article("Регламент: доступ к чужому ящику", "Никому, кроме владельца.", Audience.INTERNAL, ArticleStatus.PUBLISHED).id();
        TicketView t = tickets.create(customer, new TicketCommands.NewTicket("Доступ к ящику мужа", "Дайте доступ", null, null, null, null), Channel.WEB);
        tickets.answer(l1, t.number(), new TicketCommands.Answer("Доступ получает только владелец.", null, null, t.version(), internal));
        assertThat(tickets.get(customer, t.number()).messages()).filteredOn(m -> m.articleId() != null)
                .singleElement().satisfies(m -> assertThat(m.articleUrl()).isNull());
    }

    @Test
    void answerWithUnknownArticleIsRefusedAndChangesNothing() {
        TicketView t = tickets.create(customer, new TicketCommands.NewTicket("Вопрос", "Текст", null, null, null, null), Channel.WEB);
        assertThatThrownBy(() -> tickets.answer(l1, t.number(), new TicketCommands.Answer("Ответ", null, null, t.version(), 987654321L)))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).field()).isEqualTo("articleId");
        assertThat(tickets.get(l1, t.number()).state()).isEqualTo(t.state());
    }
}
