package org.hostingreview.pricing;

import java.util.List;
import java.util.Map;

import org.hostingreview.costmodel.Assumptions;
import org.hostingreview.costmodel.Param;
import org.hostingreview.recommendation.ProposalInputs;
import org.hostingreview.recommendation.Recommendation;

/**
 * A proposal costed: the inputs the model read, the catalog rows chosen, the assumptions in force (catalog,
 * proposal answers, saved and what-if overrides), the recommendation, and notes about stand-ins.
 *
 * @param volumeMultiple what-if volume relative to the proposal's (1 = as filed)
 * @param overrides      the what-if overrides applied on top of the saved assumptions
 */
public record Costing(ProposalInputs inputs, CatalogSnapshot.Resolution resolution, Assumptions assumptions,
        Recommendation recommendation, double volumeMultiple, Map<Param, Double> overrides, List<String> notes) {

    public boolean whatIf() {
        return volumeMultiple != 1 || !overrides.isEmpty();
    }
}
