package io.linia.intake.web;

import io.linia.accounts.Actor;
import io.linia.intake.MailChannel;
import io.linia.intake.MailChannel.ConnectionCheck;
import io.linia.intake.MailSecurity;
import io.linia.intake.MailboxCommand;
import io.linia.intake.MailboxView;
import io.linia.intake.OutboxView;
import io.linia.intake.OutboxView.OutboxState;
import io.linia.intake.PollResult;
import io.linia.intake.ProcessedAction;
import io.linia.intake.QuarantineView;
import io.linia.intake.QuarantineView.QuarantineState;
import io.linia.shared.DomainException;
import io.linia.web.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The e-mail channel's administration pages: mailboxes (overview, form, connection check, read
 * now), the quarantine of unreadable mail and the outbox.
 */
@Controller
@RequestMapping("/admin/mail")
class MailAdminController {

    /** How many entries the quarantine and outbox lists show (the newest first). */
    static final int LIST_LIMIT = 200;

    /** Raw mail is bytes in any charset; Latin-1 maps every byte to a character, so nothing is lost or rejected. */
    private static final MediaType RAW_MAIL = new MediaType("text", "plain", StandardCharsets.ISO_8859_1);

    private final MailChannel mail;
    private final Refusals refusals;
    private final Validator validator;

    MailAdminController(MailChannel mail, Refusals refusals, Validator validator) {
        this.mail = mail;
        this.refusals = refusals;
        this.validator = validator;
    }

    // ------------------------------------------------------------------ overview and mailboxes

    @GetMapping
    String overview(Actor actor, Model model) {
        model.addAttribute("overview", mail.overview(actor));
        model.addAttribute("mailboxes", mail.mailboxes(actor));
        return "intake/mail-overview";
    }

    @PostMapping("/mailboxes/{id}/check")
    String check(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        MailboxView box = mail.mailbox(actor, id);
        ConnectionCheck result = mail.check(actor, id);
        redirect.addFlashAttribute("checked", box);
        redirect.addFlashAttribute("check", result);
        return "redirect:/admin/mail";
    }

    @PostMapping("/mailboxes/{id}/read")
    String readNow(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        MailboxView box = mail.mailbox(actor, id);
        acting(redirect, () -> {
            PollResult result = mail.readNow(actor, id);
            redirect.addFlashAttribute("polled", box);
            redirect.addFlashAttribute("poll", result);
        });
        return "redirect:/admin/mail";
    }

    @GetMapping("/mailboxes/new")
    String newMailbox(Model model) {
        return form(model, MailboxForm.blank(), null, Map.of());
    }

    @GetMapping("/mailboxes/{id}")
    String editMailbox(Actor actor, @PathVariable long id, Model model) {
        MailboxView box = mail.mailbox(actor, id);
        return form(model, MailboxForm.of(box), box, Map.of());
    }

    @PostMapping({"/mailboxes", "/mailboxes/{id}"})
    String saveMailbox(Actor actor, @PathVariable(required = false) Long id,
                       @ModelAttribute("form") MailboxForm form, Model model, RedirectAttributes redirect,
                       HttpServletResponse response) {
        // loaded first: an unknown id is a 404 and a non-admin a 403, whatever the form holds
        MailboxView current = id == null ? null : mail.mailbox(actor, id);
        Map<String, String> errors = new LinkedHashMap<>();
        MailboxCommand command = form.toCommand(current != null, errors, field -> refusals.text("mailadmin.unreadable." + field));
        for (ConstraintViolation<MailboxCommand> v : validator.validate(command)) {
            errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
        }
        if (errors.isEmpty()) {
            try {
                MailboxView saved = id == null ? mail.create(actor, command) : mail.update(actor, id, command);
                redirect.addFlashAttribute("success", refusals.text("mailadmin.saved", saved.name()));
                return "redirect:/admin/mail";
            } catch (DomainException e) {
                if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
                    throw e;
                }
                if (e.field() == null) {
                    response.setStatus(e.kind() == DomainException.Kind.CONFLICT ? 409 : 400);
                    if (current != null && e.properties().containsKey("currentVersion")) {
                        // changed meanwhile: show what is stored now; saving again is a deliberate choice
                        model.addAttribute("problem", refusals.text("mailadmin.stale", current.name()));
                        return form(model, MailboxForm.of(current), current, Map.of());
                    }
                    model.addAttribute("problem", refusals.explain(e));
                    return form(model, form, current, errors);
                }
                errors.put(e.field(), refusals.explain(e));
            }
        }
        response.setStatus(400);
        return form(model, form, current, errors);
    }

    private String form(Model model, MailboxForm form, MailboxView mailbox, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("mailbox", mailbox);
        model.addAttribute("errors", errors);
        model.addAttribute("securities", MailSecurity.values());
        model.addAttribute("actions", ProcessedAction.values());
        return "intake/mailbox-form";
    }

    // ------------------------------------------------------------------ quarantine

    @GetMapping("/quarantine")
    String quarantine(Actor actor, @RequestParam(defaultValue = "OPEN") String state, Model model) {
        QuarantineState filter = parse(QuarantineState.class, state);
        model.addAttribute("entries", mail.quarantine(actor, filter, LIST_LIMIT));
        model.addAttribute("state", filter == null ? "ALL" : filter.name());
        model.addAttribute("states", QuarantineState.values());
        model.addAttribute("limit", LIST_LIMIT);
        return "intake/mail-quarantine";
    }

    @GetMapping("/quarantine/{id}/raw")
    ResponseEntity<byte[]> raw(Actor actor, @PathVariable long id) {
        byte[] source = mail.rawSource(actor, id);
        return ResponseEntity.ok()
                .contentType(RAW_MAIL)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("mail-" + id + ".eml").build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(source);
    }

    @PostMapping("/quarantine/{id}/retry")
    String retry(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "OPEN") String state,
                 RedirectAttributes redirect) {
        acting(redirect, () -> redirect.addFlashAttribute("retried", mail.retryQuarantined(actor, id)));
        return backTo("/admin/mail/quarantine", state, redirect);
    }

    @PostMapping("/quarantine/{id}/dismiss")
    String dismiss(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "OPEN") String state,
                   RedirectAttributes redirect) {
        acting(redirect, () -> {
            QuarantineView done = mail.dismissQuarantined(actor, id);
            redirect.addFlashAttribute("success", refusals.text("mailadmin.quarantine.dismissed", done.id()));
        });
        return backTo("/admin/mail/quarantine", state, redirect);
    }

    // ------------------------------------------------------------------ journal

    @GetMapping("/journal")
    String journal(Actor actor, @RequestParam(defaultValue = "ALL") String outcome, Model model) {
        io.linia.intake.InboundView.Outcome filter = parse(io.linia.intake.InboundView.Outcome.class, outcome);
        model.addAttribute("entries", mail.journal(actor, filter, LIST_LIMIT));
        model.addAttribute("outcome", filter == null ? "ALL" : filter.name());
        model.addAttribute("outcomes", io.linia.intake.InboundView.Outcome.values());
        model.addAttribute("limit", LIST_LIMIT);
        return "intake/mail-journal";
    }

    // ------------------------------------------------------------------ outbox

    @GetMapping("/outbox")
    String outbox(Actor actor, @RequestParam(defaultValue = "ALL") String state, Model model) {
        OutboxState filter = parse(OutboxState.class, state);
        model.addAttribute("entries", mail.outbox(actor, filter, LIST_LIMIT));
        model.addAttribute("state", filter == null ? "ALL" : filter.name());
        model.addAttribute("states", OutboxState.values());
        model.addAttribute("sending", mail.overview(actor).sending());
        model.addAttribute("limit", LIST_LIMIT);
        return "intake/mail-outbox";
    }

    @PostMapping("/outbox/{id}/retry")
    String retryOutbox(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "ALL") String state,
                       RedirectAttributes redirect) {
        acting(redirect, () -> {
            OutboxView entry = mail.retryOutbox(actor, id);
            redirect.addFlashAttribute("success", refusals.text("mailadmin.outbox.retrying", entry.id(), entry.recipient()));
        });
        return backTo("/admin/mail/outbox", state, redirect);
    }

    @PostMapping("/outbox/send")
    String sendNow(Actor actor, @RequestParam(defaultValue = "ALL") String state, RedirectAttributes redirect) {
        if (!mail.overview(actor).sending()) {
            redirect.addFlashAttribute("problem", refusals.text("mailadmin.sendingOff"));
        } else {
            redirect.addFlashAttribute("success", refusals.text("mailadmin.outbox.sent", mail.sendNow(actor)));
        }
        return backTo("/admin/mail/outbox", state, redirect);
    }

    /**
     * Runs an action on a list's entry. Its conflicts (already dealt with, not retryable, still
     * unreadable, mailbox unreachable) are an answer to show on the list, not an error page.
     */
    private void acting(RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.CONFLICT) {
                throw e;
            }
            redirect.addFlashAttribute("problem", refusals.explain(e));
        }
    }

    /** Back to the list with the filter it was showing. */
    private static String backTo(String list, String state, RedirectAttributes redirect) {
        redirect.addAttribute("state", state);
        return "redirect:" + list;
    }

    /** A state filter from the address: a known state, or everything ("ALL", empty or unknown). */
    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        return null;
    }
}
