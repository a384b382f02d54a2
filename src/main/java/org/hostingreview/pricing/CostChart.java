package org.hostingreview.pricing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hostingreview.costmodel.Assumptions;
import org.hostingreview.costmodel.BreakEven;
import org.hostingreview.costmodel.BreakEvens;
import org.hostingreview.costmodel.CostModel;
import org.hostingreview.costmodel.SelfHostedCapacity;
import org.hostingreview.costmodel.Text;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.costmodel.Workload;

/**
 * The geometry of the cost-against-volume chart, for a server-rendered inline SVG: monthly cost of each tier
 * from 0.1× to 100× today's volume on log-log axes (so per-token tiers are straight lines and the self-hosted
 * replica staircase shows its steps), today's volume and the break-even points marked, and the numbers again as
 * a table for screen readers.
 */
public final class CostChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 360;
    static final int LEFT = 72;
    static final int RIGHT = 20;
    static final int TOP = 20;
    static final int BOTTOM = 48;
    private static final int MAX_STEPS = 400;
    private static final double[] TABLE_MULTIPLES = { 0.1, 0.3, 1, 3, 10, 30, 100 };

    private CostChart() {
    }

    /** One tier's line. */
    public record Series(Tier tier, String path, String colour, String dash, String label) {
    }

    /** A tick: its grid line position, and where its label goes (anchored so that it stays inside the chart). */
    public record Tick(double at, String label, double labelX, double labelY, String anchor) {
    }

    /**
     * A tick with its grid line's ends (the plot's left and right edge for a y tick, its top and bottom for an x tick) and
     * its label's anchor, so that a template draws it from the tick alone (derived, not stored with a decision).
     */
    public record GridLine(double at, String label, double labelX, double labelY, String anchor, int from, int to) {

        static List<GridLine> of(List<Tick> ticks, int from, int to, String anchor) {
            List<GridLine> lines = new ArrayList<>(ticks.size());
            for (Tick t : ticks) {
                lines.add(new GridLine(t.at(), t.label(), t.labelX(), t.labelY(), t.anchor() != null ? t.anchor() : anchor, from, to));
            }
            return lines;
        }
    }

    /** A marked point (break-even) and where its label goes. */
    public record Marker(double x, double y, String label, double labelX, double labelY) {
    }

    /** A row of the fallback table. */
    public record Row(String volume, String frontier, String hostedOpen, String selfHosted) {
    }

    /** Everything the template draws, every coordinate computed here. */
    public record View(int width, int height, int plotLeft, int plotRight, int plotTop, int plotBottom, List<Series> series,
            List<Tick> xTicks, List<Tick> yTicks, double todayX, List<Marker> markers, List<Row> rows, String description,
            String markedVolume) {

        public int plotWidth() {
            return plotRight - plotLeft;
        }

        public int plotHeight() {
            return plotBottom - plotTop;
        }

        public int xAxisLabelX() {
            return (plotLeft + plotRight) / 2;
        }

        public int xAxisLabelY() {
            return height - 6;
        }

        public int yAxisLabelY() {
            return (plotTop + plotBottom) / 2;
        }

        /** The x ticks' vertical grid lines, from the plot's top to its bottom; labels anchored in the middle by default. */
        public List<GridLine> xGrid() {
            return GridLine.of(xTicks, plotTop, plotBottom, "middle");
        }

        /** The y ticks' horizontal grid lines, from the plot's left edge to its right; labels anchored at the end by default. */
        public List<GridLine> yGrid() {
            return GridLine.of(yTicks, plotLeft, plotRight, "end");
        }
    }

    /** The chart around {@code workload}'s volume, labelled "today", or "what-if" when the volume is a what-if's. */
    public static View build(Workload workload, Assumptions a, Integer existingMlOps, List<BreakEven> breakEvens,
            boolean whatIfVolume) {
        double lo = BreakEvens.MIN_MULTIPLE;
        double hi = BreakEvens.MAX_MULTIPLE;
        List<double[]> frontier = perToken(Tier.FRONTIER_CLOSED, workload, a, existingMlOps, lo, hi);
        List<double[]> open = perToken(Tier.HOSTED_OPEN, workload, a, existingMlOps, lo, hi);
        List<double[]> selfHosted = staircase(workload, a, existingMlOps, lo, hi);
        double min = Double.MAX_VALUE;
        double max = 0;
        for (List<double[]> points : List.of(frontier, open, selfHosted)) {
            for (double[] point : points) {
                if (point[1] > 0) {
                    min = Math.min(min, point[1]);
                }
                max = Math.max(max, point[1]);
            }
        }
        if (max <= 0) {
            min = 1;
            max = 10;
        }
        double yLo = Math.pow(10, Math.floor(Math.log10(Math.max(min, 1))));
        double yHi = Math.pow(10, Math.ceil(Math.log10(max * 1.0001)));
        Scale scale = new Scale(lo, hi, yLo, yHi);
        List<Series> series = List.of(
                new Series(Tier.FRONTIER_CLOSED, path(frontier, scale, false), "#7b3fa0", "", Tier.FRONTIER_CLOSED.label()),
                new Series(Tier.HOSTED_OPEN, path(open, scale, false), "#0b6bcb", "8 5", Tier.HOSTED_OPEN.label()),
                new Series(Tier.SELF_HOSTED, path(selfHosted, scale, true), "#c05621", "2 4", Tier.SELF_HOSTED.label()));
        List<Tick> xTicks = new ArrayList<>();
        for (double m : new double[] { 0.1, 1, 10, 100 }) {
            double x = scale.x(m);
            String volume = requests(workload.requestsPerMonth() * m);
            // the last tick sits on the plot's right edge: its label ends there instead of running past the chart
            xTicks.add(new Tick(x, m == 1 ? (whatIfVolume ? "what-if: " + volume : volume + " (today)") : volume, x,
                    HEIGHT - BOTTOM + 16, m == 100 ? "end" : "middle"));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (double v = yLo; v <= yHi * 1.0001; v *= 10) {
            double y = scale.y(v);
            yTicks.add(new Tick(y, Text.usd(v), LEFT - 6, y + 4, "end"));
        }
        List<Marker> markers = new ArrayList<>();
        for (BreakEven breakEven : breakEvens) {
            if (breakEven.reached()) {
                double m = breakEven.multiple();
                double cost = CostModel.monthly(breakEven.a(), workload.scaled(m), a, existingMlOps);
                double x = scale.x(m);
                double y = scale.y(Math.max(cost, yLo));
                boolean right = x < WIDTH - 200;
                markers.add(new Marker(x, y, String.format(Locale.US, "%s = %s at %s", shortName(breakEven.a()), shortName(breakEven.b()),
                        requests(breakEven.requestsPerMonth())), right ? x + 8 : x - 190, Math.max(TOP + 12, y - 8)));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (double m : TABLE_MULTIPLES) {
            Workload w = workload.scaled(m);
            rows.add(new Row(requests(w.requestsPerMonth()) + " (" + Text.number(m) + "×)",
                    Text.usd(CostModel.monthly(Tier.FRONTIER_CLOSED, w, a, existingMlOps)),
                    Text.usd(CostModel.monthly(Tier.HOSTED_OPEN, w, a, existingMlOps)),
                    Text.usd(CostModel.monthly(Tier.SELF_HOSTED, w, a, existingMlOps))));
        }
        String description = String.format(Locale.US, "Monthly cost of each tier from %s to %s requests a month, log scales. %s",
                requests(workload.requestsPerMonth() * lo), requests(workload.requestsPerMonth() * hi),
                String.join(" ", breakEvens.stream().map(BreakEven::summary).toList()));
        return new View(WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM, series, xTicks, yTicks, scale.x(1), markers,
                rows, description, whatIfVolume ? "the what-if's volume" : "today's volume");
    }

    private static List<double[]> perToken(Tier tier, Workload w, Assumptions a, Integer mlOps, double lo, double hi) {
        return List.of(new double[] { lo, CostModel.monthly(tier, w.scaled(lo), a, mlOps) },
                new double[] { hi, CostModel.monthly(tier, w.scaled(hi), a, mlOps) });
    }

    /** The self-hosted cost at every replica step between lo and hi (or on a fine log grid when there are too many). */
    private static List<double[]> staircase(Workload w, Assumptions a, Integer mlOps, double lo, double hi) {
        SelfHostedCapacity today = SelfHostedCapacity.plan(w, a);
        double q = today.peakTokensPerSecond() / today.usableTokensPerSecondPerReplica();
        List<Double> at = new ArrayList<>();
        at.add(lo);
        if (q > 0) {
            int first = (int) Math.ceil(q * lo);
            int last = (int) Math.floor(q * hi);
            if (last - first <= MAX_STEPS) {
                for (int n = first; n <= last; n++) {
                    double boundary = n / q;
                    if (boundary > lo && boundary < hi) {
                        at.add(boundary * (1 + 1e-9));
                    }
                }
            } else {
                for (int i = 1; i < MAX_STEPS; i++) {
                    at.add(lo * Math.pow(hi / lo, i / (double) MAX_STEPS));
                }
            }
        }
        at.add(hi);
        List<double[]> points = new ArrayList<>();
        for (double m : at) {
            points.add(new double[] { m, CostModel.monthly(Tier.SELF_HOSTED, w.scaled(m), a, mlOps) });
        }
        return points;
    }

    private static String path(List<double[]> points, Scale s, boolean steps) {
        StringBuilder d = new StringBuilder(points.size() * 16);
        for (int i = 0; i < points.size(); i++) {
            double x = s.x(points.get(i)[0]);
            double y = s.y(Math.max(points.get(i)[1], s.yLo));
            if (i == 0) {
                oneDecimal(d.append('M'), x);
                oneDecimal(d.append(' '), y);
            } else if (steps) {
                oneDecimal(d.append(" H"), x);
                oneDecimal(d.append(" V"), y);
            } else {
                oneDecimal(d.append(" L"), x);
                oneDecimal(d.append(' '), y);
            }
        }
        if (steps && !points.isEmpty()) {
            oneDecimal(d.append(" H"), s.x(points.get(points.size() - 1)[0]));
        }
        return d.toString();
    }

    /**
     * {@code String.format(Locale.US, "%.1f", v)}, appended without a Formatter (a staircase has up to 400 points, and the
     * Formatter was most of the chart's time): the nearest tenth, and the Formatter itself for a value near a half tenth
     * (it rounds the shortest decimal form half up), a negative one or one too large for a long.
     */
    static StringBuilder oneDecimal(StringBuilder d, double v) {
        double tenths = v * 10;
        double fraction = tenths - Math.floor(tenths);
        if (!(v > 0 || Double.doubleToRawLongBits(v) == 0) || tenths >= 1e15 || Math.abs(fraction - 0.5) < 1e-6) {
            return d.append(String.format(Locale.US, "%.1f", v));
        }
        long n = Math.round(tenths);
        return d.append(n / 10).append('.').append(n % 10);
    }

    static String requests(double requests) {
        if (requests >= 1e9) {
            return trim(requests / 1e9) + "B";
        }
        if (requests >= 1e6) {
            return trim(requests / 1e6) + "M";
        }
        if (requests >= 1e3) {
            return trim(requests / 1e3) + "k";
        }
        return trim(requests);
    }

    private static String trim(double value) {
        return value >= 100 ? String.format(Locale.US, "%.0f", value) : value >= 10 ? String.format(Locale.US, "%.1f", value).replace(".0", "")
                : String.format(Locale.US, "%.2f", value).replaceAll("\\.?0+$", "");
    }

    private static String shortName(Tier tier) {
        return switch (tier) {
            case FRONTIER_CLOSED -> "Frontier";
            case HOSTED_OPEN -> "Hosted-open";
            case SELF_HOSTED -> "Self-hosted";
        };
    }

    /** Log-log mapping from (volume multiple, USD) to SVG coordinates. */
    private record Scale(double xLo, double xHi, double yLo, double yHi) {
        double x(double m) {
            return LEFT + (Math.log10(m) - Math.log10(xLo)) / (Math.log10(xHi) - Math.log10(xLo)) * (WIDTH - LEFT - RIGHT);
        }

        double y(double usd) {
            double t = (Math.log10(usd) - Math.log10(yLo)) / (Math.log10(yHi) - Math.log10(yLo));
            return HEIGHT - BOTTOM - t * (HEIGHT - BOTTOM - TOP);
        }
    }
}
