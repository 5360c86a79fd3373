package io.linia.workforce.api;

import io.linia.accounts.Actor;
import io.linia.shared.DomainException;
import io.linia.workforce.Forecast;
import io.linia.workforce.ForecastError;
import io.linia.workforce.HourlySeries;
import io.linia.workforce.demand.ArrivalBatch;
import io.linia.workforce.demand.ArrivalHistory;
import io.linia.workforce.demand.ForecastReview;
import io.linia.workforce.demand.StaffingCheck;
import io.linia.workforce.demand.StaffingSettings;
import io.linia.workforce.demand.StaffingSettingsCommand;
import io.linia.workforce.demand.StaffingSettingsStore;
import io.linia.workforce.staff.StaffAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The staffing demand over the API: the forecast checked on the past weeks and the coming weeks' forecast, the
 * need per shift and queue next to a period's roster, the settings planners keep, and the arrival history
 * import. Bad input answers 400 with a problem detail naming the field (a refused file also names the line).
 */
@RestController
@RequestMapping("/api/v1/workforce")
@Tag(name = "Workforce: forecast and staffing need", description = "Arrivals forecast, staffing need per shift and queue, its settings, arrival history import")
class WorkforceDemandApi {

    private final ForecastReview review;
    private final StaffingCheck check;
    private final StaffingSettingsStore settings;
    private final ArrivalHistory history;

    WorkforceDemandApi(ForecastReview review, StaffingCheck check, StaffingSettingsStore settings, ArrivalHistory history) {
        this.review = review;
        this.check = check;
        this.settings = settings;
        this.history = history;
    }

    /** Errors as percents; null when undefined (no arrivals to divide by). */
    record Errors(Double mape, Double wape, Double naiveMape, Double naiveWape) {
        static Errors of(ForecastError linia, ForecastError naive) {
            return new Errors(value(linia.mape()), value(linia.wape()), value(naive.mape()), value(naive.wape()));
        }

        private static Double value(double v) {
            return Double.isNaN(v) ? null : Math.round(v * 100) / 100.0;
        }
    }

    /** A past week: hourly arrivals, the forecast made on its Monday and the seasonal naive forecast, from {@code start}. */
    record PastWeek(LocalDate monday, LocalDateTime start, double[] actual, double[] forecast, double[] naive, Forecast.Basis basis,
                    Errors errors) {
    }

    record Day(LocalDate date, double total) {
    }

    /** The coming weeks: the forecast per wall-clock hour from {@code start}, and per day. */
    record Next(LocalDateTime start, double[] hours, List<Day> days, Forecast.Basis basis, String detail) {
    }

    record ForecastAnswer(LocalDate today, int historyWeeks, String zone, List<PastWeek> weeks, Errors overall, Next next) {
    }

    @GetMapping("/forecast")
    @Operation(summary = "Arrivals forecast (staff): the last weeks actual vs the forecast made at each week's start (trained only on the weeks "
            + "before), MAPE and WAPE next to the seasonal naive forecast, and the next weeks per wall-clock hour of the planning zone")
    ForecastAnswer forecast(Actor actor, @Parameter(description = "weeks back and ahead, 1 to 12") @RequestParam(defaultValue = "4") int weeks) {
        StaffAccess.requireStaff(actor);
        if (weeks < 1 || weeks > ForecastReview.MAX_WEEKS) {
            throw DomainException.invalid("weeks", "wfdemand.forecast.weeksRange", ForecastReview.MAX_WEEKS);
        }
        ForecastReview.Report report = review.review(weeks);
        List<PastWeek> past = report.weeks().stream().map(w -> new PastWeek(w.monday(), w.actual().start(), w.actual().values(),
                rounded(w.forecast()), w.naive().values(), w.basis(), Errors.of(w.linia(), w.seasonalNaive()))).toList();
        HourlySeries next = report.next().expected();
        List<Day> days = new ArrayList<>();
        for (int d = 0; d * 24 < next.hours(); d++) {
            double sum = 0;
            for (int h = d * 24; h < Math.min(next.hours(), d * 24 + 24); h++) {
                sum += next.value(h);
            }
            days.add(new Day(next.hourAt(d * 24).toLocalDate(), Math.round(sum * 10) / 10.0));
        }
        return new ForecastAnswer(report.today(), report.historyWeeks(), check.zone(), past, Errors.of(report.linia(), report.seasonalNaive()),
                new Next(next.start(), rounded(next), days, report.next().basis(), report.next().detail()));
    }

    private static double[] rounded(HourlySeries series) {
        double[] values = series.values();
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.round(values[i] * 100) / 100.0;
        }
        return values;
    }

    @GetMapping("/staffing")
    @Operation(summary = "Staffing need of a planning period (team leads, administrators): per shift and queue the forecast arrivals, "
            + "Erlang C agents, agents to roster after shrinkage, agents scheduled on the period's roster and the settings in force")
    StaffingCheck.Report staffing(Actor actor, @RequestParam long period) {
        return check.of(actor, period);
    }

    @GetMapping("/staffing/settings")
    @Operation(summary = "The staffing settings in force (team leads, administrators): the planners' or the defaults (stored=false)")
    StaffingSettings settings(Actor actor) {
        StaffAccess.requirePlanner(actor);
        return settings.current();
    }

    @PutMapping("/staffing/settings")
    @Operation(summary = "Save the staffing settings (team leads, administrators); send the version you read (-1 over the defaults)")
    StaffingSettings saveSettings(Actor actor, @RequestBody StaffingSettingsCommand command) {
        return settings.save(actor, command);
    }

    @DeleteMapping("/staffing/settings")
    @Operation(summary = "Back to the defaults of linia.workforce.staffing.* (team leads, administrators)")
    StaffingSettings resetSettings(Actor actor) {
        return settings.reset(actor);
    }

    @GetMapping("/arrivals")
    @Operation(summary = "Imported arrival history batches, the latest first (staff)")
    List<ArrivalBatch> arrivals(Actor actor) {
        return history.batches(actor);
    }

    @PostMapping(value = "/arrivals", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import a CSV of arrival counts as the request body (team leads, administrators): header timestamp,count"
            + "[,channel][,category]; rows 5 minutes to a day apart, summed into hours; timestamps without an offset in `zone`. "
            + "A bad line refuses the whole file (400 at field `file` with `line`), nothing is stored")
    ArrivalBatch importCsv(Actor actor, @RequestBody String csv, @RequestParam String zone, @RequestParam(required = false) String label,
                           @RequestParam(required = false) String fileName) {
        return history.importCsv(actor, label, fileName, zone, new StringReader(csv));
    }

    @PostMapping(value = "/arrivals", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import a CSV of arrival counts uploaded as the part `file` (as the text/csv import)")
    ArrivalBatch importFile(Actor actor, @RequestPart("file") MultipartFile file, @RequestParam String zone,
                            @RequestParam(required = false) String label) throws IOException {
        try (InputStreamReader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8.newDecoder())) {
            return history.importCsv(actor, label, file.getOriginalFilename(), zone, reader);
        }
    }

    @DeleteMapping("/arrivals/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an imported batch with its counts (team leads, administrators)")
    void deleteArrivals(Actor actor, @PathVariable long id) {
        history.delete(actor, id);
    }
}
