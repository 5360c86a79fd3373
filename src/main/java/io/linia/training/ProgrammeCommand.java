package io.linia.training;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A programme's whole definition, as created or changed: target (a group's id with {@code GROUP}),
 * validity of the certification it grants in months (null: no end), and the stages in order.
 */
public record ProgrammeCommand(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description,
                               @NotNull TargetKind target, Long groupId, @Min(1) @Max(240) Integer validityMonths,
                               Boolean active, @NotEmpty @Size(max = 30) List<@Valid @NotNull StageCommand> stages) {

    public ProgrammeCommand {
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    /** One stage: study materials, a checklist, or a minimum of tickets or hours, by its kind. */
    public record StageCommand(@NotNull StageKind kind, @NotBlank @Size(max = 200) String title,
                               @NotNull @Min(1) @Max(365) Integer suggestedDays, @Min(1) @Max(100000) Integer minimumAmount,
                               MinimumUnit minimumUnit, @Size(max = 50) List<@Valid @NotNull MaterialCommand> materials,
                               @Size(max = 50) List<@NotBlank @Size(max = 500) String> checklist) {

        public StageCommand {
            materials = materials == null ? List.of() : List.copyOf(materials);
            checklist = checklist == null ? List.of() : List.copyOf(checklist);
        }
    }

    /** A knowledge-base article ({@code articleId}) or an uploaded document ({@code documentId}); the title defaults to its own. */
    public record MaterialCommand(Long articleId, Long documentId, @Size(max = 200) String title) {
    }
}
