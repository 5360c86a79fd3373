package io.linia.workforce.web;

import io.linia.accounts.Actor;
import io.linia.accounts.UserRef;
import io.linia.shared.DomainException;
import io.linia.web.Refusals;
import io.linia.workforce.pay.AdjustmentCommand;
import io.linia.workforce.pay.AdjustmentKind;
import io.linia.workforce.pay.AdjustmentView;
import io.linia.workforce.pay.PayAdjustments;
import io.linia.workforce.pay.PayCsv;
import io.linia.workforce.pay.PayLine;
import io.linia.workforce.pay.PaySheet;
import io.linia.workforce.pay.Payroll;
import io.linia.workforce.staff.ShiftTemplateView;
import io.linia.workforce.staff.ShiftTemplates;
import io.linia.workforce.staff.StaffAccess;
import io.linia.workforce.staff.StaffProfiles;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * «Оплата» / "Pay": the month's pay per agent (planners see everyone, an agent only their own row), one
 * agent's month shift by shift with the rate applied, the team lead's adjustments (absence, extra shift,
 * swap) with a form that shows each problem next to its field, and the month as CSV.
 */
@Controller
@RequestMapping("/agent/workforce/pay")
class PayController {

    /** The adjustment form as typed. */
    record AdjustmentForm(String kind, String date, String templateId, String substituteId, String reason) {
    }

    private final Payroll payroll;
    private final PayAdjustments adjustments;
    private final StaffProfiles profiles;
    private final ShiftTemplates templates;
    private final Refusals refusals;

    PayController(Payroll payroll, PayAdjustments adjustments, StaffProfiles profiles, ShiftTemplates templates, Refusals refusals) {
        this.payroll = payroll;
        this.adjustments = adjustments;
        this.profiles = profiles;
        this.templates = templates;
        this.refusals = refusals;
    }

    @GetMapping
    String month(Actor actor, @RequestParam(required = false) String month, Model model) {
        YearMonth m = payroll.month(month);
        model.addAttribute("sheets", payroll.sheets(actor, m));
        months(model, m);
        return "workforce/pay";
    }

    @GetMapping("/csv")
    void csv(Actor actor, @RequestParam(required = false) String month, HttpServletResponse response) throws IOException {
        // written straight to the response, like the knowledge base's export: no content negotiation against the caller's Accept
        YearMonth m = payroll.month(month);
        byte[] body = PayCsv.write(payroll.sheets(actor, m), refusals::text);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("pay-" + m + ".csv").build().toString());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @GetMapping("/{userId}")
    String agent(Actor actor, @PathVariable long userId, @RequestParam(required = false) String month, Model model) {
        YearMonth m = payroll.month(month);
        LocalDate first = m.atDay(1);
        return page(actor, userId, m, model, new AdjustmentForm("", first.toString(), "", "", ""), Map.of());
    }

    @PostMapping("/{userId}/adjustments")
    String record(Actor actor, @PathVariable long userId, @RequestParam(required = false) String month, AdjustmentForm form, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        StaffAccess.requirePlanner(actor);
        YearMonth m = payroll.month(month);
        Map<String, String> errors = new LinkedHashMap<>();
        AdjustmentKind kind = null;
        if (!blank(form.kind())) {
            try {
                kind = AdjustmentKind.valueOf(form.kind().strip());
            } catch (IllegalArgumentException e) {
                errors.put("kind", refusals.text("wfpay.adjust.kindRequired"));
            }
        }
        LocalDate date = null;
        try {
            date = blank(form.date()) ? null : LocalDate.parse(form.date().strip());
        } catch (DateTimeParseException e) {
            errors.put("date", refusals.text("linia.validation.format"));
        }
        Long templateId = number(form.templateId(), "templateId", errors);
        Long substituteId = kind == AdjustmentKind.SWAP ? number(form.substituteId(), "substituteId", errors) : null;
        if (errors.isEmpty()) {
            try {
                List<AdjustmentView> written = adjustments.record(actor, new AdjustmentCommand(kind, userId, date, templateId, substituteId,
                        form.reason()));
                AdjustmentView first = written.get(0);
                redirect.addFlashAttribute("success", refusals.text("wfpay.adjust.saved", refusals.text("wfpay.mark." + first.mark()),
                        DateTimeFormatter.ofPattern("dd.MM.yyyy").format(first.date())));
                return "redirect:/agent/workforce/pay/" + userId + "?month=" + YearMonth.from(first.date());
            } catch (DomainException e) {
                if (e.kind() != DomainException.Kind.INVALID_INPUT) {
                    throw e;
                }
                errors.put("userId".equals(e.field()) ? "kind" : e.field(), refusals.explain(e));
            }
        }
        response.setStatus(400);
        return page(actor, userId, m, model, form, errors);
    }

    @PostMapping("/adjustments/{id}/delete")
    String remove(Actor actor, @PathVariable long id, @RequestParam long userId, @RequestParam(required = false) String month,
                  RedirectAttributes redirect) {
        YearMonth m = payroll.month(month);
        adjustments.remove(actor, id);
        redirect.addFlashAttribute("success", refusals.text("wfpay.adjust.removed"));
        return "redirect:/agent/workforce/pay/" + userId + "?month=" + m;
    }

    private String page(Actor actor, long userId, YearMonth month, Model model, AdjustmentForm form, Map<String, String> errors) {
        PaySheet sheet = payroll.sheet(actor, userId, month);
        List<AdjustmentView> own = payroll.adjustments(actor, userId, month);
        Map<String, AdjustmentView> byShift = new HashMap<>();
        own.forEach(a -> byShift.put(a.date() + "/" + a.templateId(), a));
        Map<Long, ShiftTemplateView> shiftTemplates = new LinkedHashMap<>();
        templates.list().forEach(t -> shiftTemplates.put(t.id(), t));
        model.addAttribute("sheet", sheet);
        model.addAttribute("lines", sheet.pay() == null ? List.<PayLine>of() : sheet.pay().lines());
        model.addAttribute("adjustments", own);
        model.addAttribute("byShift", byShift);
        model.addAttribute("templates", shiftTemplates);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", AdjustmentKind.values());
        if (StaffAccess.plans(actor)) {
            model.addAttribute("substitutes", profiles.agents().stream().filter(UserRef::enabled).filter(u -> u.id() != userId).toList());
        }
        months(model, month);
        return "workforce/pay-agent";
    }

    private static void months(Model model, YearMonth month) {
        Locale locale = LocaleContextHolder.getLocale();
        Locale shown = "en".equals(locale.getLanguage()) ? Locale.UK : Locale.forLanguageTag("ru-RU");
        model.addAttribute("month", month);
        model.addAttribute("monthName", DateTimeFormatter.ofPattern("LLLL yyyy", shown).format(month));
        model.addAttribute("prevMonth", month.minusMonths(1));
        model.addAttribute("nextMonth", month.plusMonths(1));
    }

    private Long number(String text, String field, Map<String, String> errors) {
        if (blank(text)) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            errors.put(field, refusals.text("linia.validation.format"));
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
