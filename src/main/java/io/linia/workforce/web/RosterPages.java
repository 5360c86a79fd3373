package io.linia.workforce.web;

import org.springframework.stereotype.Component;

/** What the roster page's cells call as {@code ${@rosterPages.…}}. */
@Component("rosterPages")
public class RosterPages {

    /** The fields of one hand edit, as htmx's {@code hx-vals} JSON. */
    public String vals(long userId, RosterGrid.CellShift shift, String action) {
        return "{\"action\":\"" + action + "\",\"userId\":\"" + userId + "\",\"date\":\"" + shift.label().slot().date()
                + "\",\"templateId\":\"" + shift.label().slot().templateId() + "\"}";
    }
}
