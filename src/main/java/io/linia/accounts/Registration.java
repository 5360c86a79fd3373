package io.linia.accounts;

import io.linia.shared.CleanText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A customer signing up in the portal. */
public record Registration(
        @NotBlank @Email(regexp = ".+@.+\\..+") @Size(max = 254) String email,
        @NotBlank @Size(max = 120) @CleanText String displayName,
        @NotBlank @Size(min = 8, max = 72) String password,
        @NotBlank String passwordRepeat) {
}
