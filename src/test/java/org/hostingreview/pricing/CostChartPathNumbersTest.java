package org.hostingreview.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The chart's path coordinates read exactly as the Formatter wrote them: the drawn lines do not move by a pixel tenth. */
class CostChartPathNumbersTest {

    private static String fast(double v) {
        return CostChart.oneDecimal(new StringBuilder(), v).toString();
    }

    private static String formatter(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    @Test
    void everyCoordinateOfThePlotReadsAsTheFormatterWritesIt() {
        SplittableRandom random = new SplittableRandom(14);
        for (int i = 0; i < 2_000_000; i++) {
            double v = random.nextDouble(0, 800);
            assertEquals(formatter(v), fast(v), () -> "at " + v);
        }
    }

    @Test
    void halfTenthsZeroNegativeAndHugeValuesReadAsTheFormatterWritesThem() {
        double[] values = { 0, -0.0, -0.04, -3.25, 0.05, 0.15, 0.25, 0.35, 1.05, 2.45, 12.35, 99.95, 333.25, 612.65, 0.04999999,
                1e14, 1e15, 1e300, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, 9.999999, 0.94999999999 };
        for (double v : values) {
            assertEquals(formatter(v), fast(v), () -> "at " + v);
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            double v = (random.nextInt(0, 8_000_000) + 0.5) / 10_000; // many exact and near half tenths
            assertEquals(formatter(v), fast(v), () -> "at " + v);
        }
    }
}
