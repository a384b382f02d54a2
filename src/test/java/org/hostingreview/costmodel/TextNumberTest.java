package org.hostingreview.costmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Whole numbers read as {@code String.format(Locale.US, "%,.0f")} writes them, without a formatter per number. */
class TextNumberTest {

    @Test
    void wholeNumbersAreGroupedAsTheFormatterGroupsThem() {
        double[] values = { 0, -0.0, 1, -1, 7, 12, 999, 1000, -1000, 1024, 30_000, 999_999, 1_000_000, -12_345_678,
                999_999_999_999_999d, 1e15, -1e15, 1e18, 123_456_789_012d };
        for (double v : values) {
            assertThat(Text.number(v)).as("%s", v).isEqualTo(String.format(java.util.Locale.US, "%,.0f", v));
        }
        Random random = new Random(14);
        for (int i = 0; i < 10_000; i++) {
            double v = Math.rint((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(16)));
            assertThat(Text.number(v)).as("%s", v).isEqualTo(String.format(java.util.Locale.US, "%,.0f", v));
        }
        assertThat(Text.number(2.5)).isEqualTo("2.5");
        assertThat(Text.count(1, "day")).isEqualTo("1 day");
        assertThat(Text.count(30_000, "day")).isEqualTo("30,000 days");
    }
}
