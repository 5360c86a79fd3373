package io.linia.automation.web;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.automation.AutomationRules;
import io.linia.automation.RuleAction;
import io.linia.automation.RuleCommand;
import io.linia.automation.RuleCondition;
import io.linia.automation.RuleTrigger;
import io.linia.automation.RuleView;
import io.linia.knowledge.CannedAnswerView;
import io.linia.knowledge.CannedAnswers;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.tickets.Channel;
import io.linia.tickets.Priority;
import io.linia.tickets.TicketState;
import io.linia.web.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rules' pages: the list in running order with what each did in the last week (team leads and
 * admins), the form (admins) and a rule's run log. The form has rows of conditions and actions; a row
 * names its field (or action) and takes its value from the list of that field's values or, for words
 * and tags, from a text box. A problem is shown next to its row; nothing is saved.
 */
@Controller
@RequestMapping("/agent/automation")
class RuleAdminController {

    private static final int BLANK_ROWS = 2;
    private static final Pattern ROW_FIELD = Pattern.compile("(conditions|actions)\\[(\\d+)]\\.(\\w+)");

    /** One row of the form as typed; {@code choice} is "FIELD:value" from the list, {@code word} the text box. */
    record Row(String kind, String operator, String choice, String word, String text) {

        boolean blank() {
            return kind == null || kind.isBlank();
        }
    }

    record RuleForm(String name, String description, String trigger, String idleMinutes, String position, boolean active,
                    boolean stopAfter, Long version, List<Row> conditions, List<Row> actions) {
    }

    /** A value a list offers: its group (the field or action it belongs to), its value and its label. */
    record Choice(String group, String value, String label) {
    }

    private final AutomationRules rules;
    private final RoutingDirectory routing;
    private final UserDirectory users;
    private final CannedAnswers canned;
    private final Refusals refusals;

    RuleAdminController(AutomationRules rules, RoutingDirectory routing, UserDirectory users, CannedAnswers canned,
                        Refusals refusals) {
        this.rules = rules;
        this.routing = routing;
        this.users = users;
        this.canned = canned;
        this.refusals = refusals;
    }

    @GetMapping
    String list(Actor actor, Model model) {
        model.addAttribute("rules", rules.list(actor));
        model.addAttribute("canEdit", AutomationRules.canEdit(actor));
        model.addAttribute("labels", labels(actor));
        return "automation/rules";
    }

    @GetMapping("/new")
    String create(Actor actor, Model model) {
        requireEditor(actor);
        return form(actor, model, new RuleForm("", "", RuleTrigger.CREATED.name(), "", "", true, false, null,
                withBlank(List.of()), withBlank(List.of())), null, Map.of());
    }

    @GetMapping("/{id}")
    String edit(Actor actor, @PathVariable long id, Model model) {
        RuleView rule = rules.get(actor, id);
        if (!AutomationRules.canEdit(actor)) {
            return "redirect:/agent/automation/" + id + "/runs";
        }
        return form(actor, model, formOf(rule), rule, Map.of());
    }

    @GetMapping("/{id}/runs")
    String runs(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "false") boolean failed, Model model) {
        model.addAttribute("rule", rules.get(actor, id));
        model.addAttribute("runs", rules.runs(actor, id, failed, 200));
        model.addAttribute("failedOnly", failed);
        model.addAttribute("canEdit", AutomationRules.canEdit(actor));
        model.addAttribute("labels", labels(actor));
        return "automation/runs";
    }

    @PostMapping({"", "/{id}"})
    String save(Actor actor, @PathVariable(required = false) Long id, @RequestParam Map<String, String> params, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        requireEditor(actor);
        RuleView current = id == null ? null : rules.get(actor, id);
        RuleForm form = read(params);
        Map<String, String> errors = new LinkedHashMap<>();
        List<Integer> conditionRows = new ArrayList<>();
        List<Integer> actionRows = new ArrayList<>();
        RuleCommand command = command(form, errors, conditionRows, actionRows);
        if (errors.isEmpty()) {
            try {
                RuleView saved = id == null ? rules.create(actor, command) : rules.update(actor, id, command);
                redirect.addFlashAttribute("success", refusals.text("automation.saved"));
                return "redirect:/agent/automation/" + saved.id();
            } catch (DomainException e) {
                if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
                    throw e;
                }
                if (e.kind() == DomainException.Kind.CONFLICT && current != null) {
                    RuleView now = rules.get(actor, current.id());
                    response.setStatus(409);
                    model.addAttribute("problem", refusals.explain(e));
                    return form(actor, model, formOf(now), now, Map.of());
                }
                errors.put(formField(e.field(), conditionRows, actionRows), refusals.explain(e));
            }
        }
        response.setStatus(400);
        return form(actor, model, form, current, errors);
    }

    @PostMapping("/{id}/delete")
    String delete(Actor actor, @PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        rules.delete(actor, id, version);
        redirect.addFlashAttribute("success", refusals.text("automation.deleted"));
        return "redirect:/agent/automation";
    }

    @PostMapping("/idle/run")
    String runIdle(Actor actor, RedirectAttributes redirect) {
        int applied = rules.runIdleRulesNow(actor);
        redirect.addFlashAttribute("success", refusals.text("automation.ranIdle", applied));
        return "redirect:/agent/automation";
    }

    // ---------------------------------------------------------------- form ↔ command

    private static RuleCommand command(RuleForm form, Map<String, String> errors, List<Integer> conditionRows,
                                       List<Integer> actionRows) {
        RuleTrigger trigger = null;
        try {
            trigger = RuleTrigger.valueOf(form.trigger());
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.put("trigger", "—");
        }
        Integer idle = number(form.idleMinutes(), "idleMinutes", errors);
        Integer position = number(form.position(), "position", errors);
        List<RuleCondition> conditions = new ArrayList<>();
        for (int i = 0; i < form.conditions().size(); i++) {
            Row r = form.conditions().get(i);
            if (r.blank()) {
                continue;
            }
            try {
                RuleCondition.Field field = RuleCondition.Field.valueOf(r.kind());
                RuleCondition.Operator op = r.operator() == null || r.operator().isBlank() ? field.operators().get(0)
                        : RuleCondition.Operator.valueOf(r.operator());
                boolean typed = field == RuleCondition.Field.TEXT || field == RuleCondition.Field.CUSTOMER_TAG
                        || field == RuleCondition.Field.TICKET_TAG;
                conditions.add(new RuleCondition(field, op, typed ? r.word() : chosen(r.choice(), field.name())));
                conditionRows.add(i);
            } catch (IllegalArgumentException e) {
                errors.put("c" + i + ".kind", "—");
            }
        }
        List<RuleAction> actions = new ArrayList<>();
        for (int i = 0; i < form.actions().size(); i++) {
            Row r = form.actions().get(i);
            if (r.blank()) {
                continue;
            }
            try {
                RuleAction.Type type = RuleAction.Type.valueOf(r.kind());
                String value = type == RuleAction.Type.ADD_TAG ? r.word() : chosen(r.choice(), type.name());
                actions.add(new RuleAction(type, value, type == RuleAction.Type.NOTIFY ? r.text() : null));
                actionRows.add(i);
            } catch (IllegalArgumentException e) {
                errors.put("a" + i + ".kind", "—");
            }
        }
        return new RuleCommand(form.name(), form.description(), trigger, trigger == RuleTrigger.IDLE ? idle : null,
                conditions, actions, form.active(), form.stopAfter(), position, form.version());
    }

    /** The list's value when it belongs to this field or action ("GROUP:12" → "12"), else nothing chosen. */
    private static String chosen(String choice, String group) {
        if (choice == null || !choice.startsWith(group + ":")) {
            return null;
        }
        return choice.substring(group.length() + 1);
    }

    private static RuleForm formOf(RuleView r) {
        List<Row> conditions = r.conditions().stream().map(c -> {
            boolean typed = c.field() == RuleCondition.Field.TEXT || c.field() == RuleCondition.Field.CUSTOMER_TAG
                    || c.field() == RuleCondition.Field.TICKET_TAG;
            return new Row(c.field().name(), c.operator().name(), typed ? "" : c.field().name() + ":" + c.value(),
                    typed ? c.value() : "", "");
        }).toList();
        List<Row> actions = r.actions().stream().map(a -> new Row(a.type().name(), "",
                a.type() == RuleAction.Type.ADD_TAG ? "" : a.type().name() + ":" + a.value(),
                a.type() == RuleAction.Type.ADD_TAG ? a.value() : "", a.text() == null ? "" : a.text())).toList();
        return new RuleForm(r.name(), r.description() == null ? "" : r.description(), r.trigger().name(),
                r.idleMinutes() == null ? "" : String.valueOf(r.idleMinutes()), String.valueOf(r.position()), r.active(),
                r.stopAfter(), r.version(), withBlank(conditions), withBlank(actions));
    }

    private static RuleForm read(Map<String, String> p) {
        List<Row> conditions = new ArrayList<>();
        for (int i = 0; i < Math.min(count(p.get("crows")), 40); i++) {
            conditions.add(new Row(p.get("c" + i + ".kind"), p.get("c" + i + ".operator"), p.get("c" + i + ".choice"),
                    p.getOrDefault("c" + i + ".word", ""), ""));
        }
        List<Row> actions = new ArrayList<>();
        for (int i = 0; i < Math.min(count(p.get("arows")), 20); i++) {
            actions.add(new Row(p.get("a" + i + ".kind"), "", p.get("a" + i + ".choice"), p.getOrDefault("a" + i + ".word", ""),
                    p.getOrDefault("a" + i + ".text", "")));
        }
        String version = p.get("version");
        Long v = null;
        if (version != null && !version.isBlank()) {
            try {
                v = Long.parseLong(version.strip());
            } catch (NumberFormatException ignored) {
                v = -1L;
            }
        }
        return new RuleForm(p.getOrDefault("name", ""), p.getOrDefault("description", ""), p.getOrDefault("trigger", ""),
                p.getOrDefault("idleMinutes", ""), p.getOrDefault("position", ""), p.containsKey("active"),
                p.containsKey("stopAfter"), v, conditions, actions);
    }

    private static List<Row> withBlank(List<Row> rows) {
        List<Row> all = new ArrayList<>(rows);
        for (int i = 0; i < BLANK_ROWS; i++) {
            all.add(new Row("", "", "", "", ""));
        }
        return all;
    }

    /** "conditions[2].value" (the command's row 2 = the form's row conditionRows[2]) → "c5.value". */
    private static String formField(String field, List<Integer> conditionRows, List<Integer> actionRows) {
        if (field == null) {
            return "form";
        }
        Matcher m = ROW_FIELD.matcher(field);
        if (!m.matches()) {
            return field;
        }
        int i = Integer.parseInt(m.group(2));
        boolean condition = m.group(1).equals("conditions");
        List<Integer> rows = condition ? conditionRows : actionRows;
        int row = i < rows.size() ? rows.get(i) : i;
        String part = switch (m.group(3)) {
            case "field", "type" -> "kind";
            default -> m.group(3);
        };
        return (condition ? "c" : "a") + row + "." + part;
    }

    private static Integer number(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "—");
            return null;
        }
    }

    private static int count(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    // ---------------------------------------------------------------- what the form offers

    private String form(Actor actor, Model model, RuleForm form, RuleView rule, Map<String, String> errors) {
        Map<String, String> shown = new LinkedHashMap<>();
        errors.forEach((k, v) -> shown.put(k, "—".equals(v) ? refusals.text("jakarta.validation.constraints.NotNull.message") : v));
        if (!shown.isEmpty() && !model.containsAttribute("problem")) {
            model.addAttribute("problem", shown.getOrDefault("form", refusals.text("automation.problems")));
        }
        model.addAttribute("form", form);
        model.addAttribute("rule", rule);
        model.addAttribute("errors", shown);
        model.addAttribute("triggers", RuleTrigger.values());
        model.addAttribute("fields", RuleCondition.Field.values());
        model.addAttribute("operators", RuleCondition.Operator.values());
        model.addAttribute("types", RuleAction.Type.values());
        model.addAttribute("conditionChoices", conditionChoices());
        model.addAttribute("actionChoices", actionChoices(actor));
        return "automation/rule-form";
    }

    private List<Choice> conditionChoices() {
        Locale locale = LocaleContextHolder.getLocale();
        List<Choice> out = new ArrayList<>();
        for (Channel c : Channel.values()) {
            out.add(new Choice("CHANNEL", c.name(), refusals.text("linia.channel." + c)));
        }
        out.add(new Choice("CATEGORY", "none", refusals.text("automation.value.none")));
        routing.activeCategories().forEach(c -> out.add(new Choice("CATEGORY", String.valueOf(c.id()), c.name(locale))));
        out.add(new Choice("GROUP", "none", refusals.text("automation.value.none")));
        routing.activeGroups().forEach(g -> out.add(new Choice("GROUP", String.valueOf(g.id()), g.name(locale))));
        for (Priority p : Priority.values()) {
            out.add(new Choice("PRIORITY", p.name(), refusals.text("linia.priority." + p)));
        }
        for (TicketState s : TicketState.values()) {
            out.add(new Choice("STATE", s.name(), refusals.text("linia.state." + s)));
        }
        return out;
    }

    private List<Choice> actionChoices(Actor actor) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Choice> out = new ArrayList<>();
        routing.activeGroups().forEach(g -> out.add(new Choice("SET_GROUP", String.valueOf(g.id()), g.name(locale))));
        routing.activeCategories().forEach(c -> out.add(new Choice("SET_CATEGORY", String.valueOf(c.id()), c.name(locale))));
        for (Priority p : Priority.values()) {
            out.add(new Choice("SET_PRIORITY", p.name(), refusals.text("linia.priority." + p)));
        }
        List<UserRef> staff = users.staff().stream().filter(UserRef::enabled).toList();
        staff.stream().filter(u -> u.roles().contains(Role.AGENT_L1) || u.roles().contains(Role.AGENT_L2)
                        || u.roles().contains(Role.TEAM_LEAD))
                .forEach(u -> out.add(new Choice("ASSIGN", String.valueOf(u.id()), u.displayName())));
        canned.list(actor, false).stream().filter(CannedAnswerView::active)
                .forEach(a -> out.add(new Choice("ADD_CANNED_NOTE", String.valueOf(a.id()), a.name())));
        for (String r : RuleAction.RECIPIENTS) {
            out.add(new Choice("NOTIFY", r, refusals.text("automation.recipient." + r)));
        }
        staff.forEach(u -> out.add(new Choice("NOTIFY", String.valueOf(u.id()), u.displayName())));
        return out;
    }

    /** Names of the ids rules hold, for the list's readable summary. */
    private Map<String, String> labels(Actor actor) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Choice c : conditionChoices()) {
            labels.put(c.group() + ":" + c.value(), c.label());
        }
        for (Choice c : actor.has(Role.ADMIN) || actor.has(Role.TEAM_LEAD) ? actionChoices(actor) : List.<Choice>of()) {
            labels.put(c.group() + ":" + c.value(), c.label());
        }
        return labels;
    }

    private static void requireEditor(Actor actor) {
        if (!AutomationRules.canEdit(actor)) {
            throw DomainException.forbidden("automation.error.adminsOnly");
        }
    }
}
