package io.linia.automation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One action. {@code value}: the group, category, user or canned answer id, the priority, the tag, or for
 * {@code NOTIFY} whom to tell — {@code TEAM_LEADS} (of the ticket's group, else all), {@code ASSIGNEE},
 * {@code GROUP} (every member of the ticket's group) or a user id; {@code text} is the notice's text.
 */
public record RuleAction(@NotNull Type type, @Size(max = 200) String value, @Size(max = 1000) String text) {

    public enum Type {
        SET_GROUP, SET_CATEGORY, SET_PRIORITY, ADD_TAG, ASSIGN, ADD_CANNED_NOTE, NOTIFY;

        /** Actions a rule may hold only once (two different groups in one rule make no sense). */
        public boolean once() {
            return this == SET_GROUP || this == SET_CATEGORY || this == SET_PRIORITY || this == ASSIGN;
        }
    }

    public static final java.util.List<String> RECIPIENTS = java.util.List.of("TEAM_LEADS", "ASSIGNEE", "GROUP");
}
