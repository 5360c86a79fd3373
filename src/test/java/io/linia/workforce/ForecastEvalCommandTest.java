package io.linia.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.LiniaApplication;
import io.linia.workforce.evaluation.ForecastEvalCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code forecast-eval} as {@code java -jar linia.jar forecast-eval ...} runs it. */
class ForecastEvalCommandTest {

    @TempDir
    static Path dir;

    static SyntheticArrivals desk = SyntheticArrivals.desk(52, 21);
    static Path hourly;
    static Path quarterHours;

    record Run(int exit, String out, String err) {
    }

    /**
     * The same year twice: hourly rows with a Moscow offset, and quarter-hour rows (each hour's count split
     * over its four quarters) with other column names, local times and a channel column.
     */
    @BeforeAll
    static void writeFiles() throws IOException {
        HourlySeries counts = desk.counts();
        List<String> lines = new ArrayList<>(List.of("timestamp,count"));
        List<String> quarters = new ArrayList<>(List.of("channel;ts;n"));
        for (int i = 0; i < counts.hours(); i++) {
            LocalDateTime t = counts.hourAt(i);
            int n = (int) counts.value(i);
            lines.add(t.atOffset(ZoneOffset.ofHours(3)) + "," + n);
            for (int q = 0; q < 4; q++) {
                int part = n / 4 + (q < n % 4 ? 1 : 0);
                quarters.add("mail;" + t.plusMinutes(15L * q) + ";" + part);
            }
        }
        hourly = Files.write(dir.resolve("counts.csv"), lines);
        quarterHours = Files.write(dir.resolve("quarters.csv"), quarters);
    }

    private static Run evalRun(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ForecastEvalCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** MAPE and WAPE of each method's row of the table. */
    private static Map<String, double[]> table(String out) {
        Map<String, double[]> rows = new java.util.HashMap<>();
        for (ForecastMethod method : ForecastMethod.values()) {
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(method.label()) + "\\s+([0-9.]+)\\s+([0-9.]+)$").matcher(out);
            assertThat(m.find()).as(method.label()).isTrue();
            rows.put(method.label(), new double[]{Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        }
        return rows;
    }

    @Test
    void printsTheMapeOfLiniaNextToBothBaselines() {
        Run run = evalRun("--arrivals", hourly.toString(), "--train-fraction", "0.75", "--zone", "Europe/Moscow");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("8,736 rows every 1 hour(s), zone Europe/Moscow")
                .contains("series:   2024-01-01 00:00 .. 2024-12-30 00:00, 8,736 hours")
                .contains("training: 2024-01-01 00:00 .. 2024-09-30 00:00, 6,552 hours (75.0 %")
                .contains("test:     2024-09-30 00:00 .. 2024-12-30 00:00, 2,184 hours")
                .contains("Linia:    Holt-Winters on daily totals")
                .contains("MAPE: mean of |actual − forecast| / actual over the ")
                .contains("2024-12-23");
        Map<String, double[]> table = table(run.out());
        double[] linia = table.get(ForecastMethod.LINIA.label());
        for (String baseline : List.of(ForecastMethod.SEASONAL_NAIVE.label(), ForecastMethod.MEAN_OF_LAST_4_WEEKS.label())) {
            assertThat(linia[0]).as("MAPE vs " + baseline).isLessThan(table.get(baseline)[0]);
            assertThat(linia[1]).as("WAPE vs " + baseline).isLessThan(table.get(baseline)[1]);
        }
        // the figures are those of the backtest itself
        Backtest backtest = ArrivalForecast.standard().backtest(desk.counts(), 0.75);
        assertThat(linia[0]).isCloseTo(backtest.result(ForecastMethod.LINIA).error().mape(), org.assertj.core.api.Assertions.within(0.005));
    }

    /**
     * Issue 11: the forecast recovers the season the series was drawn from — its MAPE on the test weeks is near the noise
     * level, i.e. the MAPE of an oracle that knows the true hourly rates and only cannot know the Poisson draw and the
     * random day level.
     */
    @Test
    void onASyntheticSeasonalSeriesLiniasMapeIsNearTheNoiseLevel() {
        Run run = evalRun("--arrivals", hourly.toString(), "--train-fraction", "0.75", "--zone", "Europe/Moscow");
        assertThat(run.exit()).as(run.err()).isZero();
        double linia = table(run.out()).get(ForecastMethod.LINIA.label())[0];

        HourlySeries counts = desk.counts();
        int split = 6_552; // the training part printed above: 39 weeks of the 52
        HourlySeries actual = counts.slice(split, counts.hours());
        HourlySeries truth = desk.rates().slice(split, counts.hours());
        double noise = ForecastError.of(actual, truth).mape();

        assertThat(noise).as("the noise floor of this series").isBetween(5.0, 60.0);
        assertThat(linia).as("Linia's MAPE %.2f vs the oracle's %.2f", linia, noise).isLessThan(noise * 1.05);
        double naive = table(run.out()).get(ForecastMethod.SEASONAL_NAIVE.label())[0];
        assertThat(naive).as("the seasonal naive forecast carries the noise of its week twice").isGreaterThan(noise * 1.15);
    }

    @Test
    void quarterHourRowsWithOtherColumnNamesGiveTheSameTable() {
        Run hourlyRun = evalRun("--arrivals", hourly.toString(), "--zone", "Europe/Moscow");
        Run quarterRun = evalRun("--arrivals=" + quarterHours, "--time-column", "ts", "--count-column", "n", "--zone", "Europe/Moscow");

        assertThat(quarterRun.exit()).as(quarterRun.err()).isZero();
        assertThat(quarterRun.out()).contains("34,944 rows every 15 minutes");
        String hourlyTable = hourlyRun.out().substring(hourlyRun.out().indexOf("method"));
        String quarterTable = quarterRun.out().substring(quarterRun.out().indexOf("method"));
        assertThat(quarterTable).isEqualTo(hourlyTable);
    }

    @Test
    void aMalformedLineRefusesTheFileWithItsNumber() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(hourly).subList(0, 400));
        lines.set(299, "2024-01-13T10:00+03:00,twelve");
        Path bad = Files.write(dir.resolve("bad.csv"), lines);

        Run run = evalRun("--arrivals", bad.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("forecast-eval: bad.csv line 300: count 'twelve' is not a number\n");
    }

    @Test
    void tooShortASeriesIsRefusedWithTheReason() throws IOException {
        Path week = Files.write(dir.resolve("week.csv"), Files.readAllLines(hourly).subList(0, 1 + 10 * 24));

        Run run = evalRun("--arrivals", week.toString(), "--train-fraction", "0.5", "--zone", "Europe/Moscow");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("the training part holds 120 hours").contains("at least a week");
    }

    @Test
    void badArgumentsPrintTheUsage() {
        Run missing = evalRun("--train-fraction", "0.75");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).startsWith("forecast-eval: --arrivals is required\nusage: forecast-eval --arrivals counts.csv");

        assertThat(evalRun("--arrivals", hourly.toString(), "--train-fraction", "1.5").err())
                .contains("--train-fraction must be a number between 0 and 1");
        assertThat(evalRun("--arrivals", hourly.toString(), "--zone", "Mars/Olympus").err()).contains("unknown time zone 'Mars/Olympus'");
        assertThat(evalRun("--arrivals", dir.resolve("none.csv").toString()).err()).contains("--arrivals: no file");
        assertThat(evalRun("--arrivals", hourly.toString(), "--colour", "red").err()).contains("unknown option --colour");
        Run help = evalRun("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.err()).contains("--count-column");
    }

    /**
     * Through the application's {@code main}, in a JVM of its own as {@code java -jar} would start it: the
     * command runs and exits without starting Spring (no banner, no web server, no store).
     */
    @Test
    void theApplicationsMainRunsTheCommandWithoutStartingTheServer() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                LiniaApplication.class.getName(), "forecast-eval", "--arrivals", hourly.toString(), "--zone", "UTC")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("zone UTC").contains(ForecastMethod.MEAN_OF_LAST_4_WEEKS.label())
                .doesNotContain("Spring").doesNotContain("Tomcat").doesNotContain("HikariPool");
    }
}
