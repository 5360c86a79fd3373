package io.linia.routing.internal;

import io.linia.routing.AssignmentMode;
import io.linia.routing.GroupCommand;
import io.linia.routing.GroupRef;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "support_group")
class SupportGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "support_group_seq")
    @SequenceGenerator(name = "support_group_seq", sequenceName = "support_group_seq", allocationSize = 50)
    private Long id;
    private String code;
    private String nameRu;
    private String nameEn;
    private String description;
    private boolean active;
    @Enumerated(EnumType.STRING)
    private AssignmentMode assignmentMode = AssignmentMode.MANUAL;
    private boolean certificationRequired;
    @Version
    private long version;

    protected SupportGroup() {
    }

    SupportGroup(GroupCommand command) {
        apply(command);
    }

    void apply(GroupCommand command) {
        this.code = command.code();
        this.nameRu = command.nameRu().strip();
        this.nameEn = command.nameEn().strip();
        this.description = command.description() == null || command.description().isBlank() ? null : command.description().strip();
        this.active = command.active();
    }

    /** How the group hands out its tickets, and whether its agents need the group's certification. */
    void configureAssignment(AssignmentMode mode, boolean certificationRequired) {
        this.assignmentMode = mode;
        this.certificationRequired = certificationRequired;
    }

    AssignmentMode assignmentMode() {
        return assignmentMode;
    }

    boolean certificationRequired() {
        return certificationRequired;
    }

    GroupRef toRef() {
        return new GroupRef(id, code, nameRu, nameEn, description, active);
    }

    Long id() {
        return id;
    }

    String code() {
        return code;
    }
}
