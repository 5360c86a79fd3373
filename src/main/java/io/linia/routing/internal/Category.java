package io.linia.routing.internal;

import io.linia.routing.CategoryCommand;
import io.linia.routing.CategoryRef;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "category")
class Category {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "category_seq")
    @SequenceGenerator(name = "category_seq", sequenceName = "category_seq", allocationSize = 50)
    private Long id;
    private String code;
    private String nameRu;
    private String nameEn;
    private Long defaultGroupId;
    private boolean active;
    private Long parentId;
    @Version
    private long version;

    protected Category() {
    }

    Category(CategoryCommand command) {
        apply(command);
    }

    void apply(CategoryCommand command) {
        this.code = command.code();
        this.nameRu = command.nameRu().strip();
        this.nameEn = command.nameEn().strip();
        this.defaultGroupId = command.defaultGroupId();
        this.active = command.active();
        this.parentId = command.parentId();
    }

    CategoryRef toRef() {
        return new CategoryRef(id, code, nameRu, nameEn, defaultGroupId, active, parentId);
    }

    Long id() {
        return id;
    }

    String code() {
        return code;
    }
}
