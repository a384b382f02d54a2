package org.hostingreview.revisit;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Where volume is heading: a log-linear trend fitted to the check-ins (ln requests = a + b·months, least squares, with
 * R² as the fit's quality), and when it reaches the decision's next thresholds (break-evens, plan gates). Too few or
 * too noisy check-ins, or flat volume, say so instead of projecting. Plain Java.
 *
 * @param monthlyGrowth    e^b − 1: the share volume grows by each month (null when not fitted)
 * @param next             the first threshold the trend crosses, or null
 * @param proposedReview   the earlier of the policy date and a month before {@code next}; the policy date otherwise
 */
public record Forecast(Status status, String message, int points, Double rSquared, Double monthlyGrowth, List<Crossing> crossings,
        Crossing next, LocalDate proposedReview, Chart chart) {

    /**
     * At least this many check-ins to fit a trend. The dashboard's candidate indexes (V24_1) have it in their predicate:
     * another minimum needs a migration that rebuilds them.
     */
    public static final int MIN_POINTS = 3;
    /** Below this R² the trend is too noisy to project. */
    public static final double MIN_R_SQUARED = 0.8;
    /** Below this monthly growth volume counts as flat. */
    public static final double FLAT_GROWTH = 0.01;
    /** Crossings further out than this are not projected. */
    public static final int HORIZON_MONTHS = 60;

    public enum Status {
        TOO_FEW, NOISY, FLAT, NOTHING_AHEAD, PROJECTED
    }

    /** One check-in's volume, at the middle of its period. */
    public record Point(LocalDate at, long requestsPerMonth) {
    }

    /** A volume at which the answer may change: "Self-hosted open weights crosses Hosted open weights". */
    public record Threshold(String label, long requestsPerMonth) {
    }

    /** When the trend reaches a threshold. */
    public record Crossing(String label, long requestsPerMonth, YearMonth when) {
    }

    /** The actuals and the projection as SVG coordinates (volume on a log scale). */
    public record Chart(int width, int height, String actual, String projection, List<Dot> dots, List<Line> thresholds,
            String firstLabel, String lastLabel) {

        public int left() {
            return PAD;
        }

        public int right() {
            return width - PAD;
        }

        public int top() {
            return PAD;
        }

        public int bottom() {
            return height - PAD;
        }

        public int labelY() {
            return height - PAD + 16;
        }
    }

    /** One check-in on the chart. */
    public record Dot(double x, double y) {
    }

    /** A threshold line on the chart. */
    public record Line(double y, String label) {

        public double labelY() {
            return y - 4;
        }
    }

    public boolean projected() {
        return status == Status.PROJECTED;
    }

    public static Forecast of(List<Point> raw, List<Threshold> thresholds, LocalDate policyDate) {
        List<Point> points = raw.stream().filter(p -> p.requestsPerMonth() > 0).sorted(Comparator.comparing(Point::at)).toList();
        int n = points.size();
        if (n < MIN_POINTS) {
            return new Forecast(Status.TOO_FEW, String.format(Locale.ROOT, "Too few check-ins to project volume: %d of the %d "
                    + "needed.", n, MIN_POINTS), n, null, null, List.of(), null, policyDate, null);
        }
        LocalDate origin = points.get(0).at();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = ChronoUnit.DAYS.between(origin, points.get(i).at()) / 30.4375;
            y[i] = Math.log(points.get(i).requestsPerMonth());
        }
        double mx = mean(x);
        double my = mean(y);
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (sxx == 0) {
            return new Forecast(Status.TOO_FEW, "The check-ins cover a single period: too few to project volume.", n, null, null,
                    List.of(), null, policyDate, null);
        }
        double b = sxy / sxx;
        double a = my - b * mx;
        double ssRes = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - (a + b * x[i]);
            ssRes += e * e;
        }
        double growth = Math.exp(b) - 1;
        if (syy == 0 || Math.abs(growth) < FLAT_GROWTH && ssRes <= syy) {
            return new Forecast(Status.FLAT, String.format(Locale.ROOT, "Volume is flat (%+.1f%% a month over %d check-ins): no "
                    + "threshold is coming at this growth.", 100 * growth, n), n, syy == 0 ? 1.0 : 1 - ssRes / syy, growth,
                    List.of(), null, policyDate, chart(points, origin, a, b, 0, List.of()));
        }
        double r2 = 1 - ssRes / syy;
        if (r2 < MIN_R_SQUARED) {
            return new Forecast(Status.NOISY, String.format(Locale.ROOT, "The check-ins are too noisy to project (R² %.2f, below "
                    + "%.2f): the trend is not a good guide.", r2, MIN_R_SQUARED), n, r2, growth, List.of(), null, policyDate,
                    chart(points, origin, a, b, 0, List.of()));
        }
        if (growth < FLAT_GROWTH) {
            return new Forecast(Status.FLAT, String.format(Locale.ROOT, "Volume is %s (%+.1f%% a month, R² %.2f): no threshold "
                    + "ahead at this growth.", growth < 0 ? "falling" : "flat", 100 * growth, r2), n, r2, growth, List.of(), null,
                    policyDate, chart(points, origin, a, b, 0, List.of()));
        }
        double lastX = x[n - 1];
        double latest = Math.exp(a + b * lastX);
        List<Crossing> crossings = new ArrayList<>();
        for (Threshold t : thresholds) {
            if (t.requestsPerMonth() <= latest) {
                continue;
            }
            double months = (Math.log(t.requestsPerMonth()) - a) / b;
            if (months - lastX > HORIZON_MONTHS) {
                continue;
            }
            LocalDate at = origin.plusDays(Math.round(months * 30.4375));
            crossings.add(new Crossing(t.label(), t.requestsPerMonth(), YearMonth.from(at)));
        }
        crossings.sort(Comparator.comparing(Crossing::when));
        double horizon = crossings.isEmpty() ? lastX + 6
                : (Math.log(crossings.get(crossings.size() - 1).requestsPerMonth()) - a) / b + 1;
        Chart chart = chart(points, origin, a, b, horizon, thresholds.stream().filter(t -> t.requestsPerMonth() > latest
                && crossings.stream().anyMatch(c -> c.label().equals(t.label()))).toList());
        String fit = String.format(Locale.ROOT, "%+.1f%% a month, R² %.2f over %d check-ins", 100 * growth, r2, n);
        if (crossings.isEmpty()) {
            return new Forecast(Status.NOTHING_AHEAD, "At this growth (" + fit + ") no threshold of the decision is crossed in the "
                    + "next five years.", n, r2, growth, List.of(), null, policyDate, chart);
        }
        Crossing next = crossings.get(0);
        LocalDate monthBefore = next.when().atDay(1).minusMonths(1);
        LocalDate proposed = policyDate == null || monthBefore.isBefore(policyDate) ? monthBefore : policyDate;
        return new Forecast(Status.PROJECTED, String.format(Locale.ROOT, "At this growth (%s), %s around %s (at %,d requests/month).",
                fit, next.label(), next.when(), next.requestsPerMonth()), n, r2, growth, crossings, next, proposed, chart);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static final int W = 560;
    private static final int H = 200;
    private static final int PAD = 40;

    private static Chart chart(List<Point> points, LocalDate origin, double a, double b, double horizonMonths,
            List<Threshold> lines) {
        double lastX = ChronoUnit.DAYS.between(origin, points.get(points.size() - 1).at()) / 30.4375;
        double xHi = Math.max(lastX, horizonMonths);
        double yLo = Double.MAX_VALUE;
        double yHi = -Double.MAX_VALUE;
        for (Point p : points) {
            yLo = Math.min(yLo, Math.log(p.requestsPerMonth()));
            yHi = Math.max(yHi, Math.log(p.requestsPerMonth()));
        }
        for (Threshold t : lines) {
            yHi = Math.max(yHi, Math.log(t.requestsPerMonth()));
        }
        yHi = Math.max(yHi, a + b * xHi);
        yLo = Math.min(yLo, a);
        if (yHi - yLo < 0.1) {
            yHi += 0.5;
            yLo -= 0.5;
        }
        double fx = (W - 2.0 * PAD) / (xHi == 0 ? 1 : xHi);
        double fy = (H - 2.0 * PAD) / (yHi - yLo);
        final double lo = yLo;
        StringBuilder actual = new StringBuilder();
        List<Dot> dots = new ArrayList<>();
        for (Point p : points) {
            double px = PAD + fx * ChronoUnit.DAYS.between(origin, p.at()) / 30.4375;
            double py = H - PAD - fy * (Math.log(p.requestsPerMonth()) - lo);
            actual.append(actual.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", px, py));
            dots.add(new Dot(Math.round(px * 10) / 10.0, Math.round(py * 10) / 10.0));
        }
        String projection = String.format(Locale.ROOT, "M%.1f %.1f L%.1f %.1f", PAD + fx * 0, H - PAD - fy * (a - lo), PAD + fx * xHi,
                H - PAD - fy * (a + b * xHi - lo));
        List<Line> thresholdLines = lines.stream().map(t -> new Line(Math.round((H - PAD - fy * (Math.log(t.requestsPerMonth()) - lo))
                * 10) / 10.0, t.label())).toList();
        return new Chart(W, H, actual.toString(), projection, dots, thresholdLines, YearMonth.from(origin).toString(),
                YearMonth.from(origin.plusDays(Math.round(xHi * 30.4375))).toString());
    }
}
