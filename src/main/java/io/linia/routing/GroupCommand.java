package io.linia.routing;

import io.linia.shared.CleanText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator enters for a support group. */
public record GroupCommand(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "{linia.validation.code}") String code,
        @NotBlank @Size(max = 120) @CleanText String nameRu,
        @NotBlank @Size(max = 120) @CleanText String nameEn,
        @Size(max = 1000) @CleanText String description,
        boolean active) {
}
