package io.linia.recovery.abuse;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Page;
import io.linia.recovery.abuse.ProofOfWork.Challenge;
import io.linia.shared.DomainException;
import io.linia.support.BrowserSession;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * static/js/recovery-pow.js in Chromium: a form[data-pow] keeps its submit button disabled while the browser
 * works, then carries the counter and the token in its hidden inputs, and the server accepts them (once). Also
 * measures the solve at the default difficulty (16 bits) and prints the figures.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"linia.demo.tickets=false",
        "linia.recovery.proof-of-work.bits=14", "linia.recovery.proof-of-work.secret=" + ProofOfWorkBrowserTest.SECRET})
@ActiveProfiles("test")
class ProofOfWorkBrowserTest {

    static final String SECRET = "browser-test-secret-of-at-least-32-characters";

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Autowired
    ProofOfWork proofOfWork;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    PlatformTransactionManager transactions;

    private static String form(Challenge challenge) {
        return """
                <!doctype html><html lang="ru"><head><meta charset="utf-8"><title>pow</title></head><body>
                <form method="post" action="/nowhere" data-pow data-pow-token="%s" data-pow-bits="%d"
                      data-pow-working="Проверяем…" data-pow-done="Проверка пройдена" data-pow-failed="Не вышло">
                  <input name="mailbox" value="anna@example.ru">
                  <p data-pow-status></p>
                  <button type="submit">Отправить</button>
                </form>
                <script src="/js/recovery-pow.js"></script>
                </body></html>
                """.formatted(challenge.token(), challenge.bits());
    }

    private void verify(String token, String solution) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> proofOfWork.verify(token, solution));
    }

    @Test
    void theBrowserSolvesTheChallengeAndTheServerAcceptsTheAnswerOnce() {
        // the default difficulty, so the button is visibly held back for a while
        ProofOfWork atDefault = new ProofOfWork(new ProofOfWorkProperties(16, Duration.ofMinutes(10), SECRET), jdbc, clock);
        Challenge challenge = atDefault.issue();
        Page page = browser.open("anna");
        page.navigate(browser.url("/login"));
        // while the script works the button is held back: shown on a challenge too hard to be solved meanwhile
        // (26 bits, minutes of work; a lucky 16-bit solve can take a few milliseconds)
        Challenge hard = new ProofOfWork(new ProofOfWorkProperties(26, Duration.ofMinutes(10), SECRET), jdbc, clock).issue();
        page.setContent(form(hard));
        browser.step(page, "working", () -> {
            assertThat(page.locator("button[type=submit]")).isDisabled();
            assertThat(page.locator("[data-pow-status]")).containsText("Проверяем…");
        });
        page.setContent(form(challenge));
        browser.step(page, "solved", () -> {
            page.waitForSelector("form[data-pow-solved]", new Page.WaitForSelectorOptions().setTimeout(60_000));
            assertThat(page.locator("button[type=submit]")).isEnabled();
            assertThat(page.locator("[data-pow-status]")).hasText("Проверка пройдена");
        });
        String token = page.locator("input[name=powToken]").inputValue();
        String solution = page.locator("input[name=powSolution]").inputValue();
        assertThat(token).isEqualTo(challenge.token());
        assertThat(solution).matches("\\d+");
        System.out.println("recovery-pow.js: 16 bits solved in " + page.locator("form").getAttribute("data-pow-millis") + " ms");

        verify(token, solution);
        assertThatThrownBy(() -> verify(token, solution)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("recoveryAbuse.proof.used"));
    }

    @Test
    void withoutAChallengeTheFormStaysHeldBackAndSaysSo() {
        Page page = browser.open("boris");
        page.navigate(browser.url("/login"));
        page.setContent(form(new Challenge("", 14, clock.instant())));
        assertThat(page.locator("[data-pow-status]")).hasText("Не вышло");
        assertThat(page.locator("button[type=submit]")).isDisabled();
    }

    @Test
    void solvingTimesAtTheDefaultDifficulty() {
        ProofOfWork atDefault = new ProofOfWork(new ProofOfWorkProperties(16, Duration.ofMinutes(10), SECRET), jdbc, clock);
        Page page = browser.open("bench");
        page.navigate(browser.url("/login"));
        page.setContent("<!doctype html><html><body><script src=\"/js/recovery-pow.js\"></script></body></html>");
        page.waitForFunction("() => !!window.LiniaProofOfWork");
        assertThat((Boolean) page.evaluate("() => window.LiniaProofOfWork.webCrypto")).as("localhost is a secure context").isTrue();
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Challenge challenge = atDefault.issue();
            Object result = page.evaluate("""
                    async (token) => {
                      const t0 = performance.now();
                      const solution = await window.LiniaProofOfWork.solve(token, 16);
                      return [solution, Math.round(performance.now() - t0)];
                    }""", challenge.token());
            List<?> pair = (List<?>) result;
            verify(challenge.token(), (String) pair.get(0));
            millis.add(((Number) pair.get(1)).longValue());
        }
        List<Long> sorted = millis.stream().sorted().toList();
        long mean = Math.round(millis.stream().mapToLong(Long::longValue).average().orElseThrow());
        System.out.println("recovery-pow.js, 16 bits, 12 solves (ms): mean " + mean + ", median " + sorted.get(6) + ", max "
                + sorted.get(11) + ", all " + sorted);
        assertThat(millis).allMatch(ms -> ms >= 0);
    }
}
