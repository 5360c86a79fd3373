package io.linia.workforce.staff;

import io.linia.workforce.Availability;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.Objects;

/** One shift of one date on an agent's sheet, kept only when it is not plain "available". */
@Embeddable
class SheetEntry {

    @Column(name = "shift_date")
    private LocalDate date;
    private long templateId;
    @Enumerated(EnumType.STRING)
    private Availability availability;

    protected SheetEntry() {
    }

    SheetEntry(LocalDate date, long templateId, Availability availability) {
        this.date = date;
        this.templateId = templateId;
        this.availability = availability;
    }

    LocalDate date() {
        return date;
    }

    long templateId() {
        return templateId;
    }

    Availability availability() {
        return availability;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SheetEntry e && e.templateId == templateId && e.date.equals(date) && e.availability == availability;
    }

    @Override
    public int hashCode() {
        return Objects.hash(date, templateId, availability);
    }
}
