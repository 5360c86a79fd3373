package io.linia.routing.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.routing.BusinessCalendar;
import io.linia.routing.BusinessCalendars;
import io.linia.routing.CalendarView;
import io.linia.support.StoreTest;
import io.linia.support.WebSession;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Administrators edit business calendars through the pages; the seeded ones are there; bad input and stale forms change nothing. */
@StoreTest
class CalendarAdminPagesTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @LocalServerPort
    int port;

    @Autowired
    BusinessCalendars calendars;

    @Test
    void theSeededCalendarsAreListedAndTheDefaultOneWorksShiftsOnWeekendsAndHolidays() {
        HttpResponse<String> list = WebSession.signedIn(port, "admin").get("/admin/calendars");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Поддержка (Москва)").contains("Вторая линия, будни").contains("09:00–21:00")
                .contains("10:00–18:00").contains("Europe/Moscow");
        BusinessCalendar support = calendars.defaultCalendar();
        assertThat(support.name()).isEqualTo("Поддержка (Москва)");
        // the example: created Friday 20:50 with a 60-minute target, due at Saturday's shift start + 50 minutes
        assertThat(support.plus(msk("2026-11-27T20:50"), Duration.ofMinutes(60))).isEqualTo(msk("2026-11-28T10:50"));
        assertThat(support.between(msk("2026-01-01T00:00"), msk("2026-01-02T00:00"))).isEqualTo(Duration.ofHours(8));
        BusinessCalendar secondLine = calendars.all().stream().filter(c -> c.name().equals("Вторая линия, будни"))
                .map(c -> calendars.byId(c.id())).findFirst().orElseThrow();
        assertThat(secondLine.isOpen(msk("2026-06-12T12:00"))).isFalse();
        assertThat(secondLine.plusDays(msk("2026-11-02T10:00"), 5)).isEqualTo(msk("2026-11-09T18:00"));
    }

    @Test
    void adminCreatesACalendarWithHolidaysAndTheMathsUsesItAtOnce() {
        WebSession admin = WebSession.signedIn(port, "admin");
        admin.get("/admin/calendars/new");
        Map<String, String> form = form("Ночная смена", "Asia/Novosibirsk", "", 2026);
        form.put("week.MONDAY", "09:00–13:00, 14:00–18:00");
        form.put("week.FRIDAY", "22:00–00:00");
        form.put("rows", "2");
        form.put("h0.date", "2026-12-31");
        form.put("h0.name", "Канун Нового года");
        form.put("h0.hours", "10:00–12:00");

        HttpResponse<String> saved = admin.post("/admin/calendars", form);

        assertThat(saved.statusCode()).isEqualTo(302);
        CalendarView view = byName("Ночная смена");
        assertThat(view.zone()).isEqualTo("Asia/Novosibirsk");
        assertThat(view.hoursText(DayOfWeek.MONDAY)).isEqualTo("09:00–13:00, 14:00–18:00");
        assertThat(view.hoursText(DayOfWeek.FRIDAY)).isEqualTo("22:00–24:00");
        assertThat(view.holidays()).singleElement().satisfies(h -> {
            assertThat(h.date()).isEqualTo(LocalDate.parse("2026-12-31"));
            assertThat(h.closed()).isFalse();
        });
        HttpResponse<String> page = admin.get(saved.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
        assertThat(page.body()).contains("Календарь «Ночная смена» сохранён").contains("Канун Нового года").contains("22:00–24:00");
        // 31 December 2026 is a Thursday: open only 10–12 local time (UTC+7)
        BusinessCalendar calendar = calendars.byId(view.id());
        ZoneId novosibirsk = ZoneId.of("Asia/Novosibirsk");
        assertThat(calendar.between(LocalDate.parse("2026-12-31").atStartOfDay(novosibirsk).toInstant(),
                LocalDate.parse("2027-01-01").atStartOfDay(novosibirsk).toInstant())).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void anAdminEditsOneYearsHolidaysAndKeepsTheOtherYears() {
        WebSession admin = WebSession.signedIn(port, "admin");
        admin.get("/admin/calendars/new");
        Map<String, String> form = form("Праздники по годам", "Europe/Moscow", "", 2026);
        form.put("week.TUESDAY", "09:00–18:00");
        form.put("rows", "1");
        form.put("h0.date", "2026-05-01");
        form.put("h0.name", "Первомай");
        assertThat(admin.post("/admin/calendars", form).statusCode()).isEqualTo(302);
        long id = byName("Праздники по годам").id();

        HttpResponse<String> year2027 = admin.get("/admin/calendars/" + id + "?year=2027");
        assertThat(year2027.body()).doesNotContain("Первомай");
        Map<String, String> next = form("Праздники по годам", "Europe/Moscow", version(year2027.body()), 2027);
        next.put("week.TUESDAY", "09:00–18:00");
        next.put("rows", "1");
        next.put("h0.date", "2027-01-01");
        next.put("h0.name", "Новый год");
        assertThat(admin.post("/admin/calendars/" + id, next).statusCode()).isEqualTo(302);
        assertThat(byName("Праздники по годам").holidays()).extracting(CalendarView.Holiday::name).containsExactly("Первомай", "Новый год");

        HttpResponse<String> year2026 = admin.get("/admin/calendars/" + id + "?year=2026");
        Map<String, String> remove = form("Праздники по годам", "Europe/Moscow", version(year2026.body()), 2026);
        remove.put("week.TUESDAY", "09:00–18:00");
        remove.put("rows", "1");
        remove.put("h0.date", "2026-05-01");
        remove.put("h0.name", "Первомай");
        remove.put("h0.remove", "on");
        assertThat(admin.post("/admin/calendars/" + id, remove).statusCode()).isEqualTo(302);
        assertThat(byName("Праздники по годам").holidays()).extracting(CalendarView.Holiday::name).containsExactly("Новый год");
    }

    @Test
    void badInputIsShownAtItsFieldsAndNothingIsSaved() {
        WebSession admin = WebSession.signedIn(port, "admin");
        CalendarView before = byName("Вторая линия, будни");
        admin.get("/admin/calendars/" + before.id());
        Map<String, String> form = form("Вторая линия, будни", "Moscow/Kremlin", String.valueOf(before.version()), 2026);
        form.put("week.MONDAY", "09:00–18:00, 17:00–19:00");
        form.put("week.TUESDAY", "девять-шесть");
        form.put("rows", "1");
        form.put("h0.date", "2026-05-01");
        form.put("h0.name", "");
        form.put("h0.hours", "18:00–10:00");

        HttpResponse<String> refused = admin.post("/admin/calendars/" + before.id(), form);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Неизвестный часовой пояс «Moscow/Kremlin»")
                .contains("Интервалы 09:00–18:00 и 17:00–19:00 пересекаются")
                .contains("Не удалось прочитать «девять-шесть»")
                .contains("Укажите название дня")
                .contains("Интервал «18:00–10:00» заканчивается не позже, чем начинается")
                .containsPattern("id=\"zone\"[^>]*is-invalid|is-invalid\"[^>]*id=\"zone\"");
        CalendarView after = byName("Вторая линия, будни");
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.hoursText(DayOfWeek.MONDAY)).isEqualTo("09:00–18:00");

        Map<String, String> never = form("Никогда", "Europe/Moscow", "", 2026);
        never.put("rows", "0");
        admin.get("/admin/calendars/new");
        HttpResponse<String> neverOpen = admin.post("/admin/calendars", never);
        assertThat(neverOpen.statusCode()).isEqualTo(400);
        assertThat(neverOpen.body()).contains("Календарь ни разу не открыт");
        assertThat(calendars.all()).noneMatch(c -> c.name().equals("Никогда"));

        Map<String, String> taken = form("Поддержка (Москва)", "Europe/Moscow", "", 2026);
        taken.put("week.MONDAY", "09:00–18:00");
        taken.put("rows", "0");
        HttpResponse<String> duplicate = admin.post("/admin/calendars", taken);
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(duplicate.body()).contains("Календарь «Поддержка (Москва)» уже есть");
    }

    @Test
    void aStaleFormIsRefusedAndShowsWhatIsStoredNow() {
        WebSession admin = WebSession.signedIn(port, "admin");
        WebSession other = WebSession.signedIn(port, "admin");
        admin.get("/admin/calendars/new");
        Map<String, String> form = form("Спорный", "Europe/Moscow", "", 2026);
        form.put("week.WEDNESDAY", "10:00–16:00");
        form.put("rows", "0");
        admin.post("/admin/calendars", form);
        long id = byName("Спорный").id();
        String opened = version(admin.get("/admin/calendars/" + id).body());
        other.get("/admin/calendars/" + id);

        Map<String, String> first = form("Спорный", "Europe/Moscow", opened, 2026);
        first.put("week.WEDNESDAY", "11:00–17:00");
        first.put("rows", "0");
        assertThat(other.post("/admin/calendars/" + id, first).statusCode()).isEqualTo(302);
        Map<String, String> late = form("Спорный", "Europe/Moscow", opened, 2026);
        late.put("week.WEDNESDAY", "08:00–20:00");
        late.put("rows", "0");
        HttpResponse<String> refused = admin.post("/admin/calendars/" + id, late);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("только что изменил кто-то другой").contains("11:00–17:00");
        assertThat(byName("Спорный").hoursText(DayOfWeek.WEDNESDAY)).isEqualTo("11:00–17:00");
    }

    @Test
    void thePagesSpeakEnglishAndAreForAdministratorsOnly() {
        WebSession admin = WebSession.signedIn(port, "admin");
        admin.get("/admin/calendars?lang=en");
        HttpResponse<String> page = admin.get("/admin/calendars/" + byName("Поддержка (Москва)").id());

        assertThat(page.body()).contains("Opening hours per weekday").contains("Holidays and special days").contains("Saturday")
                .contains("Calendars").doesNotContain("Понедельник");
        assertThat(WebSession.signedIn(port, "lead").get("/admin/calendars").statusCode()).isEqualTo(403);
        assertThat(admin.get("/admin/calendars/999999").statusCode()).isEqualTo(404);
    }

    private CalendarView byName(String name) {
        return calendars.all().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static Map<String, String> form(String name, String zone, String version, int year) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("zone", zone);
        form.put("version", version);
        form.put("year", String.valueOf(year));
        return form;
    }

    private static String version(String page) {
        Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
        assertThat(m.find()).as("version field").isTrue();
        return m.group(1);
    }

    private static java.time.Instant msk(String local) {
        return LocalDateTime.parse(local).atZone(MOSCOW).toInstant();
    }
}
