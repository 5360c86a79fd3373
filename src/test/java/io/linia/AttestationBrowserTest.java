package io.linia;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.linia.support.BrowserSession;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo's attestation in a real browser: the trainee at the attestation stage starts an attempt, sees the time
 * running, answers (saved on change), hands it in; the trainer grades the practical task by the rubric and the result
 * is shown.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "linia.demo.tickets=false")
@ActiveProfiles("test")
class AttestationBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Test
    void theTraineeTakesTheDemoAttestationAndTheTrainerGradesThePracticalTask() {
        Page trainee = browser.signIn("trainee", "trainee5");
        browser.step(trainee, "opens-attestation", () -> {
            trainee.navigate(browser.url("/agent/training"));
            trainee.locator("#enrolments a.btn").first().click();
            trainee.locator("#attestation-link").click();
            assertThat(trainee.locator("#attestation-rules")).containsText("Вопросов в попытке: 8");
        });
        browser.step(trainee, "starts", () -> {
            trainee.locator("#start-attempt").click();
            assertThat(trainee.locator("#attempt-form .question")).hasCount(8);
            Locator timer = trainee.locator("#attestation-timer");
            assertThat(timer).hasText(Pattern.compile("^(19|20):\\d\\d$"));
            String first = timer.textContent();
            trainee.waitForTimeout(2200);
            assertThat(timer).not().hasText(first);
        });
        browser.step(trainee, "answers-and-autosaves", () -> {
            Locator questions = trainee.locator("#attempt-form .question");
            for (int i = 0; i < questions.count(); i++) {
                Locator q = questions.nth(i);
                Locator choice = q.locator("input.form-check-input");
                if (choice.count() > 0) {
                    choice.first().check();
                } else {
                    q.locator("input.form-control").fill("пять");
                }
            }
            trainee.locator("#work-1 textarea").fill("1. Ящик по телефону не восстанавливают: напишите через форму.\n2. Доступ получает только владелец.\n3. Заполните анкету.");
            trainee.locator("#work-1 textarea").blur();
            assertThat(trainee.locator("#autosave")).containsText("Сохранено в");
        });
        browser.step(trainee, "hands-in", () -> {
            trainee.locator("#submit-attempt").click();
            assertThat(trainee.locator("#flash-success")).containsText("Попытка сдана");
            assertThat(trainee.locator(".attempt-status").first()).hasText("ждёт оценки тренера");
            assertThat(trainee.locator("#start-attempt")).hasCount(0);
        });

        Page trainer = browser.signIn("trainer", "trainer");
        browser.step(trainer, "grades", () -> {
            trainer.navigate(browser.url("/agent/training"));
            trainer.locator("#tab-grading").click();
            trainer.locator("#awaiting a.btn").first().click();
            Locator points = trainer.locator("#grade-form input[type=number]");
            assertThat(points).hasCount(3);
            for (int i = 0; i < points.count(); i++) {
                points.nth(i).fill(points.nth(i).getAttribute("max"));
            }
            trainer.locator("#note").fill("Хорошие ответы, сверяйтесь с регламентом.");
            trainer.locator("#grade-submit").click();
            assertThat(trainer.locator("#flash-success")).containsText("Оценка выставлена");
            assertThat(trainer.locator(".attempt-status").first()).hasText(Pattern.compile("^(сдана|не сдана)$"));
            assertThat(trainer.locator(".grading-note")).containsText("сверяйтесь с регламентом");
        });
    }
}
