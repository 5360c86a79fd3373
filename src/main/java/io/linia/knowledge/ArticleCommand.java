package io.linia.knowledge;

import io.linia.shared.CleanText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an editor writes. {@code tags} is a comma-separated list; {@code version} is the article
 * version the editor saw (null when creating), a stale one is refused (409).
 */
public record ArticleCommand(
        @NotBlank @Size(max = 255) @CleanText String title,
        @NotBlank @CleanText(maxBytes = MAX_BODY_BYTES) String body,
        Long categoryId,
        @NotNull Audience audience,
        @NotNull @Pattern(regexp = "ru|en", message = "{linia.validation.locale}") String language,
        @Size(max = 1000) @CleanText String tags,
        @NotNull ArticleStatus status,
        @Size(max = 500) @CleanText String changeNote,
        Long version) {

    public static final int MAX_BODY_BYTES = 200_000;
}
