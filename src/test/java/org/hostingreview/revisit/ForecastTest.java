package org.hostingreview.revisit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The volume forecast on synthetic series: steady growth projects, noise and flat volume say so, too few refuse. */
class ForecastTest {

    static final LocalDate START = LocalDate.of(2026, 1, 15);
    static final List<Forecast.Threshold> SELF_HOSTING = List.of(
            new Forecast.Threshold("self-hosting crosses hosted-open", 400_000_000L));

    static List<Forecast.Point> series(double start, double growth, double noise, int months, long seed) {
        Random random = new Random(seed);
        List<Forecast.Point> points = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            double wobble = noise == 0 ? 1 : Math.exp(noise * random.nextGaussian());
            points.add(new Forecast.Point(START.plusDays(Math.round(i * 30.4375)), Math.round(start * Math.pow(1 + growth, i) * wobble)));
        }
        return points;
    }

    @Test
    void steadyGrowthProjectsTheCrossingAndProposesAReviewAMonthBefore() {
        // 100M in mid-January 2026 growing 10% a month: 400M after ln 4 / ln 1.1 = 14.5 months, i.e. early April 2027.
        Forecast f = Forecast.of(series(100_000_000, 0.10, 0, 6, 1), SELF_HOSTING, LocalDate.of(2027, 12, 1));

        assertThat(f.status()).isEqualTo(Forecast.Status.PROJECTED);
        assertThat(f.rSquared()).isGreaterThan(0.999);
        assertThat(f.monthlyGrowth()).isBetween(0.099, 0.101);
        assertThat(f.next().when()).isEqualTo(YearMonth.of(2027, 4));
        assertThat(f.message()).contains("At this growth (+10.0% a month, R² 1.00 over 6 check-ins), self-hosting crosses "
                + "hosted-open around 2027-04 (at 400,000,000 requests/month).");
        assertThat(f.proposedReview()).as("a month before the crossing, earlier than the policy date")
                .isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(f.chart().thresholds()).hasSize(1);
        assertThat(f.chart().dots()).hasSize(6);
    }

    @Test
    void thePolicyDateStandsWhenItComesFirst() {
        Forecast f = Forecast.of(series(100_000_000, 0.10, 0, 6, 1), SELF_HOSTING, LocalDate.of(2026, 9, 1));
        assertThat(f.proposedReview()).isEqualTo(LocalDate.of(2026, 9, 1));
    }

    @Test
    void aNoisySeriesIsNotProjected() {
        Forecast f = Forecast.of(series(100_000_000, 0.05, 0.6, 8, 7), SELF_HOSTING, LocalDate.of(2027, 1, 1));

        assertThat(f.status()).isEqualTo(Forecast.Status.NOISY);
        assertThat(f.next()).isNull();
        assertThat(f.message()).startsWith("The check-ins are too noisy to project (R² ");
        assertThat(f.proposedReview()).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void flatVolumeSaysNoThresholdIsComing() {
        Forecast f = Forecast.of(series(100_000_000, 0.0, 0.002, 6, 3), SELF_HOSTING, LocalDate.of(2027, 1, 1));

        assertThat(f.status()).isEqualTo(Forecast.Status.FLAT);
        assertThat(f.message()).startsWith("Volume is flat");
        assertThat(f.next()).isNull();
    }

    @Test
    void fewerThanThreeCheckInsAreTooFew() {
        Forecast f = Forecast.of(series(100_000_000, 0.10, 0, 2, 1), SELF_HOSTING, LocalDate.of(2027, 1, 1));

        assertThat(f.status()).isEqualTo(Forecast.Status.TOO_FEW);
        assertThat(f.message()).isEqualTo("Too few check-ins to project volume: 2 of the 3 needed.");
    }

    @Test
    void aThresholdAlreadyPassedOrBeyondFiveYearsIsNotACrossing() {
        List<Forecast.Threshold> thresholds = List.of(new Forecast.Threshold("passed", 50_000_000L),
                new Forecast.Threshold("far", 1_000_000_000_000L));
        Forecast f = Forecast.of(series(100_000_000, 0.02, 0, 6, 1), thresholds, LocalDate.of(2027, 1, 1));

        assertThat(f.status()).isEqualTo(Forecast.Status.NOTHING_AHEAD);
        assertThat(f.crossings()).isEmpty();
    }
}
