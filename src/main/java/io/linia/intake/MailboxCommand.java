package io.linia.intake;

import io.linia.shared.CleanText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A mailbox as an admin enters it. A blank {@code password} on an existing mailbox keeps the stored
 * one. {@code version} is the one the form was opened with (a stale form is refused).
 */
public record MailboxCommand(
        @NotBlank @Size(max = 80) @CleanText String name,
        @NotBlank @Email @Size(max = 254) String address,
        @NotBlank @Size(max = 255) @CleanText String host,
        @NotNull @Min(1) @Max(65535) Integer port,
        @NotNull MailSecurity security,
        @NotBlank @Size(max = 254) String username,
        @Size(max = 500) String password,
        @NotBlank @Size(max = 200) String folder,
        @NotNull ProcessedAction processedAction,
        @Size(max = 200) String processedFolder,
        @NotBlank @Size(max = 200) String quarantineFolder,
        @NotNull @Min(5) @Max(86400) Integer pollSeconds,
        boolean idle,
        boolean enabled,
        Long version) {
}
