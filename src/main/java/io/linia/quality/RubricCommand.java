package io.linia.quality;

import java.util.List;

/** A new rubric version: its criteria in order (code: latin letters, digits, '-', '_'; weight 1–100). */
public record RubricCommand(List<CriterionCommand> criteria) {

    public record CriterionCommand(String code, String nameRu, String nameEn, Integer weight, Boolean allowsNotApplicable) {
    }
}
