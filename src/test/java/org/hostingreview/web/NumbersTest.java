package org.hostingreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void readsWhatPeopleType() {
        assertThat(Numbers.parse("30,000,000")).contains(new BigDecimal("30000000"));
        assertThat(Numbers.parse("$80,000.50")).contains(new BigDecimal("80000.50"));
        assertThat(Numbers.parse(" 1 200 ")).contains(new BigDecimal("1200"));
        assertThat(Numbers.parse("0.25")).contains(new BigDecimal("0.25"));
        assertThat(Numbers.parse("1e6")).contains(new BigDecimal("1e6"));
    }

    @Test
    void refusesWhatIsNotANumber() {
        for (String text : new String[] { "abc", "NaN", "Infinity", "0x1F", "1,2,", "--1", "1e99999", "١٢٣", "", " ", null }) {
            assertThat(Numbers.parse(text)).as(String.valueOf(text)).isEmpty();
        }
    }

    @Test
    void writesNumbersBackPlainly() {
        assertThat(Numbers.field(new BigDecimal("2.50"))).isEqualTo("2.5");
        assertThat(Numbers.field(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(Numbers.grouped(30_000_000L, 0)).isEqualTo("30,000,000");
        assertThat(Formats.usd(new BigDecimal("80000"))).isEqualTo("$80,000");
        assertThat(Formats.usd(new BigDecimal("9.5"))).isEqualTo("$9.50");
    }

    /**
     * Whole numbers (the counts, volumes and dollars of every list row) are written without a formatter, as the formatter
     * writes them: checked against it for edge cases and many random values of each type the pages pass.
     */
    @Test
    void writesWholeNumbersAsTheFormatterDoes() {
        java.text.DecimalFormatSymbols root = java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT);
        java.util.Random random = new java.util.Random(14);
        java.util.List<Number> values = new java.util.ArrayList<>(java.util.List.of(0L, 1L, -1L, 999L, 1000L, -1000L, 999_999L,
                1_000_000L, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MIN_VALUE, 0.0, -0.0, 100.0, -100.0, 1e15 - 1, 1e15, 1e16,
                12.5, 99.995, 100.5, 101.5, -100.5, 1234.5, 0.125, new BigDecimal("0.00"), new BigDecimal("1E+3"),
                new BigDecimal("-12345.000"), new BigDecimal("12345.5"), new BigDecimal("1E+20")));
        for (int i = 0; i < 20_000; i++) {
            long whole = random.nextLong() >> random.nextInt(64);
            values.add(whole);
            values.add((int) whole);
            values.add((double) (whole >> 12));
            values.add((whole >> 12) / 2.0);
            values.add(random.nextDouble() * Math.pow(10, random.nextInt(17)) * (random.nextBoolean() ? 1 : -1));
            values.add(BigDecimal.valueOf(whole, random.nextInt(4) - 1));
        }
        for (Number value : values) {
            for (int decimals = 0; decimals <= 2; decimals++) {
                java.text.DecimalFormat format = new java.text.DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "#".repeat(decimals), root);
                assertThat(Numbers.grouped(value, decimals)).as(value + " to " + decimals).isEqualTo(format.format(value));
            }
            if (value instanceof Double d) {
                assertThat(Formats.usd(d)).as("usd " + d).isEqualTo(Formats.usd(new BigDecimal(d.toString())));
            }
        }
        assertThat(org.hostingreview.web.CappedList.MORE_THAN_COUNTED).isEqualTo("1,000+");
        assertThat(org.hostingreview.web.CappedList.MORE_THAN_SUMMARY_COUNTED).isEqualTo("100+");
    }
}
