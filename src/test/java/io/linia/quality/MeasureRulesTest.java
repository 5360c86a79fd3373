package io.linia.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The measures' plain rules: nearest-rank percentiles and the escalation band (too many and too few both flagged). */
class MeasureRulesTest {

    @Test
    void percentilesAreNearestRank() {
        assertThat(QualityMeasures.percentile(List.of(), 50)).isNull();
        assertThat(QualityMeasures.percentile(List.of(7L), 90)).isEqualTo(7L);
        assertThat(QualityMeasures.percentile(List.of(40L, 10L, 30L, 20L), 50)).isEqualTo(20L);
        assertThat(QualityMeasures.percentile(List.of(40L, 10L, 30L, 20L), 90)).isEqualTo(40L);
        assertThat(QualityMeasures.percentile(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), 90)).isEqualTo(9L);
        assertThat(QualityMeasures.percentile(List.of(5L, 1L, 3L), 50)).isEqualTo(3L);
    }

    @Test
    void anEscalationRateOutsideTheBandAroundItsUsualLevelIsFlaggedEitherWay() {
        BigDecimal usual = new BigDecimal("25.00");
        assertThat(QualityMeasures.judge(40, new BigDecimal("35.01"), usual, 10, 10)).isEqualTo(EscalationFlag.TOO_MANY);
        assertThat(QualityMeasures.judge(40, new BigDecimal("35.00"), usual, 10, 10)).isEqualTo(EscalationFlag.WITHIN);
        assertThat(QualityMeasures.judge(40, new BigDecimal("15.00"), usual, 10, 10)).isEqualTo(EscalationFlag.WITHIN);
        assertThat(QualityMeasures.judge(40, new BigDecimal("14.99"), usual, 10, 10)).isEqualTo(EscalationFlag.TOO_FEW);
        assertThat(QualityMeasures.judge(9, new BigDecimal("90.00"), usual, 10, 10)).isEqualTo(EscalationFlag.NOT_ENOUGH_DATA);
        assertThat(QualityMeasures.judge(40, new BigDecimal("90.00"), null, 10, 10)).isEqualTo(EscalationFlag.NOT_ENOUGH_DATA);
    }
}
