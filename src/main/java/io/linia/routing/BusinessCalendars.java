package io.linia.routing;
// TEMPORARY STUB (replaced by the calendar branch)
public interface BusinessCalendars {
    BusinessCalendar byId(long id);
    BusinessCalendar defaultCalendar();
}
