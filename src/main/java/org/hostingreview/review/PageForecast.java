package org.hostingreview.review;

import java.util.List;
import java.util.function.Supplier;

import org.hostingreview.evaluation.EvalResult;
import org.hostingreview.pricing.CatalogSnapshot;
import org.hostingreview.proposal.Proposal;

/**
 * The volume forecast a decided proposal's page shows (revisit provides it), computed with the eval runs and today's
 * catalog the page has already read.
 */
public interface PageForecast {

    /** The forecast of a proposal with a decision in force (a {@code revisit.Forecast}, for the page's forecast tag), or null. */
    Object of(Proposal proposal, List<EvalResult> runs, Supplier<CatalogSnapshot> todaysCatalog);
}
