package org.hostingreview.proposal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.costmodel.Param;
import org.hostingreview.costmodel.Text;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.evaluation.EvalResult;
import org.hostingreview.pricing.CatalogSnapshot;
import org.hostingreview.pricing.Costing;
import org.hostingreview.pricing.PricingService;

/** What a catalog value changes: the open proposals whose costing uses it, before and after it. */
@ApplicationScoped
public class CatalogImpact {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CostingService costing;

    @Inject
    PricingService pricing;

    /** One open proposal a new catalog value changes: its recommendation and costs before and after. */
    public record Impact(long proposalId, String title, String team, ProposalStatus status, String recommendedBefore,
            String recommendedAfter, String costsBefore, String costsAfter) {
    }

    /** A catalog row and the open proposals whose costing uses it (from its effective day, against the day before it). */
    public record Change(String ref, String describes, LocalDate effectiveFrom, List<Impact> impacts) {
    }

    /**
     * The open proposals a catalog value changes, as far as the viewer may see them: their own team's, and when
     * they see every team (reviewers, admins) the other teams' proposals past the draft stage.
     */
    @Transactional(TxType.SUPPORTS)
    public Change impact(String ref, long viewerTeamId, boolean seesAllTeams) {
        LocalDate from = pricing.effectiveFrom(ref);
        LocalDate asOf = from.isAfter(LocalDate.now(clock)) ? from : LocalDate.now(clock);
        CatalogSnapshot after = costing.snapshot(asOf);
        CatalogSnapshot before = costing.snapshot(asOf, ref);
        List<Proposal> open = em.createQuery("from Proposal p join fetch p.team join fetch p.feature where p.status in :open "
                + "and (p.team.id = :team or (:all = true and p.status <> :draft)) order by p.id", Proposal.class)
                .setParameter("open", List.of(ProposalStatus.DRAFT, ProposalStatus.SUBMITTED,
                        ProposalStatus.CHANGES_REQUESTED, ProposalStatus.APPROVED, ProposalStatus.REVIEW_DUE))
                .setParameter("team", viewerTeamId).setParameter("all", seesAllTeams)
                .setParameter("draft", ProposalStatus.DRAFT)
                .getResultList();
        Map<Long, List<EvalResult>> runs = costing.runsOf(open);
        List<Impact> impacts = new ArrayList<>();
        for (Proposal proposal : open) {
            // which catalog rows it is costed on, without costing it: only the proposals that use this row are costed
            if (!uses(costing.assumptions(proposal, runs.getOrDefault(proposal.id, List.of()), after), ref)) {
                continue;
            }
            Costing now = costing.cost(proposal, runs.getOrDefault(proposal.id, List.of()), after);
            Costing then = costing.cost(proposal, runs.getOrDefault(proposal.id, List.of()), before);
            impacts.add(new Impact(proposal.id, proposal.title, proposal.team.name, proposal.status,
                    then.recommendation().recommended().label(), now.recommendation().recommended().label(), costs(then),
                    costs(now)));
        }
        return new Change(ref, pricing.describe(ref), from, impacts);
    }

    static boolean uses(Costing costing, String ref) {
        return uses(costing.assumptions(), ref);
    }

    static boolean uses(org.hostingreview.costmodel.Assumptions assumptions, String ref) {
        for (Param param : Param.values()) {
            if (ref.equals(assumptions.source(param).catalogRef())) {
                return true;
            }
        }
        return false;
    }

    private static String costs(Costing c) {
        return String.join(" · ", Arrays.stream(Tier.values())
                .map(t -> t.label().split(" ")[0] + " " + Text.usd(c.recommendation().tier(t).monthlyCost())).toList());
    }
}
