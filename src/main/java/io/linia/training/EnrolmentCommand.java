package io.linia.training;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;

/**
 * A team lead enrols a trainee in a programme's current version with a trainer; {@code dueDates}, one per
 * stage in order, replace the deadlines suggested by the programme (null or empty: the suggested ones).
 */
public record EnrolmentCommand(@NotNull Long programmeId, @NotNull Long traineeId, @NotNull Long trainerId, List<LocalDate> dueDates) {

    public EnrolmentCommand {
        dueDates = dueDates == null ? List.of() : List.copyOf(dueDates);
    }
}
