package io.linia.accounts;

import io.linia.shared.CleanText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** What an administrator enters for a user; a blank password on edit keeps the current one. */
public record UserCommand(
        @NotBlank @Size(max = 254) @Pattern(regexp = "[A-Za-z0-9._@+-]+", message = "{linia.validation.login}") String login,
        @NotBlank @Email(regexp = ".+@.+\\..+") @Size(max = 254) String email,
        @NotBlank @Size(max = 120) @CleanText String displayName,
        @Size(max = 72) String password,
        @NotEmpty Set<Role> roles,
        Set<Long> groupIds,
        @Pattern(regexp = "ru|en") String locale,
        boolean enabled) {
}
