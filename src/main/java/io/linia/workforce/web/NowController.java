package io.linia.workforce.web;

import io.linia.accounts.Actor;
import io.linia.shared.DomainException;
import io.linia.web.Refusals;
import io.linia.workforce.attendance.Attendance;
import io.linia.workforce.staff.StaffAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * «Сейчас на смене» / "On shift now": the team lead's view of every agent (scheduled now, on shift since
 * when and by whose doing, late, absent, left early; the day's log) with check-in and check-out for them;
 * an agent's own state and next shift.
 */
@Controller
@RequestMapping("/agent/workforce/now")
class NowController {

    private final Attendance attendance;
    private final Refusals refusals;

    NowController(Attendance attendance, Refusals refusals) {
        this.attendance = attendance;
        this.refusals = refusals;
    }

    @GetMapping
    String now(Actor actor, Model model) {
        if (StaffAccess.plans(actor)) {
            model.addAttribute("desk", attendance.desk(actor));
            return "workforce/now-desk";
        }
        StaffAccess.requireStaff(actor);
        if (!StaffAccess.isAgent(actor.roles())) {
            throw DomainException.forbidden("wfnow.error.agentsOnly");
        }
        model.addAttribute("agent", attendance.agent(actor, actor.id()));
        model.addAttribute("log", attendance.dayLog(actor, actor.id()));
        return "workforce/now-agent";
    }

    /** Check-in or check-out: the agent their own, a lead for anyone. */
    @PostMapping("/{userId}/shift")
    String checkIn(Actor actor, @PathVariable long userId, @RequestParam boolean onShift, RedirectAttributes redirect) {
        var agent = attendance.checkIn(actor, userId, onShift);
        redirect.addFlashAttribute("success", refusals.text(onShift ? "wfnow.checkedIn" : "wfnow.checkedOut", agent.name()));
        return "redirect:/agent/workforce/now";
    }
}
