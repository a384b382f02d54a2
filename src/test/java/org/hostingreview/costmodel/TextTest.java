package org.hostingreview.costmodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One formatter for counts and durations, singular only for exactly one. */
class TextTest {

    @Test
    void countsAreSingularOnlyForExactlyOne() {
        assertThat(Text.count(1, "GPU")).isEqualTo("1 GPU");
        assertThat(Text.count(0, "GPU")).isEqualTo("0 GPUs");
        assertThat(Text.count(1024, "GPU")).isEqualTo("1,024 GPUs");
        assertThat(Text.count(1, "day")).isEqualTo("1 day");
        assertThat(Text.count(2.5, "month")).isEqualTo("2.5 months");
    }

    @Test
    void aDurationReadsInDaysBelowAMonthAndInMonthsAbove() {
        assertThat(Text.duration(0.3)).isEqualTo("9 days");
        assertThat(Text.duration(0.01)).isEqualTo("1 day");
        assertThat(Text.duration(1)).isEqualTo("1 month");
        assertThat(Text.duration(1.04)).isEqualTo("1 month");
        assertThat(Text.duration(7.25)).isEqualTo("7.3 months");
    }
}
