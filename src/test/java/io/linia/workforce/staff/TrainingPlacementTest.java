package io.linia.workforce.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.tickets.Line;
import io.linia.training.StageKind;
import io.linia.training.TargetKind;
import io.linia.training.TraineeAtWork;
import io.linia.workforce.RosterNeed;
import io.linia.workforce.TrainingPlacement;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which queue a trainee's stage of ticket work opens to them: only one outside their own line or groups. */
class TrainingPlacementTest {

    private static final LocalDate FROM = LocalDate.of(2026, 11, 23);
    private static final LocalDate UNTIL = LocalDate.of(2026, 12, 14);

    private static TraineeAtWork at(TargetKind target, Long groupId) {
        return new TraineeAtWork(7, 1, "Программа", 3, "Наблюдение", StageKind.SHADOWING, target, groupId, FROM, UNTIL);
    }

    @Test
    void aFirstLineAgentTrainingForAGroupMayWorkThatGroupsQueueForTheStagesTime() {
        TrainingPlacement p = StaffProfiles.placement(at(TargetKind.GROUP, 5L), Line.FIRST, Set.of()).orElseThrow();
        assertThat(p).isEqualTo(new TrainingPlacement(Line.SECOND, 5, FROM, UNTIL, "Программа", "Наблюдение"));
        assertThat(p.covers(Line.SECOND, 5, FROM)).isTrue();
        assertThat(p.covers(Line.SECOND, 5, UNTIL)).isTrue();
        assertThat(p.covers(Line.SECOND, RosterNeed.WHOLE_LINE, FROM)).isTrue();
        assertThat(p.covers(Line.SECOND, 6, FROM)).as("another group").isFalse();
        assertThat(p.covers(Line.FIRST, RosterNeed.WHOLE_LINE, FROM)).isFalse();
        assertThat(p.covers(Line.SECOND, 5, UNTIL.plusDays(1))).isFalse();
        assertThat(p.covers(Line.SECOND, 5, FROM.minusDays(1))).isFalse();
    }

    @Test
    void aSecondLineAgentInARotationCourseMayWorkTheFirstLine() {
        assertThat(StaffProfiles.placement(at(TargetKind.ROTATION, null), Line.SECOND, Set.of(5L))).hasValueSatisfying(p -> {
            assertThat(p.line()).isEqualTo(Line.FIRST);
            assertThat(p.groupId()).isEqualTo(RosterNeed.WHOLE_LINE);
        });
        assertThat(StaffProfiles.placement(at(TargetKind.FIRST_LINE, null), Line.SECOND, Set.of(5L))).isPresent();
    }

    @Test
    void trainingOnTheirOwnLineOrGroupOpensNothingNew() {
        assertThat(StaffProfiles.placement(at(TargetKind.FIRST_LINE, null), Line.FIRST, Set.of())).isEmpty();
        assertThat(StaffProfiles.placement(at(TargetKind.GROUP, 5L), Line.SECOND, Set.of(5L))).isEmpty();
        assertThat(StaffProfiles.placement(at(TargetKind.GROUP, 6L), Line.SECOND, Set.of(5L))).isPresent();
    }
}
