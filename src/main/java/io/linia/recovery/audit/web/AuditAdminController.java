package io.linia.recovery.audit.web;

import io.linia.accounts.Actor;
import io.linia.recovery.MailboxAddress;
import io.linia.recovery.audit.AuditAction;
import io.linia.recovery.audit.AuditEntry;
import io.linia.recovery.audit.AuditPage;
import io.linia.recovery.audit.AuditQuery;
import io.linia.recovery.audit.RecoveryAuditLog;
import io.linia.shared.DomainException;
import io.linia.web.Refusals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Administrators read the recovery audit log (the whole of /admin is theirs alone): filters, pages newest
 * first, and the filtered log as CSV. An export is itself recorded (AUDIT_EXPORTED, with its filter) before
 * the file is written, so no copy leaves unrecorded; it holds the entries as they were before it.
 */
@Controller
@RequestMapping("/admin/recovery")
class AuditAdminController {

    static final int PAGE_SIZE = 50;
    /** entries read per query while writing an export (the file is streamed, never held whole) */
    static final int EXPORT_BATCH = AuditQuery.MAX_LIMIT;
    private static final String PAGE = "/admin/recovery/audit";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    /** A row of the page: the entry and its time in the desk's zone. */
    record Row(AuditEntry entry, String time) {
    }

    private final RecoveryAuditLog audit;
    private final TransactionTemplate transactions;
    private final Refusals refusals;
    private final Clock clock;
    private final ZoneId zone;

    AuditAdminController(RecoveryAuditLog audit, TransactionTemplate transactions, Refusals refusals, Clock clock,
                         @Value("${linia.ui.time-zone:Europe/Moscow}") String zone) {
        this.audit = audit;
        this.transactions = transactions;
        this.refusals = refusals;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/audit")
    String page(@ModelAttribute("filter") AuditFilter filter, @RequestParam(required = false) String cursor, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        AuditFilter.Parsed parsed = filter.parse(zone, cursor, PAGE_SIZE);
        Map<String, String> errors = new LinkedHashMap<>();
        parsed.problems().forEach((field, key) -> errors.put(field, refusals.text(key)));
        AuditPage page = new AuditPage(List.of(), null);
        if (errors.isEmpty()) {
            try {
                page = audit.find(parsed.query());
            } catch (DomainException e) {
                if (e.kind() != DomainException.Kind.INVALID_INPUT) {
                    throw e;
                }
                errors.put(e.field() == null ? "form" : e.field(), refusals.explain(e));
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("problem", refusals.text("recovery.audit.filter.problems"));
        }
        List<Row> rows = new ArrayList<>();
        for (AuditEntry e : page.entries()) {
            rows.add(new Row(e, TIME.format(e.at().atZone(zone))));
        }
        String base = request.getContextPath();
        model.addAttribute("errors", errors);
        model.addAttribute("rows", rows);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("zone", zone.getId());
        model.addAttribute("olderUrl", page.hasMore() ? base + filter.link(PAGE, page.nextCursor()) : null);
        model.addAttribute("firstUrl", cursor != null && !cursor.isBlank() ? base + filter.link(PAGE, null) : null);
        model.addAttribute("csvUrl", base + filter.link(PAGE + ".csv", null));
        model.addAttribute("resetUrl", base + PAGE);
        return "recovery/admin-audit";
    }

    @GetMapping("/audit.csv")
    void csv(Actor actor, @ModelAttribute("filter") AuditFilter filter, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        AuditFilter.Parsed parsed = filter.parse(zone, null, EXPORT_BATCH);
        AuditPage page = null;
        if (parsed.problems().isEmpty()) {
            try {
                page = audit.find(parsed.query());
            } catch (DomainException e) {
                if (e.kind() != DomainException.Kind.INVALID_INPUT) {
                    throw e;
                }
            }
        }
        if (page == null) {
            // bad filters: the page shows each problem at its field
            response.sendRedirect(request.getContextPath() + filter.link(PAGE, null));
            return;
        }
        AuditQuery query = parsed.query();
        String mailbox = query.mailbox() == null ? null : MailboxAddress.parse("mailbox", query.mailbox()).value();
        transactions.executeWithoutResult(status -> audit.record(actor, AuditAction.AUDIT_EXPORTED, query.requestId(), null,
                mailbox, describe(query, mailbox)));

        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("recovery-audit-" + FILE_TIME.format(clock.instant().atZone(zone)) + ".csv").build().toString());
        try (AuditCsv csv = new AuditCsv(response.getOutputStream(), refusals::text)) {
            while (true) {
                for (AuditEntry e : page.entries()) {
                    csv.write(e);
                }
                if (!page.hasMore()) {
                    break;
                }
                page = audit.find(query.after(page.nextCursor()));
            }
        }
    }

    /** The export's filter in the log, in no particular language: {@code CSV: mailbox=…, action=…} or {@code CSV: all}. */
    static String describe(AuditQuery q, String mailbox) {
        List<String> parts = new ArrayList<>();
        if (mailbox != null) {
            parts.add("mailbox=" + mailbox);
        }
        if (q.actorId() != null) {
            parts.add("actorId=" + q.actorId());
        }
        if (q.action() != null) {
            parts.add("action=" + q.action());
        }
        if (q.from() != null) {
            parts.add("from=" + q.from());
        }
        if (q.to() != null) {
            parts.add("to=" + q.to());
        }
        if (q.requestId() != null) {
            parts.add("requestId=" + q.requestId());
        }
        return "CSV: " + (parts.isEmpty() ? "all" : String.join(", ", parts));
    }
}
