package io.linia.workforce.api;

import io.linia.accounts.Actor;
import io.linia.workforce.attendance.AgentNow;
import io.linia.workforce.attendance.Attendance;
import io.linia.workforce.attendance.AttendanceEntry;
import io.linia.workforce.attendance.DeskNow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** "On shift now" over the API: the roster's shift under way, the flag, attendance, check-in and check-out. */
@RestController
@RequestMapping("/api/v1/workforce/now")
@Tag(name = "Workforce: on shift now", description = "Who the published roster has on shift, who is on shift, the attendance log")
class AttendanceApi {

    /** A check-in ({@code true}) or check-out ({@code false}). */
    record CheckIn(Boolean onShift) {
    }

    private final Attendance attendance;

    AttendanceApi(Attendance attendance) {
        this.attendance = attendance;
    }

    @GetMapping
    @Operation(summary = "Every agent now and today's attendance log (team leads, administrators)")
    DeskNow desk(Actor actor) {
        return attendance.desk(actor);
    }

    @GetMapping("/me")
    @Operation(summary = "Your own state now: the shift under way, on shift since, today's attendance, the next shift")
    AgentNow mine(Actor actor) {
        return attendance.agent(actor, actor.id());
    }

    @GetMapping("/{userId}")
    @Operation(summary = "One agent's state now (the agent, team leads, administrators)")
    AgentNow agent(Actor actor, @PathVariable long userId) {
        return attendance.agent(actor, userId);
    }

    @GetMapping("/{userId}/log")
    @Operation(summary = "One agent's attendance log today, newest first")
    List<AttendanceEntry> log(Actor actor, @PathVariable long userId) {
        return attendance.dayLog(actor, userId);
    }

    @PutMapping("/{userId}/shift")
    @Operation(summary = "Check an agent in or out (the agent themselves, team leads, administrators)",
            description = "Holds until the agent's next roster boundary (a shift of theirs starting or ending). Going off shift returns the"
                    + " agent's open tickets to the queue (linia.routing.release-on-shift-end).")
    AgentNow checkIn(Actor actor, @PathVariable long userId, @RequestBody CheckIn body) {
        if (body == null || body.onShift() == null) {
            throw io.linia.shared.DomainException.invalid("onShift", "wfnow.error.onShiftMissing");
        }
        return attendance.checkIn(actor, userId, body.onShift());
    }
}
