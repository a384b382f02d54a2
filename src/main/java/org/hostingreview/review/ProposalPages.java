package org.hostingreview.review;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.evaluation.EvalResult;
import org.hostingreview.evaluation.EvaluationService;
import org.hostingreview.pricing.CatalogCosting;
import org.hostingreview.pricing.CatalogSnapshot;
import org.hostingreview.pricing.Costing;
import org.hostingreview.pricing.RecommendationView;
import org.hostingreview.pricing.WhatIf;
import org.hostingreview.proposal.CostingService;
import org.hostingreview.proposal.ProgressItem;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalService;
import org.hostingreview.proposal.WhatIfChange;
import org.hostingreview.web.FormErrors;
import org.hostingreview.web.SignedInUser;

/** Builds the proposal page: its costing (or a what-if's), the review panel and the review form to show. */
@ApplicationScoped
public class ProposalPages {

    @Inject
    EvaluationService evaluations;

    @Inject
    CostingService costing;

    @Inject
    ReviewService reviews;

    @Inject
    ProposalService proposals;

    @Inject
    jakarta.enterprise.inject.Instance<PageForecast> forecasts;

    @Inject
    jakarta.persistence.EntityManager em;

    @Inject
    ProposalPageCache cache;

    /**
     * The page rendered within the same transaction as its reads (one connection): the template asks for the proposal's
     * forecast (the revisit layer's, by name), which reads too, and would otherwise borrow a connection per statement.
     */
    @Transactional
    public String rendered(long id, SignedInUser me, WhatIf whatIf, String query, ReviewForm reviewForm, FormErrors reviewErrors,
            String reviewConflict, java.util.function.Function<ProposalPageView, io.quarkus.qute.TemplateInstance> template) {
        // a page only reads (its resource calls it outside any other transaction): entities loaded read-only keep no
        // copy of their state, and the commit has nothing to compare (the proposal's JSON columns made that 5% of the page)
        org.hibernate.Session session = em.unwrap(org.hibernate.Session.class);
        session.setDefaultReadOnly(true);
        // nor anything to flush: without this each query first walks every loaded entity to find changes (3% of the page)
        session.setHibernateFlushMode(org.hibernate.FlushMode.MANUAL);
        ProposalService.Visible visible = proposals.visibleWithCatalog(id, me);
        return template.apply(of(visible.proposal(), me, whatIf, query, reviewForm, reviewErrors, reviewConflict,
                visible.catalog())).render();
    }

    /**
     * The page of {@code proposal} for {@code me}: with {@code whatIf} applied (its {@code query} kept for the links), and
     * the review form as posted ({@code reviewForm}, its errors or conflict) or a fresh one. The eval runs are read once
     * and each day's catalog once, for the costing, the panel and the what-if's comparison alike.
     */
    @Transactional(TxType.SUPPORTS)
    public ProposalPageView of(Proposal proposal, SignedInUser me, WhatIf whatIf, String query, ReviewForm reviewForm,
            FormErrors reviewErrors, String reviewConflict) {
        return of(proposal, me, whatIf, query, reviewForm, reviewErrors, reviewConflict, null);
    }

    /** {@link #of} with the catalog's stamp already read ({@code stamp}; null: read it here), for every day it costs on. */
    @Transactional(TxType.SUPPORTS)
    public ProposalPageView of(Proposal proposal, SignedInUser me, WhatIf whatIf, String query, ReviewForm reviewForm,
            FormErrors reviewErrors, String reviewConflict, CatalogCosting.Stamp known) {
        CatalogCosting.Stamp stamp = known != null ? known : costing.stamp();
        List<EvalResult> runs = evaluations.runs(proposal.id);
        LocalDate today = costing.today();
        LocalDate asOf = whatIf.asOf() != null ? whatIf.asOf() : costing.asOf(proposal);
        Long filedRequests = proposal.workload.requestsPerMonth;
        double multiple = whatIf.requests() != null && filedRequests != null && filedRequests > 0
                ? whatIf.requests() / (double) filedRequests : 1;
        boolean whatIfAsked = multiple != 1 || !whatIf.overrides().isEmpty() || whatIf.asOf() != null;
        ProposalPageCache.Key key = ProposalPageCache.Key.of(proposal, stamp, runs, asOf, today, whatIf);
        ProposalPageCache.Views kept = cache.get(key);
        CatalogSnapshot[] catalogs = { null, null }; // as of the day asked, and today's: each loaded only when needed
        java.util.function.Supplier<CatalogSnapshot> asOfCatalog = () -> {
            if (catalogs[0] == null) {
                catalogs[0] = asOf.equals(today) && catalogs[1] != null ? catalogs[1] : costing.snapshot(asOf, stamp);
            }
            return catalogs[0];
        };
        java.util.function.Supplier<CatalogSnapshot> todaysCatalog = () -> {
            if (catalogs[1] == null) {
                catalogs[1] = asOf.equals(today) ? asOfCatalog.get() : costing.snapshot(today, stamp);
            }
            return catalogs[1];
        };
        Costing costed = kept != null ? kept.costed()
                : costing.cost(proposal, runs, asOfCatalog.get(), multiple, whatIf.overrides());
        ReviewService.Panel panel = reviews.panel(proposal, me, costed, runs, todaysCatalog);
        // a re-review decides on the observed workload: without a what-if, the recommendation shows what is decided on
        boolean decidedOnObserved = panel.observed() != null && !whatIfAsked;
        ReviewForm form = reviewForm != null ? reviewForm : new ReviewForm("", panel.approvedTier() != null
                ? panel.approvedTier().name() : panel.recommendedTier(), "", "", "", panel.defaultNextReview().toString(),
                String.valueOf(proposal.version), UUID.randomUUID().toString());
        // what a re-review decides on comes from the check-in that re-opened it, which the key does not hold
        ProposalPageCache.Views views = decidedOnObserved ? null : kept;
        if (views == null) {
            WhatIfChange change = null;
            if (whatIfAsked && whatIf.errors().isEmpty()) {
                LocalDate filedAsOf = costing.asOf(proposal);
                change = WhatIfChange.of(costing.cost(proposal, runs, filedAsOf.equals(asOf) ? asOfCatalog.get()
                        : costing.snapshot(filedAsOf, stamp)), costed);
            }
            views = views(proposal, decidedOnObserved ? panel.decidedOn() : costed, costed, change, whatIf);
            if (!decidedOnObserved) {
                cache.put(key, views);
            }
        }
        return new ProposalPageView(proposal, runs, EvalResult.latestPerModel(runs), ProgressItem.of(proposal, null),
                ProposalService.missingSteps(proposal), ProposalService.canEdit(me, proposal),
                ProposalService.isTeamProposer(me, proposal) && proposal.status.withdrawable(), views.recommendation(),
                views.whatIfForm(), whatIf, query, views.change(), panel, form, reviewErrors, reviewConflict,
                forecasts.isUnsatisfied() ? null : forecasts.get().of(proposal, runs, todaysCatalog),
                ProposalPageView.reviewChoices(proposal, panel, form));
    }

    /** The page's computed part for the costing {@code shown}: the recommendation and the what-if form rendered. */
    private static ProposalPageCache.Views views(Proposal proposal, Costing shown, Costing costed, WhatIfChange change,
            WhatIf whatIf) {
        var hostedOpenCost = proposal.hostedOpen.hostedOpenMonthlyCostUsd;
        RecommendationView rec = RecommendationView.of(shown, hostedOpenCost == null ? null : hostedOpenCost.doubleValue());
        return ProposalPageCache.Views.of(costed, change, ProposalPageResource.Templates.recommendation(rec).render(),
                ProposalPageResource.Templates.whatIfForm(proposal.id, whatIf,
                        ProposalPageView.whatIfGroups(rec, whatIf)).render());
    }
}
