package io.linia.analytics.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpikeRuleTest {

    private final AlertProperties p = AlertProperties.defaults();

    @Test
    void aQuietHourWithTenTimesItsUsualTicketsIsASpike() {
        SpikeRule.Judgement j = SpikeRule.judge(20, new double[] {2, 1, 3, 2, 2, 2, 3, 1}, p);
        assertThat(j.usual()).isEqualTo(2.0);
        // the weeks' spread (MAD 0.5 → 0.74) is below Poisson's sqrt(2): the spread is sqrt(2)
        assertThat(j.spread()).isCloseTo(Math.sqrt(2), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(j.z()).isCloseTo(18 / Math.sqrt(2), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(j.spike(p)).isTrue();
    }

    @Test
    void aBusyHourAtItsUsualLevelIsNoSpike() {
        SpikeRule.Judgement j = SpikeRule.judge(34, new double[] {30, 28, 33, 31, 29, 32, 30, 27}, p);
        assertThat(j.usual()).isEqualTo(30.0);
        assertThat(j.spike(p)).isFalse();
        assertThat(j.normal(p)).isTrue();
    }

    @Test
    void fewTicketsAreNeverASpikeHoweverQuietTheHour() {
        // 6 against a usual 0: far above in spreads, but under min-count (8)
        SpikeRule.Judgement j = SpikeRule.judge(6, new double[] {0, 0, 0, 0, 0, 0, 0, 0}, p);
        assertThat(j.z()).isEqualTo(6.0);
        assertThat(j.spike(p)).isFalse();
    }

    @Test
    void withoutEnoughWeeksOfHistoryNothingIsJudged() {
        SpikeRule.Judgement j = SpikeRule.judge(50, new double[] {1, 2}, p);
        assertThat(j.known()).isFalse();
        assertThat(j.spike(p)).isFalse();
        assertThat(j.normal(p)).isTrue();
    }

    @Test
    void oneOddPastWeekDoesNotRaiseTheUsualLevel() {
        // a past outage (60) in one week: the median and the MAD ignore it, a mean would not
        SpikeRule.Judgement j = SpikeRule.judge(25, new double[] {3, 60, 2, 4, 3, 3, 2, 4}, p);
        assertThat(j.usual()).isEqualTo(3.0);
        assertThat(j.spike(p)).isTrue();
    }

    @Test
    void theRatioKeepsALargeButOrdinaryHourQuiet() {
        // 300 against 200: seven spreads above (sqrt(200) = 14.1), but only 1.5 times the usual
        SpikeRule.Judgement j = SpikeRule.judge(300, new double[] {200, 201, 199, 200, 200, 202, 198, 200}, p);
        assertThat(j.z()).isGreaterThan(p.threshold());
        assertThat(j.spike(p)).isFalse();
    }

    @Test
    void anOpenAlertClosesOnlyUnderTheLowerThreshold() {
        double[] weeks = {2, 2, 2, 2, 2, 2, 2, 2};
        // z = (6 - 2) / sqrt(2) = 2.83: not a new spike, but not back to normal either
        assertThat(SpikeRule.judge(6, weeks, p).spike(p)).isFalse();
        assertThat(SpikeRule.judge(6, weeks, p).normal(p)).isFalse();
        assertThat(SpikeRule.judge(4, weeks, p).normal(p)).isTrue();
    }

    @Test
    void settingsOutOfRangeAreRefusedWithTheirName() {
        assertThatThrownBy(() -> new AlertProperties(true, Duration.ofMinutes(5), Duration.ofMinutes(60), 8, 3, 8, 4.0, 2.0, 5.0, 5, 6, 28))
                .hasMessageContaining("linia.analytics.alerts.close-threshold");
        assertThatThrownBy(() -> new AlertProperties(true, Duration.ofSeconds(5), Duration.ofMinutes(60), 8, 3, 8, 4.0, 2.0, 2.0, 5, 6, 28))
                .hasMessageContaining("linia.analytics.alerts.every");
        assertThatThrownBy(() -> new AlertProperties(true, Duration.ofMinutes(5), Duration.ofMinutes(60), 8, 9, 8, 4.0, 2.0, 2.0, 5, 6, 28))
                .hasMessageContaining("linia.analytics.alerts.min-weeks");
    }

    @Test
    void aWindowOffTheHourTakesItsHoursInProportion() {
        Map<Long, Double> w = ArrivalBaselines.weights(Instant.parse("2031-03-18T06:15:00Z"), Instant.parse("2031-03-18T07:15:00Z"));
        long h = Instant.parse("2031-03-18T06:00:00Z").getEpochSecond() / 3600;
        assertThat(w).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(h, 0.75, h + 1, 0.25)));
        assertThat(List.copyOf(ArrivalBaselines.weights(Instant.parse("2031-03-18T06:00:00Z"),
                Instant.parse("2031-03-18T07:00:00Z")).values())).containsExactly(1.0);
    }
}
