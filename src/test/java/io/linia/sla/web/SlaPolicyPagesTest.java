package io.linia.sla.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.routing.BusinessCalendars;
import io.linia.routing.CalendarView;
import io.linia.routing.GroupCommand;
import io.linia.routing.GroupRef;
import io.linia.routing.RoutingAdministration;
import io.linia.routing.RoutingDirectory;
import io.linia.sla.ServiceLevels;
import io.linia.sla.SlaPolicyCommand;
import io.linia.sla.SlaPolicyView;
import io.linia.support.StoreTest;
import io.linia.support.WebSession;
import io.linia.tickets.Line;
import io.linia.tickets.Priority;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Admins create and change SLA policies through the form on /agent/sla/policies: targets in minutes,
 * hours or days, business time by a chosen calendar, breach actions; bad input is shown at its field
 * and saves nothing; a stale form is refused with what is stored now; team leads only read. The list
 * shows which policy applies to which queue and flags gaps and policies that never apply.
 */
@StoreTest
class SlaPolicyPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    ServiceLevels levels;
    @Autowired
    RoutingAdministration routingAdmin;
    @Autowired
    RoutingDirectory routing;
    @Autowired
    BusinessCalendars calendars;
    @Autowired
    UserDirectory users;

    Actor admin;

    @BeforeEach
    void setUp() {
        admin = users.userByLogin("admin").orElseThrow().toActor();
    }

    @Test
    void adminCreatesAPolicyInHoursAndDaysWithBreachActionsAndTheListShowsItsQueue() {
        GroupRef group = newGroup("Сроки-форма");
        GroupRef spam = routing.groupByCode("spam").orElseThrow();
        CalendarView weekdays = calendar("Вторая линия, будни");
        long lead = users.userByLogin("lead").orElseThrow().id();
        WebSession web = WebSession.signedIn(port, "admin");
        assertThat(web.get("/agent/sla/policies").body()).contains("id=\"new-policy\"");
        assertThat(web.get("/agent/sla/policies/new").statusCode()).isEqualTo(200);

        Map<String, String> form = form("Форма: высокий " + group.code(), "group:" + group.id(), "HIGH");
        form.put("firstResponse", "1,5");
        form.put("firstResponseUnit", "HOURS");
        form.put("nextResponse", "45");
        form.put("nextResponseUnit", "MINUTES");
        form.put("resolution", "2");
        form.put("resolutionUnit", "DAYS");
        form.put("calendarId", String.valueOf(weekdays.id()));
        form.put("raisePriority", "true");
        form.put("moveToGroupId", String.valueOf(spam.id()));
        form.put("notifyAssignee", "true");
        form.put("notifyUserId", String.valueOf(lead));
        HttpResponse<String> saved = web.post("/agent/sla/policies", form);

        assertThat(saved.statusCode()).isEqualTo(302);
        SlaPolicyView p = byName("Форма: высокий " + group.code());
        assertThat(p.line()).isEqualTo(Line.SECOND);
        assertThat(p.groupId()).isEqualTo(group.id());
        assertThat(p.priority()).isEqualTo(Priority.HIGH);
        assertThat(p.categoryId()).isNull();
        assertThat(p.firstResponseMinutes()).isEqualTo(90);
        assertThat(p.nextResponseMinutes()).isEqualTo(45);
        assertThat(p.resolutionMinutes()).isNull();
        assertThat(p.resolutionDays()).isEqualTo(2);
        assertThat(p.businessTime()).isTrue();
        assertThat(p.calendarId()).isEqualTo(weekdays.id());
        assertThat(p.raisePriority()).isTrue();
        assertThat(p.moveToGroupId()).isEqualTo(spam.id());
        assertThat(p.notifyAssignee()).isTrue();
        assertThat(p.notifyUserId()).isEqualTo(lead);
        assertThat(p.active()).isTrue();

        HttpResponse<String> list = web.get("/agent/sla/policies");
        assertThat(list.body()).contains("Политика «Форма: высокий " + group.code() + "» сохранена")
                .contains("1 ч 30 мин").contains("45 мин").contains("2 раб. дн.")
                .contains("рабочее: Вторая линия, будни").contains("передать в группу «Спам и блокировки»")
                .contains("уведомить исполнителя").contains("уведомить: Елена Морозова");
        // the coverage table: the group's HIGH cell names the new policy, its other priorities the generic second-line one
        String row = coverageRow(list.body(), group.nameRu());
        assertThat(row).contains("#policy-" + p.id()).contains("Вторая линия").doesNotContain("coverage-gap");

        // the edit form shows the policy as entered: hours and days, not raw minutes
        String edit = web.get("/agent/sla/policies/" + p.id()).body();
        assertThat(edit).containsPattern("id=\"firstResponse\"[^>]*value=\"90\"|value=\"90\"[^>]*id=\"firstResponse\"");
        assertThat(edit).containsPattern("<option value=\"DAYS\" selected=\"selected\"");
        assertThat(edit).containsPattern("value=\"" + weekdays.id() + "\" selected=\"selected\"");
    }

    @Test
    void badInputIsShownNextToItsFieldAndNothingIsSaved() {
        GroupRef group = newGroup("Сроки-ошибки");
        WebSession web = WebSession.signedIn(port, "admin");
        web.get("/agent/sla/policies/new");
        int before = levels.policies(admin).size();

        Map<String, String> form = form("", "group:" + group.id(), "");
        form.put("firstResponse", "полчаса");
        form.put("nextResponse", "0");
        form.put("resolution", "1,5");
        form.put("resolutionUnit", "DAYS");
        form.put("moveToGroupId", String.valueOf(group.id()));
        HttpResponse<String> refused = web.post("/agent/sla/policies", form);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"form-problem\"");
        assertThat(feedback(refused.body(), "name")).isNotBlank();
        assertThat(feedback(refused.body(), "firstResponse")).isEqualTo("«полчаса» — не число");
        assertThat(feedback(refused.body(), "nextResponse")).isEqualTo("Срок — от 1 минуты до 365 суток (525 600 минут)");
        assertThat(feedback(refused.body(), "resolution")).isEqualTo("Укажите целое число дней");
        assertThat(feedback(refused.body(), "moveToGroupId")).isEqualTo("Заявка уже в этой группе: выберите другую или «не передавать»");
        assertThat(refused.body()).containsPattern("id=\"name\"[^>]*is-invalid|is-invalid[^>]*id=\"name\"");
        // what was typed comes back as typed
        assertThat(refused.body()).containsPattern("id=\"firstResponse\"[^>]*value=\"полчаса\"|value=\"полчаса\"[^>]*id=\"firstResponse\"");

        Map<String, String> noTarget = form("Без сроков", "FIRST", "LOW");
        HttpResponse<String> empty = web.post("/agent/sla/policies", noTarget);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(feedback(empty.body(), "firstResponse")).isEqualTo("Задайте хотя бы один срок");

        Map<String, String> fractional = form("Дробные минуты", "FIRST", "LOW");
        fractional.put("firstResponse", "0,01");
        fractional.put("firstResponseUnit", "HOURS");
        assertThat(feedback(web.post("/agent/sla/policies", fractional).body(), "firstResponse"))
                .isEqualTo("Срок должен быть целым числом минут");

        assertThat(levels.policies(admin)).hasSize(before);
    }

    @Test
    void aStaleFormIsRefusedWithWhatIsStoredNowAndSavingAgainReplacesIt() {
        GroupRef group = newGroup("Сроки-спор");
        SlaPolicyView p = levels.create(admin, new SlaPolicyCommand("Спорная " + group.code(), Line.SECOND, group.id(), null,
                null, 60, null, null, null, true, null, false, null, true, null));
        WebSession mine = WebSession.signedIn(port, "admin");
        WebSession theirs = WebSession.signedIn(port, "admin");
        String opened = version(mine.get("/agent/sla/policies/" + p.id()).body());
        String theirsOpened = version(theirs.get("/agent/sla/policies/" + p.id()).body());
        assertThat(opened).isEqualTo(String.valueOf(p.version())).isEqualTo(theirsOpened);

        Map<String, String> first = form("Спорная " + group.code(), "group:" + group.id(), "");
        first.put("firstResponse", "2");
        first.put("firstResponseUnit", "HOURS");
        first.put("version", theirsOpened);
        assertThat(theirs.post("/agent/sla/policies/" + p.id(), first).statusCode()).isEqualTo(302);

        Map<String, String> late = form("Спорная " + group.code(), "group:" + group.id(), "");
        late.put("firstResponse", "15");
        late.put("version", opened);
        HttpResponse<String> refused = mine.post("/agent/sla/policies/" + p.id(), late);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("id=\"conflict\"").contains("изменил кто-то другой, пока вы её правили")
                .contains("2 ч"); // what is stored now
        assertThat(refused.body()).containsPattern("id=\"firstResponse\"[^>]*value=\"15\"|value=\"15\"[^>]*id=\"firstResponse\"");
        SlaPolicyView stored = levels.policy(admin, p.id());
        assertThat(stored.firstResponseMinutes()).isEqualTo(120);

        // the refused form now carries the current version: saving it again is a deliberate replacement
        String current = version(refused.body());
        assertThat(current).isEqualTo(String.valueOf(stored.version()));
        late.put("version", current);
        assertThat(mine.post("/agent/sla/policies/" + p.id(), late).statusCode()).isEqualTo(302);
        assertThat(levels.policy(admin, p.id()).firstResponseMinutes()).isEqualTo(15);
    }

    @Test
    void teamLeadsReadThePoliciesButCannotCreateOrChangeThem() {
        SlaPolicyView firstLine = levels.policies(admin).stream().filter(p -> p.line() == Line.FIRST).findFirst().orElseThrow();
        int before = levels.policies(admin).size();
        WebSession lead = WebSession.signedIn(port, "lead");

        HttpResponse<String> list = lead.get("/agent/sla/policies");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(firstLine.name()).contains("id=\"read-only\"").contains("id=\"coverage\"")
                .doesNotContain("id=\"new-policy\"").doesNotContain("id=\"edit-" + firstLine.id() + "\"");
        assertThat(lead.get("/agent/sla/policies/new").statusCode()).isEqualTo(403);
        assertThat(lead.get("/agent/sla/policies/" + firstLine.id()).statusCode()).isEqualTo(403);

        Map<String, String> form = form("Руководитель", "FIRST", "LOW");
        form.put("firstResponse", "5");
        assertThat(lead.post("/agent/sla/policies", form).statusCode()).isEqualTo(403);
        form.put("version", String.valueOf(firstLine.version()));
        assertThat(lead.post("/agent/sla/policies/" + firstLine.id(), form).statusCode()).isEqualTo(403);
        WebSession agent = WebSession.signedIn(port, "l1");
        agent.get("/agent/sla/policies");
        assertThat(agent.post("/agent/sla/policies", form).statusCode()).isEqualTo(403);

        assertThat(levels.policies(admin)).hasSize(before);
        assertThat(levels.policy(admin, firstLine.id())).isEqualTo(firstLine);
        assertThat(WebSession.signedIn(port, "admin").get("/agent/sla/policies/999999").statusCode()).isEqualTo(404);
    }

    @Test
    void switchingTheGenericSecondLinePolicyOffShowsTheGapsAndACopyIsFlaggedAsNeverApplying() {
        SlaPolicyView generic = levels.policies(admin).stream()
                .filter(p -> p.line() == Line.SECOND && p.groupId() == null && p.priority() == null && p.categoryId() == null)
                .findFirst().orElseThrow();
        GroupRef web = routing.groupByCode("web").orElseThrow();
        WebSession session = WebSession.signedIn(port, "admin");
        assertThat(coverageRow(session.get("/agent/sla/policies").body(), web.nameRu())).doesNotContain("coverage-gap");
        try {
            String edit = session.get("/agent/sla/policies/" + generic.id()).body();
            Map<String, String> off = formFields(edit);
            off.remove("active");
            assertThat(session.post("/agent/sla/policies/" + generic.id(), off).statusCode()).isEqualTo(302);
            assertThat(levels.policy(admin, generic.id()).active()).isFalse();
            assertThat(levels.policy(admin, generic.id()).firstResponseMinutes()).isEqualTo(generic.firstResponseMinutes());

            String list = session.get("/agent/sla/policies").body();
            assertThat(list).contains("id=\"coverage-gaps\"");
            assertThat(Pattern.compile("coverage-gap").matcher(coverageRow(list, web.nameRu())).results().count()).isEqualTo(4);
            // access recovery has its own policy: no gap there
            assertThat(coverageRow(list, routing.groupByCode("recovery").orElseThrow().nameRu())).doesNotContain("coverage-gap");
        } finally {
            SlaPolicyView now = levels.policy(admin, generic.id());
            SlaPolicyCommand on = now.toCommand();
            levels.update(admin, generic.id(), new SlaPolicyCommand(on.name(), on.line(), on.groupId(), on.priority(),
                    on.categoryId(), on.firstResponseMinutes(), on.nextResponseMinutes(), on.resolutionMinutes(),
                    on.resolutionDays(), on.businessTime(), on.calendarId(), on.raisePriority(), on.moveToGroupId(),
                    on.notifyAssignee(), on.notifyUserId(), true, now.version()));
        }

        // a copy covers the same tickets as the original: it never applies, and the list says why
        String copyForm = session.get("/agent/sla/policies/new?copy=" + generic.id()).body();
        assertThat(copyForm).contains("value=\"" + generic.name() + " (копия)\"");
        Map<String, String> copy = formFields(copyForm);
        assertThat(copy.get("version")).isEmpty();
        HttpResponse<String> saved = session.post("/agent/sla/policies", copy);
        assertThat(saved.statusCode()).isEqualTo(302);
        SlaPolicyView created = byName(generic.name() + " (копия)");
        assertThat(created.id()).isNotEqualTo(generic.id());
        assertThat(created.firstResponseMinutes()).isEqualTo(generic.firstResponseMinutes());
        assertThat(created.resolutionDays()).isEqualTo(generic.resolutionDays());
        String list = session.get("/agent/sla/policies").body();
        Matcher row = Pattern.compile("id=\"policy-" + created.id() + "\".*?</tr>", Pattern.DOTALL).matcher(list);
        assertThat(row.find()).isTrue();
        assertThat(row.group()).contains("не применяется: те же заявки покрывает «" + generic.name() + "»");
        SlaPolicyCommand c = created.toCommand();
        levels.update(admin, created.id(), new SlaPolicyCommand(c.name(), c.line(), c.groupId(), c.priority(), c.categoryId(),
                c.firstResponseMinutes(), c.nextResponseMinutes(), c.resolutionMinutes(), c.resolutionDays(), c.businessTime(),
                c.calendarId(), c.raisePriority(), c.moveToGroupId(), c.notifyAssignee(), c.notifyUserId(), false, created.version()));
    }

    @Test
    void theFormAndItsRefusalsSpeakEnglish() {
        WebSession web = WebSession.signedIn(port, "admin");
        HttpResponse<String> page = web.get("/agent/sla/policies/new?lang=en");
        assertThat(page.body()).contains("New SLA policy").contains("First response").contains("Business time by a calendar")
                .contains("do not move").doesNotContain("Первый ответ");
        Map<String, String> form = form("English", "FIRST", "LOW");
        form.put("firstResponse", "99999999");
        HttpResponse<String> refused = web.post("/agent/sla/policies", form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(feedback(refused.body(), "firstResponse")).isEqualTo("A target is from 1 minute to 365 days (525,600 minutes)");
        assertThat(web.get("/agent/sla/policies").body()).contains("Which policy applies to which queue");
    }

    // ------------------------------------------------------------------ helpers

    private GroupRef newGroup(String name) {
        String code = "sla-" + UUID.randomUUID().toString().substring(0, 8);
        return routingAdmin.createGroup(new GroupCommand(code, name + " " + code, name + " " + code, "", true));
    }

    private CalendarView calendar(String name) {
        return calendars.all().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private SlaPolicyView byName(String name) {
        List<SlaPolicyView> found = levels.policies(admin).stream().filter(p -> p.name().equals(name)).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    /** A form with a queue and priority, business time by the default calendar, active, no targets. */
    private static Map<String, String> form(String name, String queue, String priority) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("active", "true");
        form.put("queue", queue);
        form.put("priority", priority);
        form.put("categoryId", "");
        form.put("firstResponse", "");
        form.put("firstResponseUnit", "MINUTES");
        form.put("nextResponse", "");
        form.put("nextResponseUnit", "MINUTES");
        form.put("resolution", "");
        form.put("resolutionUnit", "HOURS");
        form.put("time", "BUSINESS");
        form.put("calendarId", "");
        form.put("moveToGroupId", "");
        form.put("notifyUserId", "");
        form.put("version", "");
        return form;
    }

    /** The fields a browser would send for the form as shown: inputs' values, checked boxes and radios, selected options. */
    private static Map<String, String> formFields(String html) {
        String form = html.substring(html.indexOf("id=\"policy-form\""), html.indexOf("</form>", html.indexOf("id=\"policy-form\"")));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher inputs = Pattern.compile("<input([^>]*)>").matcher(form);
        while (inputs.find()) {
            String tag = inputs.group(1);
            String name = attribute(tag, "name");
            String type = attribute(tag, "type");
            if (name == null) {
                continue;
            }
            if (("checkbox".equals(type) || "radio".equals(type)) && !tag.contains("checked")) {
                continue;
            }
            String value = attribute(tag, "value");
            fields.put(name, value == null ? ("checkbox".equals(type) ? "on" : "") : unescape(value));
        }
        Matcher selects = Pattern.compile("<select([^>]*)>(.*?)</select>", Pattern.DOTALL).matcher(form);
        while (selects.find()) {
            String name = attribute(selects.group(1), "name");
            Matcher selected = Pattern.compile("<option value=\"([^\"]*)\" selected=\"selected\"").matcher(selects.group(2));
            Matcher firstOption = Pattern.compile("<option value=\"([^\"]*)\"").matcher(selects.group(2));
            fields.put(name, selected.find() ? unescape(selected.group(1)) : firstOption.find() ? unescape(firstOption.group(1)) : "");
        }
        return fields;
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? m.group(1) : null;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** The text of the message shown under a field ({@code <field>-error}). */
    private static String feedback(String html, String field) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(field) + "-error\"[^>]*>([^<]*)<").matcher(html);
        assertThat(m.find()).as("feedback element of " + field).isTrue();
        return unescape(m.group(1)).strip();
    }

    private static String version(String html) {
        Matcher m = Pattern.compile("name=\"version\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** The coverage table's row of one queue, from its name to the end of the row. */
    private static String coverageRow(String html, String queue) {
        String table = html.substring(html.indexOf("id=\"coverage\""));
        Matcher m = Pattern.compile(">" + Pattern.quote(queue) + "</th>(.*?)</tr>", Pattern.DOTALL).matcher(table);
        assertThat(m.find()).as("coverage row of " + queue).isTrue();
        return m.group(1);
    }
}
