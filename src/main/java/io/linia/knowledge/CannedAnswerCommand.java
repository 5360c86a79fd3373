package io.linia.knowledge;

import io.linia.shared.CleanText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What an editor writes for a canned answer. {@code groupId} null makes it global (every agent);
 * {@code setCategoryId} preselects a category on the ticket page; {@code action} names the form it
 * fills; {@code active} null means true; {@code version} is the one the editor saw (a stale one is
 * refused with 409; null skips the check).
 */
public record CannedAnswerCommand(
        @NotBlank @Size(max = 120) @CleanText String name,
        @NotBlank @CleanText(maxBytes = MAX_BODY_BYTES) String body,
        Long groupId,
        Long setCategoryId,
        CannedAction action,
        Boolean active,
        Long version) {

    public static final int MAX_BODY_BYTES = 65536;

    public boolean isActive() {
        return active == null || active;
    }
}
