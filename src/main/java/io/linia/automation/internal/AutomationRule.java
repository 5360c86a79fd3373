package io.linia.automation.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linia.automation.RuleAction;
import io.linia.automation.RuleCondition;
import io.linia.automation.RuleTrigger;
import io.linia.automation.RuleView;
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
import java.util.List;

/** A rule as stored: its conditions and actions as JSON text (read whole, never queried by part). */
@Entity
@Table(name = "automation_rule")
class AutomationRule {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "automation_rule_seq")
    @SequenceGenerator(name = "automation_rule_seq", sequenceName = "automation_rule_seq", allocationSize = 50)
    private Long id;
    private String name;
    private String description;
    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_kind")
    private RuleTrigger trigger;
    private Integer idleMinutes;
    private int position;
    private boolean stopAfter;
    private String conditions;
    private String actions;
    private boolean active;
    /** Kept by the idle pass with a conditional update, never through the entity (admins' edits keep it). */
    @Column(insertable = true, updatable = false)
    private Instant idleSeenUntil;
    @Column(insertable = true, updatable = false)
    private Long idleSeenId;
    private Instant createdAt;
    private Instant updatedAt;
    private String updatedBy;
    @Version
    private long version;

    protected AutomationRule() {
    }

    AutomationRule(Instant now) {
        this.createdAt = now;
        // a new idle rule looks at every ticket idle now, from the oldest activity on
        this.idleSeenUntil = Instant.EPOCH;
        this.idleSeenId = 0L;
    }

    void change(String name, String description, RuleTrigger trigger, Integer idleMinutes, int position, boolean stopAfter,
                List<RuleCondition> conditions, List<RuleAction> actions, boolean active, String by, Instant now) {
        this.name = name.strip();
        this.description = description == null || description.isBlank() ? null : description.strip();
        this.trigger = trigger;
        this.idleMinutes = trigger == RuleTrigger.IDLE ? idleMinutes : null;
        this.position = position;
        this.stopAfter = stopAfter;
        this.conditions = write(conditions);
        this.actions = write(actions);
        this.active = active;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    Long id() { return id; }

    String name() { return name; }

    RuleTrigger trigger() { return trigger; }

    Integer idleMinutes() { return idleMinutes; }

    int position() { return position; }

    boolean stopAfter() { return stopAfter; }

    boolean active() { return active; }

    long version() { return version; }

    Instant idleSeenUntil() { return idleSeenUntil == null ? Instant.EPOCH : idleSeenUntil; }

    long idleSeenId() { return idleSeenId == null ? 0L : idleSeenId; }

    List<RuleCondition> conditions() {
        return read(conditions, new TypeReference<>() { });
    }

    List<RuleAction> actions() {
        return read(actions, new TypeReference<>() { });
    }

    RuleView toView(RuleView.Stats stats) {
        return new RuleView(id, name, description, trigger, idleMinutes, position, stopAfter, conditions(), actions(),
                active, updatedAt, updatedBy, version, stats);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> read(String json, TypeReference<List<T>> type) {
        try {
            return List.copyOf(JSON.readValue(json, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a rule has unreadable JSON: " + json, e);
        }
    }
}
