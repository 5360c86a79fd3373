package io.linia.workforce.api;

import io.linia.accounts.Actor;
import io.linia.shared.DomainException;
import io.linia.workforce.AvailabilityEntry;
import io.linia.workforce.ShiftSlot;
import io.linia.workforce.WorkforcePlanning;
import io.linia.workforce.staff.AvailabilitySheets;
import io.linia.workforce.staff.ContractCommand;
import io.linia.workforce.staff.DeadlineCommand;
import io.linia.workforce.staff.PeriodCommand;
import io.linia.workforce.staff.PeriodStatus;
import io.linia.workforce.staff.PeriodView;
import io.linia.workforce.staff.PlanningPeriods;
import io.linia.workforce.staff.ProfileView;
import io.linia.workforce.staff.SheetCommand;
import io.linia.workforce.staff.SheetView;
import io.linia.workforce.staff.ShiftTemplateCommand;
import io.linia.workforce.staff.ShiftTemplateView;
import io.linia.workforce.staff.ShiftTemplates;
import io.linia.workforce.staff.StaffAccess;
import io.linia.workforce.staff.StaffProfiles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The people side of workforce planning over the API: shift templates, agents' profiles and contracts,
 * planning periods, and availability (an agent's own under {@code …/availability/me}, anyone's for team
 * leads and administrators). Bad input answers 400 with a problem detail naming the field.
 */
@RestController
@RequestMapping("/api/v1/workforce")
@Tag(name = "Workforce: agents, periods, availability", description = "Agents' contracts, shift templates, planning periods and the agents' availability")
class WorkforceStaffApi {

    /** The longest span of dates one call lays out (a bit over a year). */
    static final int MAX_SPAN_DAYS = 400;

    private final ShiftTemplates templates;
    private final StaffProfiles profiles;
    private final PlanningPeriods periods;
    private final AvailabilitySheets sheets;
    private final WorkforcePlanning planning;

    WorkforceStaffApi(ShiftTemplates templates, StaffProfiles profiles, PlanningPeriods periods, AvailabilitySheets sheets,
                      WorkforcePlanning planning) {
        this.templates = templates;
        this.profiles = profiles;
        this.periods = periods;
        this.sheets = sheets;
        this.planning = planning;
    }

    // ------------------------------------------------------------------ templates

    @GetMapping("/templates")
    @Operation(summary = "Shift templates, active or not (staff)")
    List<ShiftTemplateView> templates(Actor actor) {
        StaffAccess.requireStaff(actor);
        return templates.list();
    }

    @PostMapping("/templates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a shift template (team leads, administrators); end 00:00 is midnight")
    ShiftTemplateView createTemplate(Actor actor, @RequestBody ShiftTemplateCommand command) {
        return templates.create(actor, command);
    }

    @PutMapping("/templates/{id}")
    @Operation(summary = "Change a shift template (team leads, administrators); send the version you read. "
            + "A template agents have answered for keeps its day kind and hours (400 at that field)")
    ShiftTemplateView updateTemplate(Actor actor, @PathVariable long id, @RequestBody ShiftTemplateCommand command) {
        return templates.update(actor, id, command);
    }

    // ------------------------------------------------------------------ profiles and contracts

    @GetMapping("/profiles")
    @Operation(summary = "Agents' profiles: line, groups, certifications, contracts (team leads and administrators: all; an agent: their own)")
    List<ProfileView> profiles(Actor actor) {
        return profiles.profiles(actor);
    }

    @GetMapping("/profiles/{userId}")
    @Operation(summary = "One agent's profile (their own, or anyone's for team leads and administrators)")
    ProfileView profile(Actor actor, @PathVariable long userId) {
        return profiles.profile(actor, userId);
    }

    @PutMapping("/profiles/{userId}/contracts")
    @Operation(summary = "Set an agent's contract from validFrom on (team leads, administrators); the same validFrom replaces that contract")
    ProfileView setContract(Actor actor, @PathVariable long userId, @RequestBody ContractCommand command) {
        return profiles.setContract(actor, userId, command);
    }

    @DeleteMapping("/profiles/{userId}/contracts/{validFrom}")
    @Operation(summary = "Remove the contract starting that day (team leads, administrators)")
    ProfileView removeContract(Actor actor, @PathVariable long userId,
                               @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom) {
        return profiles.removeContract(actor, userId, validFrom);
    }

    // ------------------------------------------------------------------ periods

    @GetMapping("/periods")
    @Operation(summary = "Planning periods, the latest first (staff)")
    List<PeriodView> periods(Actor actor) {
        return periods.list(actor);
    }

    @PostMapping("/periods")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a planning period for availability entry (team leads, administrators): "
            + "2–6 weeks from a Monday, availability due before it starts")
    PeriodView open(Actor actor, @RequestBody PeriodCommand command) {
        return periods.open(actor, command);
    }

    @GetMapping("/periods/{id}")
    PeriodView period(Actor actor, @PathVariable long id) {
        return periods.get(actor, id);
    }

    @PutMapping("/periods/{id}/deadline")
    @Operation(summary = "Move the availability deadline (team leads, administrators): later reopens entry, now or earlier closes it")
    PeriodView deadline(Actor actor, @PathVariable long id, @RequestBody DeadlineCommand command) {
        return periods.changeDeadline(actor, id, command);
    }

    @DeleteMapping("/periods/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a period opened by mistake, with the availability entered for it (team leads, administrators)")
    void delete(Actor actor, @PathVariable long id, @RequestParam(required = false) Long version) {
        periods.delete(actor, id, version);
    }

    @GetMapping("/periods/{id}/status")
    @Operation(summary = "Who has entered their availability and when, and who has not (team leads, administrators)")
    PeriodStatus status(Actor actor, @PathVariable long id) {
        return periods.status(actor, id);
    }

    // ------------------------------------------------------------------ availability

    @GetMapping("/periods/{id}/availability/me")
    @Operation(summary = "My availability for the period: every shift with unavailable / available / preferred")
    SheetView mine(Actor actor, @PathVariable long id) {
        return sheets.sheet(actor, id, actor.id());
    }

    @PutMapping("/periods/{id}/availability/me")
    @Operation(summary = "Save my whole availability for the period (until its deadline; after it 409). "
            + "Shifts not listed are available")
    SheetView saveMine(Actor actor, @PathVariable long id, @RequestBody SheetCommand command) {
        return sheets.save(actor, id, actor.id(), command);
    }

    @GetMapping("/periods/{id}/availability/{userId}")
    @Operation(summary = "An agent's availability for the period (their own, or anyone's for team leads and administrators)")
    SheetView sheet(Actor actor, @PathVariable long id, @PathVariable long userId) {
        return sheets.sheet(actor, id, userId);
    }

    @PutMapping("/periods/{id}/availability/{userId}")
    @Operation(summary = "Save an agent's whole availability (team leads and administrators also after the deadline)")
    SheetView save(Actor actor, @PathVariable long id, @PathVariable long userId, @RequestBody SheetCommand command) {
        return sheets.save(actor, id, userId, command);
    }

    // ------------------------------------------------------------------ what the roster reads

    @GetMapping("/slots")
    @Operation(summary = "The concrete shifts of the dates (active templates by each date's kind, in the default calendar's zone)")
    List<ShiftSlot> slots(Actor actor, @Parameter(example = "2026-12-07") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @Parameter(example = "2027-01-03") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        StaffAccess.requireStaff(actor);
        span(from, to);
        return planning.slots(from, to);
    }

    @GetMapping("/availability")
    @Operation(summary = "Every agent's entries (other than available) for the dates' shifts (team leads, administrators)")
    List<AvailabilityEntry> availability(Actor actor, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        StaffAccess.requirePlanner(actor);
        span(from, to);
        return planning.availability(from, to);
    }

    private static void span(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw DomainException.invalid("to", "wfstaff.api.toBeforeFrom");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_SPAN_DAYS) {
            throw DomainException.invalid("to", "wfstaff.api.spanLong", MAX_SPAN_DAYS);
        }
    }
}
