package io.linia.workforce.staff;

import io.linia.workforce.Availability;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One agent's availability for one planning period. It exists once the agent (or a planner for them)
 * saved it: that is what "entered" means. Shifts with no entry are available.
 */
@Entity
@Table(name = "availability_sheet")
class AvailabilitySheet {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "availability_sheet_seq")
    @SequenceGenerator(name = "availability_sheet_seq", sequenceName = "availability_sheet_seq", allocationSize = 50)
    private Long id;
    private long periodId;
    private long userId;
    private String note;
    private Instant enteredAt;
    private Instant savedAt;
    private long savedBy;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "availability_entry", joinColumns = @JoinColumn(name = "sheet_id"))
    private Set<SheetEntry> entries = new HashSet<>();

    protected AvailabilitySheet() {
    }

    AvailabilitySheet(long periodId, long userId, Instant now) {
        this.periodId = periodId;
        this.userId = userId;
        this.enteredAt = now;
    }

    /** Replaces the whole sheet: the cells given (available ones are not kept) and the note. */
    void replace(Map<ShiftKey, Availability> cells, String note, long by, Instant now) {
        Set<SheetEntry> wanted = new HashSet<>();
        cells.forEach((cell, availability) -> {
            if (availability != Availability.AVAILABLE) {
                wanted.add(new SheetEntry(cell.date(), cell.templateId(), availability));
            }
        });
        // only the difference reaches the database
        entries.retainAll(wanted);
        entries.addAll(wanted);
        this.note = note;
        this.savedBy = by;
        this.savedAt = now;
    }

    Map<ShiftKey, Availability> cells() {
        Map<ShiftKey, Availability> cells = new HashMap<>();
        entries.forEach(e -> cells.put(new ShiftKey(e.date(), e.templateId()), e.availability()));
        return cells;
    }

    Long id() {
        return id;
    }

    long periodId() {
        return periodId;
    }

    long userId() {
        return userId;
    }

    String note() {
        return note;
    }

    Instant enteredAt() {
        return enteredAt;
    }

    Instant savedAt() {
        return savedAt;
    }

    long savedBy() {
        return savedBy;
    }

    long version() {
        return version;
    }
}
