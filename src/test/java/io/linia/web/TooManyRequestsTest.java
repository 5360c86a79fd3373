package io.linia.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.shared.DomainException;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

/** A refusal for reaching a limit answers 429 with Retry-After, as a problem detail in the API and as a page in the UI. */
class TooManyRequestsTest {

    private final StaticMessageSource messages = new StaticMessageSource();
    private final Refusals refusals = new Refusals(messages);

    TooManyRequestsTest() {
        messages.addMessage("linia.problem.too-many-requests", Locale.ENGLISH, "Too many requests");
        messages.addMessage("test.limit", Locale.ENGLISH, "Limit of {0} reached");
        messages.addMessage("test.invalid", Locale.ENGLISH, "Wrong");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void theApiAnswers429WithRetryAfterInWholeSecondsRoundedUp() {
        DomainException e = DomainException.tooManyRequests("mailbox", Duration.ofMinutes(90).plusMillis(1), "test.limit", 3);
        ResponseEntity<ProblemDetail> response = new ApiProblems(messages, refusals).domain(e);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5401");
        ProblemDetail problem = response.getBody();
        assertThat(problem.getType().toString()).isEqualTo("https://linia.io/problems/too-many-requests");
        assertThat(problem.getTitle()).isEqualTo("Too many requests");
        assertThat(problem.getDetail()).isEqualTo("Limit of 3 reached");
        assertThat(problem.getProperties()).containsEntry("field", "mailbox").containsEntry("retryAfterSeconds", 5401L);
    }

    @Test
    void otherRefusalsKeepTheirStatusAndHaveNoRetryAfter() {
        ResponseEntity<ProblemDetail> response = new ApiProblems(messages, refusals).domain(DomainException.invalid("proof", "test.invalid"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().containsKey(HttpHeaders.RETRY_AFTER)).isFalse();
        assertThat(response.getBody().getProperties()).doesNotContainKey("retryAfterSeconds");
        assertThat(DomainException.invalid("x", "test.invalid").retryAfter()).isNull();
    }

    @Test
    void aPageAnswers429WithRetryAfterAndTheMessage() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ModelAndView page = new PageErrors(refusals).domain(DomainException.tooManyRequests(null, Duration.ZERO, "test.limit", 10), response);

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).as("never 0: come back in a second at the earliest").isEqualTo("1");
        assertThat(page.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(page.getModel()).containsEntry("message", "Limit of 10 reached").containsEntry("status", 429);
    }
}
