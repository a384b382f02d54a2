package org.hostingreview.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class WorkloadsTest {

    @Test
    void tokensPerMonthIsRequestsTimesTokensPerRequest() {
        assertThat(Workloads.tokensPerMonth(30_000_000L, 1000, 83)).isEqualTo(32_490_000_000L);
        assertThat(Workloads.tokensPerMonth(null, 1000, 83)).isNull();
    }

    @Test
    void peakToAverageComesFromABusyDayAgainstTheAverageDay() {
        // 400k requests × 1,230 tokens = 492M tokens a month ≈ 16.2M a day; a 100M-token day is ~6.2× that
        assertThat(Workloads.peakToAverage(100_000_000L, 400_000L, 1200, 30)).isEqualByComparingTo(new BigDecimal("6.18"));
        assertThat(Workloads.peakToAverage(1L, 400_000L, 1200, 30)).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(Workloads.peakToAverage(null, 400_000L, 1200, 30)).isNull();
    }
}
