package io.linia;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.linia.support.BrowserSession;
import io.linia.workforce.demand.ForecastReview;
import io.linia.workforce.web.DemandPages;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The forecast page in a real browser on the demo's arrival history: reached through the shift tabs (an htmx
 * swap, so the charts are drawn on swapped content too), both charts are drawn by Chart.js with the numbers of
 * their tables: each past week's actual arrivals in the chart add up to the week's total in the table.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"linia.demo.tickets=false",
        "linia.test.context=forecast-chart"})
@ActiveProfiles("test")
class ForecastChartBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Autowired
    ForecastReview review;

    @Test
    void theChartsAreDrawnWithTheNumbersOfTheirTables() {
        Page lead = browser.signIn("lead", "lead");
        browser.step(lead, "opens-the-forecast", () -> {
            lead.locator("#nav-shifts").click();
            lead.locator("#tab-forecast").click();
            assertThat(lead.locator("h1")).hasText("Прогноз обращений");
            assertThat(lead.locator("#past-chart")).hasAttribute("data-drawn", "true");
            assertThat(lead.locator("#next-chart")).hasAttribute("data-drawn", "true");
        });
        Object datasets = lead.evaluate("Chart.getChart(document.getElementById('past-chart')).data.datasets.length");
        assertThat(((Number) datasets).intValue()).isEqualTo(3);
        @SuppressWarnings("unchecked")
        List<Number> actual = (List<Number>) lead.evaluate("Chart.getChart(document.getElementById('past-chart')).data.datasets[0].data");
        assertThat(actual).hasSize(4 * 168);
        ForecastReview.Report report = review.review(4);
        LocaleContextHolder.setLocale(java.util.Locale.forLanguageTag("ru"));
        try {
            for (int w = 0; w < 4; w++) {
                double week = actual.subList(w * 168, (w + 1) * 168).stream().mapToDouble(Number::doubleValue).sum();
                String row = lead.locator("#past-weeks tbody tr").nth(w).locator("td").nth(1).innerText();
                assertThat(row.replace('\u00a0', ' ')).isEqualTo(new DemandPages().count(week));
                assertThat(week).isEqualTo(report.weeks().get(w).actual().total());
            }
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
        @SuppressWarnings("unchecked")
        List<Number> next = (List<Number>) lead.evaluate("Chart.getChart(document.getElementById('next-chart')).data.datasets[0].data");
        assertThat(next).hasSize(4 * 168);
        assertThat(lead.locator("#next-days tbody tr")).hasCount(28);
    }
}
