package io.linia.accounts.api;

import io.linia.accounts.Actor;
import io.linia.accounts.AgentShifts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The on-shift flag: agents set their own, team leads and admins anyone's. */
@RestController
@RequestMapping("/api/v1/agents")
@Tag(name = "Assignment")
class ShiftApi {

    record Shift(boolean onShift) {
    }

    private final AgentShifts shifts;

    ShiftApi(AgentShifts shifts) {
        this.shifts = shifts;
    }

    @GetMapping("/me/shift")
    Shift mine(Actor actor) {
        return new Shift(shifts.onShift(actor.id()));
    }

    @PutMapping("/me/shift")
    @Operation(summary = "Come on shift or go off it",
            description = "Going off shift returns your new and open tickets to their queues (linia.routing.release-on-shift-end).")
    Shift changeMine(Actor actor, @RequestBody Shift shift) {
        shifts.changeShift(actor, actor.id(), shift.onShift());
        return new Shift(shifts.onShift(actor.id()));
    }

    @PutMapping("/{userId}/shift")
    @Operation(summary = "Put an agent on or off shift (team leads, admins)")
    Shift change(Actor actor, @PathVariable long userId, @RequestBody Shift shift) {
        shifts.changeShift(actor, userId, shift.onShift());
        return new Shift(shifts.onShift(userId));
    }
}
