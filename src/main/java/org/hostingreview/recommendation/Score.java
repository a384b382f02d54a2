package org.hostingreview.recommendation;

import java.util.Locale;

/**
 * The counting eval result of one model: the incumbent's, or an open candidate's, on its eval set's scale
 * ({@code scaleMax} 100 for scores and pass rates in per cent, 1 for scores from 0 to 1). Scores are compared
 * only with scores of the same eval set on the same scale.
 *
 * @param evalSet the eval set the score was measured on; null when not known (then any set of the same scale)
 */
public record Score(String model, Role role, double score, double scaleMax, String evalSet) {

    public enum Role {
        INCUMBENT, CANDIDATE
    }

    public Score {
        if (!(scaleMax == 1 || scaleMax == 100)) {
            throw new IllegalArgumentException("a score scale is 0–1 or 0–100");
        }
        if (!(score >= 0 && score <= scaleMax)) {
            throw new IllegalArgumentException("a score lies on its scale");
        }
    }

    /** A score on the 0–100 scale, eval set not named. */
    public Score(String model, Role role, double score) {
        this(model, role, score, 100, null);
    }

    /** The score as a pass rate, for cost per accepted result. */
    public double passRate() {
        return score / scaleMax;
    }

    /** True when the two scores may be compared: same scale and, where both name it, the same eval set. */
    public boolean comparableWith(Score other) {
        return scaleMax == other.scaleMax && (evalSet == null || other.evalSet == null
                || evalSet.strip().toLowerCase(Locale.ROOT).equals(other.evalSet.strip().toLowerCase(Locale.ROOT)));
    }

    /** A value on this score's scale as the pages write it: 87, 4.5 on 0–100; 0.91, 0.04 on 0–1. */
    public String format(double value) {
        if (scaleMax == 1) {
            return new java.math.BigDecimal(value).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
        return org.hostingreview.costmodel.Text.points(value);
    }

    /** The score itself, formatted on its scale. */
    public String formatted() {
        return format(score);
    }

    /** "0–100" or "0–1". */
    public String scaleLabel() {
        return scaleMax == 1 ? "0–1" : "0–100";
    }
}
