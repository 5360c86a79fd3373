package io.linia.workforce.api;

import io.linia.accounts.Actor;
import io.linia.shared.DomainException;
import io.linia.web.Refusals;
import io.linia.workforce.pay.AdjustmentCommand;
import io.linia.workforce.pay.AdjustmentView;
import io.linia.workforce.pay.PayAdjustments;
import io.linia.workforce.pay.PayCsv;
import io.linia.workforce.pay.PaySheet;
import io.linia.workforce.pay.PayStatus;
import io.linia.workforce.pay.Payroll;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pay for shifts over the API: the month per agent (team leads and administrators: everyone; an agent:
 * their own), one agent's month shift by shift, the month as CSV, and the team lead's adjustments
 * (absence, extra shift, swap). {@code month} is {@code YYYY-MM} (blank: this month); anything else is a
 * 400 problem naming {@code month}. Amounts are {@code {"amount": 47000.00, "currency": "RUB"}} with the
 * currency's minor units.
 */
@RestController
@RequestMapping("/api/v1/workforce/pay")
@Tag(name = "Workforce: pay", description = "Pay per agent and month from the published rosters and the team lead's adjustments")
class WorkforcePayApi {

    private final Payroll payroll;
    private final PayAdjustments adjustments;
    private final Refusals refusals;

    WorkforcePayApi(Payroll payroll, PayAdjustments adjustments, Refusals refusals) {
        this.payroll = payroll;
        this.adjustments = adjustments;
        this.refusals = refusals;
    }

    /** One agent's month with their adjustments. */
    record AgentPay(PaySheet sheet, List<AdjustmentView> adjustments) {
    }

    @GetMapping
    @Operation(summary = "The month's pay per agent (team leads and administrators: every agent; an agent: their own only). "
            + "An agent without a contract has status NO_CONTRACT and no amounts; contracts in mixed currencies: MIXED_CURRENCIES")
    List<PaySheet> month(Actor actor, @Parameter(example = "2027-03") @RequestParam(required = false) String month) {
        return payroll.sheets(actor, payroll.month(month));
    }

    @GetMapping("/csv")
    @Operation(summary = "The month's pay as CSV for Excel: UTF-8 with BOM, ';' separator, decimal comma, amounts as written (no floating point)")
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
    @Operation(summary = "One agent's month shift by shift (their own, or anyone's for team leads and administrators); "
            + "409 when the month's contracts are in different currencies")
    AgentPay agent(Actor actor, @PathVariable long userId, @RequestParam(required = false) String month) {
        YearMonth m = payroll.month(month);
        PaySheet sheet = payroll.sheet(actor, userId, m);
        if (sheet.status() == PayStatus.MIXED_CURRENCIES) {
            throw DomainException.conflict("wfpay.error.currencies", sheet.name(), m.toString(), String.join(", ", sheet.currencies()));
        }
        return new AgentPay(sheet, payroll.adjustments(actor, userId, m));
    }

    @GetMapping("/adjustments")
    @Operation(summary = "The month's adjustments (team leads and administrators: everyone's, or one agent's with userId; an agent: their own with userId)")
    List<AdjustmentView> adjustments(Actor actor, @RequestParam(required = false) String month, @RequestParam(required = false) Long userId) {
        YearMonth m = payroll.month(month);
        return userId == null ? payroll.adjustments(actor, m) : payroll.adjustments(actor, userId, m);
    }

    @PostMapping("/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an absence, an extra shift or a swap (team leads, administrators). A swap names the rostered agent (userId) "
            + "and the one who worked instead (substituteId) and writes both sides; the answer lists the rows written")
    List<AdjustmentView> record(Actor actor, @RequestBody AdjustmentCommand command) {
        return adjustments.record(actor, command);
    }

    @DeleteMapping("/adjustments/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove an adjustment (team leads, administrators); a swap goes as a whole")
    void remove(Actor actor, @PathVariable long id) {
        adjustments.remove(actor, id);
    }
}
