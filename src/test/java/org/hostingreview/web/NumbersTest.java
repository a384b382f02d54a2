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
}
