package io.linia.workforce.roster;

import io.linia.workforce.RosterSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code linia.workforce.roster.*}: the defaults of a roster solve.
 *
 * @param minimumRest           rest between two shifts of an agent (11h)
 * @param timeLimit             a solve stops after this long (30s)
 * @param unimprovedTimeLimit   and when its best has not improved for this long (unset: only the time limit)
 * @param optionalSeatsPerShift seats beyond the need on every shift (unset: sized from the contracts)
 * @param parallelSolves        solves running at once, the others wait (1; each takes a core)
 */
@ConfigurationProperties("linia.workforce.roster")
public record RosterProperties(@DefaultValue("11h") Duration minimumRest, @DefaultValue("30s") Duration timeLimit,
                               Duration unimprovedTimeLimit, Integer optionalSeatsPerShift, @DefaultValue("1") int parallelSolves) {

    public RosterSettings settings() {
        return new RosterSettings(minimumRest, timeLimit, unimprovedTimeLimit, optionalSeatsPerShift);
    }
}
