package io.linia.workforce.staff;

import io.linia.workforce.DayKind;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalTime;

/** A shift template as stored: minutes since local midnight, 1440 for an end at midnight. */
@Entity
@Table(name = "shift_template")
class StoredShiftTemplate {

    private static final int DAY_MINUTES = 24 * 60;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shift_template_seq")
    @SequenceGenerator(name = "shift_template_seq", sequenceName = "shift_template_seq", allocationSize = 50)
    private Long id;
    private String code;
    private String nameRu;
    private String nameEn;
    @Enumerated(EnumType.STRING)
    private DayKind dayKind;
    private int startMinute;
    private int endMinute;
    private boolean active;
    @Version
    private long version;

    protected StoredShiftTemplate() {
    }

    StoredShiftTemplate(ShiftTemplateCommand command) {
        apply(command);
    }

    void apply(ShiftTemplateCommand c) {
        this.code = c.normalisedCode();
        this.nameRu = c.nameRu().strip();
        this.nameEn = c.nameEn().strip();
        this.dayKind = c.dayKind();
        this.startMinute = c.start().toSecondOfDay() / 60;
        this.endMinute = c.end().equals(LocalTime.MIDNIGHT) ? DAY_MINUTES : c.end().toSecondOfDay() / 60;
        this.active = c.activeOrDefault();
    }

    /** Whether the command moves the shift in time (its kind of day, start or end). */
    boolean movedBy(ShiftTemplateCommand c) {
        ShiftTemplateView now = toView();
        return c.dayKind() != dayKind || !c.start().equals(now.start()) || !c.end().equals(now.end());
    }

    Long id() {
        return id;
    }

    long version() {
        return version;
    }

    String code() {
        return code;
    }

    ShiftTemplateView toView() {
        LocalTime start = LocalTime.ofSecondOfDay(startMinute * 60L);
        LocalTime end = endMinute >= DAY_MINUTES ? LocalTime.MIDNIGHT : LocalTime.ofSecondOfDay(endMinute * 60L);
        return new ShiftTemplateView(id, code, nameRu, nameEn, dayKind, start, end, active, version);
    }
}
