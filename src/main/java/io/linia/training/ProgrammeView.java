package io.linia.training;

import java.time.Instant;
import java.util.List;

/** A programme with the stages of one of its versions (the current one unless asked otherwise). */
public record ProgrammeView(long id, String name, String description, TargetKind target, Long groupId, Integer validityMonths,
                            boolean active, long versionId, int versionNumber, int latestVersionNumber, Instant versionCreatedAt,
                            String versionCreatedBy, List<StageView> stages) {

    public record StageView(long id, int position, StageKind kind, String title, int suggestedDays, Integer minimumAmount,
                            MinimumUnit minimumUnit, List<MaterialView> materials, List<ChecklistItemView> checklist) {
    }

    public record MaterialView(long id, String title, Long articleId, Long documentId) {
    }

    public record ChecklistItemView(long id, String text) {
    }

    /** The definition as a command, to change it. */
    public ProgrammeCommand toCommand() {
        return new ProgrammeCommand(name, description, target, groupId, validityMonths, active, stages.stream()
                .map(s -> new ProgrammeCommand.StageCommand(s.kind(), s.title(), s.suggestedDays(), s.minimumAmount(), s.minimumUnit(),
                        s.materials().stream().map(m -> new ProgrammeCommand.MaterialCommand(m.articleId(), m.documentId(), m.title())).toList(),
                        s.checklist().stream().map(ChecklistItemView::text).toList()))
                .toList());
    }
}
