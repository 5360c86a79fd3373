package io.linia.routing;

import io.linia.shared.CleanText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator enters for a category. */
public record CategoryCommand(
        @NotBlank @Size(max = 60) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "{linia.validation.code}") String code,
        @NotBlank @Size(max = 120) @CleanText String nameRu,
        @NotBlank @Size(max = 120) @CleanText String nameEn,
        Long defaultGroupId,
        boolean active,
        Long parentId) {

    /** A top-level category. */
    public CategoryCommand(String code, String nameRu, String nameEn, Long defaultGroupId, boolean active) {
        this(code, nameRu, nameEn, defaultGroupId, active, null);
    }
}
