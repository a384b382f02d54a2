package org.hostingreview.revisit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Plain Java: iCalendar text escaping and line folding, and scaling a period's actuals to a month. */
class IcsAndActualsTest {

    @Test
    void textValuesEscapeTheCharactersRfc5545Reserves() {
        assertThat(ReviewCalendar.text("a,b;c\\d\ne")).isEqualTo("a\\,b\\;c\\\\d\\ne");
    }

    @Test
    void longLinesFoldAt75OctetsWithoutSplittingACharacter() {
        StringBuilder out = new StringBuilder();
        String summary = "SUMMARY:" + "Überprüfung der Klassifizierung – ".repeat(5);
        ReviewCalendar.line(out, summary);
        String[] lines = out.toString().split("\r\n");
        assertThat(lines.length).isGreaterThan(2);
        for (String line : lines) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(out.toString().replace("\r\n ", "")).isEqualTo(summary + "\r\n");
    }

    @Test
    void aPeriodsRequestsAndSpendAreScaledToAnAverageMonth() {
        Actuals october = new Actuals(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), 31_000_000, 1000, 83,
                new BigDecimal("31000"), null, null, null, null);
        assertThat(october.days()).isEqualTo(31);
        assertThat(october.requestsPerMonth()).isEqualTo(30_416_700);
        assertThat(october.spendPerMonth()).isEqualTo(30_416.7, org.assertj.core.api.Assertions.within(0.01));
        Actuals oneDay = new Actuals(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 1), 1_000_000, 1000, 83, BigDecimal.TEN,
                null, null, null, null);
        assertThat(oneDay.requestsPerMonth()).isEqualTo(30_416_700);
    }
}
