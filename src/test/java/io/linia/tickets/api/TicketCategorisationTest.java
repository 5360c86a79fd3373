package io.linia.tickets.api;

import static io.linia.support.ApiClient.body;
import static io.linia.support.ApiFixtures.expect;
import static io.linia.support.ApiFixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.routing.CategorisationExamples;
import io.linia.routing.LabelledText;
import io.linia.support.ApiClient;
import io.linia.support.ApiFixtures;
import io.linia.support.ApiResponse;
import io.linia.support.StoreTest;
import io.linia.support.WebSession;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Automatic categorisation end to end, through HTTP: tickets categorised by agents train the
 * model; new tickets get a suggestion (and, when confident, their category); agents' corrections
 * are examples that change later suggestions. The trained model would categorise other test
 * classes' tickets, so this class gets a context of its own.
 */
@StoreTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TicketCategorisationTest {

    static final String[][] PASSWORD = {
            {"Не могу войти в почту", "Забыл пароль от ящика, помогите восстановить доступ"},
            {"Забыл пароль", "Не помню пароль, восстановление не работает"},
            {"Восстановление пароля", "Пароль не подходит, войти в ящик не получается"},
            {"Пароль не подходит", "Вчера поменял пароль и теперь не могу войти"},
            {"Не помню пароль от ящика", "Как восстановить пароль, если нет доступа к телефону?"},
            {"Не пускает в почту", "Пишет неверный пароль, хотя ввожу правильный"},
            {"Помогите с паролем", "Забыла пароль от почты, нужен доступ"},
            {"Доступ к ящику", "Восстановите доступ, пароль забыл"}};
    static final String[][] SPAM = {
            {"Письма в спаме", "Все письма от банка попадают в спам"},
            {"Спам", "Приходит много спама, фильтр не работает"},
            {"Нужные письма уходят в спам", "Рассылка магазина попадает в папку спам"},
            {"Спам-фильтр", "Почему письма коллег помечаются как спам?"},
            {"Много рекламы", "Каждый день приходит спам с рекламой"},
            {"Письмо попало в спам", "Важное письмо от налоговой оказалось в спаме"},
            {"Фильтр спама", "Настройте фильтр, спам идёт во входящие"},
            {"Спам во входящих", "Спам-рассылки обходят фильтр"}};
    static final String[][] DELIVERY = {
            {"Не приходят письма", "Со вчерашнего дня не приходят письма во входящие"},
            {"Письма не доходят", "Письма от друзей не доходят до моего ящика"},
            {"Пропали входящие", "Отправитель говорит, что отправил, а письма нет"},
            {"Не получаю почту", "Входящие письма перестали приходить"},
            {"Письмо не дошло", "Жду письмо с сайта, оно не приходит"},
            {"Нет новых писем", "Уже неделю не приходят новые письма"},
            {"Доставка писем", "Письма от сервиса доставки не приходят на ящик"},
            {"Почта не приходит", "Ни одно письмо не пришло за сегодня"}};
    static final String[][] SMS_CODE = {
            {"Код не приходит", "Не приходит смс с кодом для входа"},
            {"Нет смс", "Смс с кодом подтверждения так и не пришло"},
            {"Код подтверждения", "Код из смс не приходит на телефон"},
            {"СМС", "Жду смс с кодом уже час"}};

    @LocalServerPort
    int port;

    @Autowired
    UserAdministration administration;

    @Autowired
    UserDirectory directory;

    @Autowired
    List<CategorisationExamples> examples;

    @Autowired
    MeterRegistry meters;

    ApiFixtures fx;
    long password;
    long spam;
    long delivery;
    long android;
    long recoveryGroup;

    @BeforeAll
    void trainOnTicketsAgentsCategorised() {
        fx = new ApiFixtures(port, administration, directory);
        password = fx.categoryId("password-forgotten");
        spam = fx.categoryId("spam-filtering");
        delivery = fx.categoryId("mail-not-arriving");
        android = fx.categoryId("mobile-android");
        recoveryGroup = fx.groupId("recovery");
        // twice each: other test classes share this database and leave tickets of other categories
        for (int round = 0; round < 2; round++) {
            escalateAll(PASSWORD, password, recoveryGroup);
            escalateAll(SMS_CODE, password, recoveryGroup);
            escalateAll(SPAM, spam, fx.groupId("spam"));
            escalateAll(DELIVERY, delivery, fx.groupId("delivery"));
        }
        retrainAndWait();
    }

    private void escalateAll(String[][] texts, long category, long group) {
        for (String[] text : texts) {
            JsonNode ticket = expect(fx.as("l1").post("/api/v1/tickets",
                    body("subject", text[0], "body", text[1], "customerEmail", ApiFixtures.uniqueEmail())), 201);
            expect(fx.as("l1").post(path(ticket.path("number").asText(), "escalate"),
                    body("categoryId", category, "groupId", group, "version", ticket.path("version").asLong())), 200);
        }
    }

    private JsonNode retrainAndWait() {
        String before = fx.as("lead").get("/api/v1/routing/categoriser").json().path("trainedAt").asText("");
        ApiResponse started = fx.as("lead").post("/api/v1/routing/categoriser/retrain", null);
        assertThat(started.status()).as("%s", started).isEqualTo(202);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = expect(fx.as("lead").get("/api/v1/routing/categoriser"), 200);
            if (!status.path("training").asBoolean() && !status.path("trainedAt").asText("").isEmpty()
                    && !status.path("trainedAt").asText("").equals(before)) {
                return status;
            }
            sleep(100);
        }
        throw new AssertionError("no new model within 60 s: " + fx.as("lead").get("/api/v1/routing/categoriser"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> history(JsonNode ticket, String action) {
        return StreamSupport.stream(ticket.path("history").spliterator(), false)
                .filter(h -> action.equals(h.path("action").asText())).toList();
    }

    private JsonNode customerTicket(String subject, String text) {
        JsonNode created = expect(fx.as("customer").post("/api/v1/tickets", body("subject", subject, "body", text)), 201);
        return fx.get("l1", created.path("number").asText());
    }

    // ------------------------------------------------------------------ status and suggestions

    @Test
    @Order(1)
    void statusDescribesTheTrainedModel() {
        JsonNode status = expect(fx.as("lead").get("/api/v1/routing/categoriser"), 200);
        assertThat(status.path("examples").asInt()).isGreaterThanOrEqualTo(56);
        assertThat(status.path("categories").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(status.path("training").asBoolean()).isFalse();
        assertThat(status.path("lastError").isNull()).as("%s", status).isTrue();
        assertThat(status.path("confidentAt").asDouble()).isEqualTo(0.4);
        assertThat(status.path("trainingMillis").asLong()).isPositive();
    }

    @Test
    @Order(2)
    void aConfidentSuggestionBecomesTheCategoryOfANewTicket() {
        JsonNode created = expect(fx.as("customer").post("/api/v1/tickets",
                body("subject", "Забыл пароль", "body", "Не могу войти в ящик, забыл пароль, помогите восстановить доступ")), 201);
        assertThat(created.path("suggestedCategoryId").isNull()).as("customers do not see suggestions").isTrue();

        JsonNode ticket = fx.get("l1", created.path("number").asText());
        assertThat(ticket.path("suggestedCategoryId").asLong()).isEqualTo(password);
        assertThat(ticket.path("suggestedGroupId").asLong()).isEqualTo(recoveryGroup);
        assertThat(ticket.path("suggestionConfidence").asDouble()).isGreaterThanOrEqualTo(0.6).isLessThanOrEqualTo(1.0);
        assertThat(ticket.path("suggestionConfident").asBoolean()).isTrue();
        assertThat(ticket.path("categoryId").asLong()).isEqualTo(password);
        assertThat(ticket.path("categoryByPerson").asBoolean()).isFalse();
        assertThat(ticket.path("line").asText()).isEqualTo("FIRST");
        assertThat(ticket.path("groupId").isNull()).as("the group is only pre-selected for escalation").isTrue();
        List<JsonNode> auto = history(ticket, "AUTO_CATEGORISED");
        assertThat(auto).hasSize(1);
        assertThat(auto.get(0).path("actorName").asText()).isEqualTo("Linia");
        assertThat(auto.get(0).path("detail").asText())
                .isEqualTo(password + " (" + Math.round(ticket.path("suggestionConfidence").asDouble() * 100) + " %)");
    }

    @Test
    @Order(3)
    void aTextWithNothingKnownGetsNoSuggestionAndNoCategory() {
        JsonNode ticket = customerTicket("Тыква", "Баклажан, кабачок, патиссон");
        assertThat(ticket.path("suggestedCategoryId").isNull()).isTrue();
        assertThat(ticket.path("categoryId").isNull()).isTrue();
        assertThat(history(ticket, "AUTO_CATEGORISED")).isEmpty();
    }

    @Test
    @Order(4)
    void staffChoosingACategoryAtCreationIsNotOverruled() {
        JsonNode created = expect(fx.as("l1").post("/api/v1/tickets", body("subject", "Забыл пароль",
                "body", "Не помню пароль от ящика", "customerEmail", ApiFixtures.uniqueEmail(), "categoryId", spam)), 201);
        assertThat(created.path("categoryId").asLong()).isEqualTo(spam);
        assertThat(created.path("suggestedCategoryId").asLong()).isEqualTo(password);
        assertThat(created.path("categoryByPerson").asBoolean()).isTrue();
        assertThat(history(created, "AUTO_CATEGORISED")).isEmpty();
        assertThat(history(created, "SUGGESTION_CORRECTED")).singleElement()
                .satisfies(h -> assertThat(h.path("detail").asText()).isEqualTo(password + " → " + spam));
    }

    @Test
    @Order(5)
    void theCategoriseEndpointSuggestsForAnyText() {
        JsonNode suggestion = expect(fx.as("l2").post("/api/v1/routing/categorise",
                body("subject", "Спам", "body", "Письма от банка попадают в спам")), 200);
        assertThat(suggestion.path("categoryId").asLong()).isEqualTo(spam);
        assertThat(suggestion.path("groupId").asLong()).isEqualTo(fx.groupId("spam"));
        assertThat(suggestion.path("confident").asBoolean()).as("%s", suggestion).isTrue();
        List<Double> probabilities = StreamSupport.stream(suggestion.path("candidates").spliterator(), false)
                .map(c -> c.path("probability").asDouble()).toList();
        assertThat(probabilities).isNotEmpty().isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(probabilities.get(0)).isEqualTo(suggestion.path("confidence").asDouble());

        JsonNode nothing = expect(fx.as("l1").post("/api/v1/routing/categorise", body("body", "…!!!\u200B")), 200);
        assertThat(nothing.path("categoryId").isNull()).isTrue();
        assertThat(nothing.path("confident").asBoolean()).isFalse();
        assertThat(meters.get("linia.categorisation.time").timer().count()).isPositive();
    }

    // ------------------------------------------------------------------ corrections

    @Test
    @Order(6)
    void recategorisingAgainstTheSuggestionIsACorrectionAndATrainingExample() {
        long correctionsBefore = fx.as("lead").get("/api/v1/routing/categoriser").json().path("correctionsSinceTraining").asLong();
        JsonNode ticket = customerTicket("Не пускает в почту", "Пароль не подходит, не могу войти в ящик");
        assertThat(ticket.path("categoryId").asLong()).isEqualTo(password);

        JsonNode after = expect(fx.as("l1").post(path(ticket.path("number").asText(), "category"),
                body("categoryId", delivery, "version", ticket.path("version").asLong())), 200);
        assertThat(after.path("categoryId").asLong()).isEqualTo(delivery);
        assertThat(after.path("categoryByPerson").asBoolean()).isTrue();
        assertThat(history(after, "SUGGESTION_CORRECTED")).singleElement().satisfies(h -> {
            assertThat(h.path("detail").asText()).isEqualTo(password + " → " + delivery);
            assertThat(h.path("actorName").asText()).isEqualTo(directory.userByLogin("l1").orElseThrow().displayName());
        });
        assertThat(fx.as("lead").get("/api/v1/routing/categoriser").json().path("correctionsSinceTraining").asLong())
                .isEqualTo(correctionsBefore + 1);

        List<LabelledText> all = new ArrayList<>();
        examples.forEach(source -> source.forEach(all::add));
        assertThat(all).contains(new LabelledText("Не пускает в почту\nПароль не подходит, не могу войти в ящик", delivery, 2.0));
        // an agent's confirmation counts once
        assertThat(all).contains(new LabelledText(SPAM[0][0] + "\n" + SPAM[0][1], spam, 1.0));
    }

    @Test
    @Order(7)
    void afterRetrainingTheCorrectionsAreWhatIsSuggested() {
        String subject = "Не приходит код";
        String text = "Не приходит смс с кодом для входа в почту";
        assertThat(expect(fx.as("l1").post("/api/v1/routing/categorise", body("subject", subject, "body", text)), 200)
                .path("categoryId").asLong()).isEqualTo(password);
        // agents decide such tickets belong to the Android app group from now on
        for (int round = 0; round < 2; round++) { // as many tickets as were categorised the old way, each counting double
            for (String[] sms : SMS_CODE) {
                JsonNode ticket = customerTicket(sms[0], sms[1]);
                assertThat(ticket.path("suggestedCategoryId").asLong()).isEqualTo(password);
                expect(fx.as("l1").post(path(ticket.path("number").asText(), "category"),
                        body("categoryId", android, "version", ticket.path("version").asLong())), 200);
            }
        }
        JsonNode status = retrainAndWait();
        assertThat(status.path("correctionsSinceTraining").asLong()).isZero();

        JsonNode suggestion = expect(fx.as("l1").post("/api/v1/routing/categorise", body("subject", subject, "body", text)), 200);
        assertThat(suggestion.path("categoryId").asLong()).isEqualTo(android);
        assertThat(suggestion.path("groupId").asLong()).isEqualTo(fx.groupId("mobile"));
    }

    // ------------------------------------------------------------------ pages

    @Test
    @Order(8)
    void theAgentSeesTheSuggestionPreSelected() {
        JsonNode ticket = customerTicket("Спам", "Все письма от банка попадают в спам, фильтр не работает");
        assertThat(ticket.path("suggestionConfident").asBoolean()).isTrue();
        HttpResponse<String> page = WebSession.signedIn(port, "l1").get("/agent/tickets/" + ticket.path("number").asText());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Предложено").containsPattern("Письма попадают в спам \\(\\d{2,3} %\\)")
                .contains("выбрано автоматически")
                .containsPattern("<option value=\"" + spam + "\"[^>]*selected")
                .containsPattern("<option value=\"" + fx.groupId("spam") + "\"[^>]*selected")
                .contains("Категория определена автоматически");
    }

    @Test
    @Order(9)
    void theAdministratorSeesTheStatusAndRetrains() {
        WebSession admin = WebSession.signedIn(port, "admin");
        HttpResponse<String> page = admin.get("/admin/categorisation");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Категоризация").contains("Переобучить сейчас").contains("id=\"trained-at\"")
                .doesNotContain("Модели пока нет");
        HttpResponse<String> retrain = admin.post("/admin/categorisation/retrain", Map.of());
        assertThat(retrain.statusCode()).isEqualTo(302);
        assertThat(retrain.headers().firstValue("Location").orElse("")).endsWith("/admin/categorisation");
        HttpResponse<String> after = admin.get("/admin/categorisation"); // training or trained by now: both render
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("Обучение запущено");
        assertThat(WebSession.signedIn(port, "lead").get("/admin/categorisation").statusCode()).isEqualTo(403);
        waitForTrainingToEnd();
        HttpResponse<String> english = WebSession.signedIn(port, "admin").get("/admin/categorisation?lang=en");
        assertThat(english.body()).contains("Categorisation").contains("From 40 % confidence").contains("Retrain now");
    }

    private void waitForTrainingToEnd() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (fx.as("lead").get("/api/v1/routing/categoriser").json().path("training").asBoolean()) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            sleep(100);
        }
    }

    // ------------------------------------------------------------------ refusals

    @Test
    @Order(10)
    void badInputToCategoriseIsAProblemNamingTheField() {
        ApiResponse noBody = fx.as("l1").post("/api/v1/routing/categorise", body("subject", "Пароль"));
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(noBody.mediaType()).isEqualTo("application/problem+json");
        assertThat(noBody.json().path("errors").toString()).contains("\"field\":\"body\"");

        ApiResponse longSubject = fx.as("l1").post("/api/v1/routing/categorise", body("subject", "x".repeat(300), "body", "пароль"));
        assertThat(longSubject.status()).isEqualTo(400);
        assertThat(longSubject.json().path("errors").toString()).contains("\"field\":\"subject\"");

        ApiResponse malformed = fx.as("l1").postRaw("/api/v1/routing/categorise",
                "{\"body\": ".getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.mediaType()).isEqualTo("application/problem+json");
    }

    @Test
    @Order(11)
    void onlyStaffCategoriseAndOnlyLeadsAndAdministratorsRetrain() {
        Map<String, Object> text = body("subject", "Пароль", "body", "Забыл пароль");
        ApiClient customer = fx.as("customer");
        assertThat(customer.get("/api/v1/routing/categoriser").status()).isEqualTo(403);
        assertThat(customer.post("/api/v1/routing/categorise", text).status()).isEqualTo(403);
        assertThat(customer.post("/api/v1/routing/categoriser/retrain", null).status()).isEqualTo(403);
        assertThat(fx.as("l1").post("/api/v1/routing/categoriser/retrain", null).status()).isEqualTo(403);
        assertThat(fx.as("l2").post("/api/v1/routing/categoriser/retrain", null).status()).isEqualTo(403);
        assertThat(fx.anonymous().get("/api/v1/routing/categoriser").status()).isEqualTo(401);
        assertThat(fx.anonymous().post("/api/v1/routing/categorise", text).status()).isEqualTo(401);
        assertThat(fx.as("l2").get("/api/v1/routing/categoriser").status()).isEqualTo(200);
        ApiResponse admin = fx.as("admin").post("/api/v1/routing/categoriser/retrain", null);
        assertThat(admin.status()).isEqualTo(202);
        assertThat(admin.problemType()).isEmpty();
        waitForTrainingToEnd();
        ApiResponse forbidden = customer.post("/api/v1/routing/categoriser/retrain", null);
        assertThat(forbidden.mediaType()).isEqualTo("application/problem+json");
    }
}
