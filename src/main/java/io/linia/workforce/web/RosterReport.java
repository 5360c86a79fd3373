package io.linia.workforce.web;

import io.linia.web.Refusals;
import io.linia.workforce.AgentProfile;
import io.linia.workforce.RosterExplanation;
import io.linia.workforce.staff.ShiftTemplateView;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The last solve's explanation as the page shows it, in the viewer's language: per shift of the week, the
 * need against the agents the solve put on it; per agent, their shifts against each month's minimum, the
 * preferences honoured, and every wish not met with its reason.
 */
public record RosterReport(List<ShiftLine> shifts, List<AgentLine> agents, int shortfall) {

    public record ShiftLine(LocalDate date, String shift, String hours, int required, int assigned, int shortfall, int optional,
                            List<String> queues, List<String> uncertified) {
    }

    public record MonthLine(String month, int shifts, int minimum, int missing, int extra) {
    }

    public record AgentLine(long userId, String name, int shifts, int weekendShifts, List<MonthLine> months, int preferred,
                            int preferredHonoured, List<String> unmet, List<String> training) {
    }

    static RosterReport of(RosterExplanation explanation, RosterGrid grid, List<AgentProfile> profiles, RosterGrid.QueueLabels labels,
                           Refusals refusals, Locale locale, List<ShiftTemplateView> templates) {
        Map<Long, ShiftTemplateView> byId = new HashMap<>();
        templates.forEach(t -> byId.put(t.id(), t));
        Locale shown = "en".equals(locale.getLanguage()) ? Locale.UK : Locale.forLanguageTag("ru-RU");
        List<ShiftLine> shifts = explanation.shifts().stream()
                .filter(c -> !c.slot().date().isBefore(grid.from()) && !c.slot().date().isAfter(grid.to()))
                .sorted(Comparator.comparing(c -> c.slot().start()))
                .map(c -> {
                    ShiftTemplateView t = byId.get(c.slot().templateId());
                    return new ShiftLine(c.slot().date(), t == null ? "#" + c.slot().templateId() : t.name(locale), t == null ? "" : t.hours(),
                            c.required(), c.assigned(), c.shortfall(), c.optionalAgents(),
                            c.queues().stream().map(q -> refusals.text("wfrosterui.explain.queue", labels.label(q.line(), q.groupId()),
                                    q.assigned(), q.required())).toList(),
                            c.groupsWithoutCertified().stream().map(g -> labels.label(io.linia.tickets.Line.SECOND, g)).toList());
                }).toList();
        List<AgentLine> agents = explanation.agents().stream()
                .sorted(Comparator.comparing(RosterExplanation.AgentReport::name))
                .map(a -> new AgentLine(a.userId(), a.name(), a.shifts(), a.weekendShifts(),
                        a.months().stream().map(m -> new MonthLine(m.month().getMonth().getDisplayName(TextStyle.FULL_STANDALONE, shown)
                                + " " + m.month().getYear(), m.shifts(), m.minimum(), m.missing(), m.extra())).toList(),
                        a.preferred(), a.preferredHonoured(),
                        a.unmetWishes().stream().map(w -> unmet(w, refusals, byId, locale)).toList(),
                        a.trainingShifts().stream().map(t -> {
                            ShiftTemplateView template = byId.get(t.templateId());
                            return refusals.text("shadowing.roster.training", t.programme(), t.stage(),
                                    t.date() + " " + (template == null ? "#" + t.templateId() : template.name(locale) + " " + template.hours()),
                                    labels.label(t.line(), t.groupId()));
                        }).toList()))
                .toList();
        return new RosterReport(shifts, agents, explanation.shortfall());
    }

    private static String unmet(RosterExplanation.UnmetWish wish, Refusals refusals, Map<Long, ShiftTemplateView> templates, Locale locale) {
        String what;
        if (wish.wish() == RosterExplanation.Wish.PREFERRED_SHIFT && wish.date() != null) {
            ShiftTemplateView t = wish.templateId() == null ? null : templates.get(wish.templateId());
            what = refusals.text("wfrosterui.explain.wishShift", wish.date().toString(), t == null ? "#" + wish.templateId()
                    : t.name(locale) + " " + t.hours());
        } else {
            what = refusals.text("wfrosterui.explain.wishMinimum", wish.month() == null ? "" : wish.month().toString());
        }
        return what + ": " + refusals.text(wish.messageCode(), wish.arguments().toArray());
    }
}
