package io.linia.workforce.staff;

import io.linia.workforce.ShiftSlot;
import java.time.LocalDate;

/** Which shift: a template on a date. */
public record ShiftKey(LocalDate date, long templateId) {

    public static ShiftKey of(ShiftSlot slot) {
        return new ShiftKey(slot.date(), slot.templateId());
    }
}
