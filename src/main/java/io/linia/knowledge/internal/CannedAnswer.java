package io.linia.knowledge.internal;

import io.linia.knowledge.CannedAction;
import io.linia.knowledge.CannedAnswerCommand;
import io.linia.knowledge.CannedAnswerView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A named reply template with placeholders, for one second-line group or for everyone. */
@Entity
@Table(name = "canned_answer")
public class CannedAnswer {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "canned_answer_seq")
    @SequenceGenerator(name = "canned_answer_seq", sequenceName = "canned_answer_seq", allocationSize = 50)
    private Long id;
    private String name;
    private String body;
    private Long groupId;
    @Column(name = "set_category_id")
    private Long setCategoryId;
    @Enumerated(EnumType.STRING)
    private CannedAction action;
    private boolean active;
    private Instant updatedAt;
    @Version
    private long version;

    protected CannedAnswer() {
    }

    public static CannedAnswer write(CannedAnswerCommand c, Instant now) {
        CannedAnswer a = new CannedAnswer();
        a.apply(c, now);
        return a;
    }

    public void apply(CannedAnswerCommand c, Instant now) {
        this.name = c.name().strip();
        this.body = c.body().strip();
        this.groupId = c.groupId();
        this.setCategoryId = c.setCategoryId();
        this.action = c.action();
        this.active = c.isActive();
        this.updatedAt = now;
    }

    public void deactivate(Instant now) {
        this.active = false;
        this.updatedAt = now;
    }

    public Long id() { return id; }

    public String name() { return name; }

    public String body() { return body; }

    public Long groupId() { return groupId; }

    public Long setCategoryId() { return setCategoryId; }

    public CannedAction action() { return action; }

    public boolean active() { return active; }

    public long version() { return version; }

    public CannedAnswerView toView() {
        return new CannedAnswerView(id, name, body, groupId, setCategoryId, action, active, updatedAt, version);
    }
}
