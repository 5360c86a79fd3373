package io.linia.accounts.web;

import io.linia.accounts.Actor;
import io.linia.accounts.AgentShifts;
import org.springframework.stereotype.Component;

/** For the layout's user menu: whether the signed-in agent is on shift (read when a page is rendered). */
@Component("shiftStatus")
public class ShiftStatus {

    private final AgentShifts shifts;

    ShiftStatus(AgentShifts shifts) {
        this.shifts = shifts;
    }

    public boolean onShift(Actor me) {
        return me != null && me.isStaff() && shifts.onShift(me.id());
    }

    public boolean userOnShift(long userId) {
        return shifts.onShift(userId);
    }

    public boolean certified(long userId, long groupId) {
        return shifts.certifiedGroups(userId).contains(groupId);
    }
}
