package org.hostingreview.portfolio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.costmodel.Tier;
import org.hostingreview.evaluation.EvalResult;
import org.hostingreview.pricing.CatalogSnapshot;
import org.hostingreview.pricing.Costing;
import org.hostingreview.proposal.CostingService;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.recommendation.Recommendation;
import org.hostingreview.web.Role;
import org.hostingreview.web.SignedInUser;

/**
 * The hybrid pattern at a glance: every active feature (its latest proposal that has not ended), grouped by
 * the tier recommended for it (and showing the tier approved for it, once a review decided), with what it costs today against what it would cost there. Features whose
 * recommendation differs from the tier they run on come first. A constant number of queries: proposals, their
 * eval runs, the catalog.
 */
@ApplicationScoped
public class PortfolioService {

    @Inject
    EntityManager em;

    @Inject
    CostingService costing;

    /** One feature in the portfolio. */
    public record Entry(long proposalId, String feature, String team, String title, ProposalStatus status, Tier today,
            Tier recommended, Tier approved, double spendToday, double underRecommendation, boolean moves) {

        public double change() {
            return underRecommendation - spendToday;
        }
    }

    /** The features recommended for one tier, with totals. */
    public record Group(Tier tier, List<Entry> entries, double spendToday, double underRecommendation) {

        /** Submitted or decided: what the tier's features are. */
        public List<Entry> filed() {
            return entries.stream().filter(e -> e.status() != ProposalStatus.DRAFT).toList();
        }

        /** Drafts, shown apart: nothing has been filed for them yet. */
        public List<Entry> drafts() {
            return entries.stream().filter(e -> e.status() == ProposalStatus.DRAFT).toList();
        }
    }

    /** The whole portfolio. */
    public record Portfolio(List<Group> groups, double spendToday, double underRecommendation, int moving, int features) {

        /** Under the recommendations minus today: negative is a saving, positive an extra cost. */
        public double difference() {
            return underRecommendation - spendToday;
        }

        /** The saving a month under the recommendations; 0 when they cost more. */
        public double saving() {
            return Math.max(0, -difference());
        }
    }

    @Transactional(TxType.SUPPORTS)
    public Portfolio portfolio(SignedInUser me, Long teamFilter) {
        boolean seesAll = me.seesAllTeams();
        Long team = seesAll ? teamFilter : Long.valueOf(me.teamId());
        String jpql = "from Proposal p join fetch p.feature join fetch p.team where p.status not in :ended"
                + (team != null ? " and p.team.id = :team" : "") + " order by p.updatedAt desc, p.id desc";
        var query = em.createQuery(jpql, Proposal.class).setParameter("ended",
                List.of(ProposalStatus.WITHDRAWN, ProposalStatus.SUPERSEDED, ProposalStatus.REJECTED));
        if (team != null) {
            query.setParameter("team", team);
        }
        Map<Long, Proposal> latestPerFeature = new LinkedHashMap<>();
        for (Proposal proposal : query.getResultList()) {
            latestPerFeature.putIfAbsent(proposal.feature.id, proposal);
        }
        List<Proposal> proposals = new ArrayList<>(latestPerFeature.values());
        Map<Long, List<EvalResult>> runs = costing.runsOf(proposals);
        CatalogSnapshot catalog = costing.snapshot(costing.today());
        Map<Tier, List<Entry>> byTier = new EnumMap<>(Tier.class);
        for (Proposal proposal : proposals) {
            Costing costed = costing.cost(proposal, runs.getOrDefault(proposal.id, List.of()), catalog);
            Recommendation r = costed.recommendation();
            Tier today = costed.inputs().answers().incumbentTier();
            double spend = proposal.spend.currentMonthlySpendUsd != null ? proposal.spend.currentMonthlySpendUsd.doubleValue()
                    : r.tier(today).monthlyCost();
            byTier.computeIfAbsent(r.recommended(), t -> new ArrayList<>()).add(new Entry(proposal.id, proposal.feature.name,
                    proposal.team.name, proposal.title, proposal.status, today, r.recommended(), proposal.decidedTier, spend,
                    r.tier(r.recommended()).monthlyCost(), r.recommended() != today));
        }
        List<Group> groups = new ArrayList<>();
        double spendToday = 0;
        double under = 0;
        int moving = 0;
        for (Tier tier : Tier.values()) {
            List<Entry> entries = new ArrayList<>(byTier.getOrDefault(tier, List.of()));
            entries.sort(Comparator.comparing((Entry e) -> !e.moves()).thenComparing(Entry::change));
            double groupToday = entries.stream().mapToDouble(Entry::spendToday).sum();
            double groupUnder = entries.stream().mapToDouble(Entry::underRecommendation).sum();
            groups.add(new Group(tier, entries, groupToday, groupUnder));
            spendToday += groupToday;
            under += groupUnder;
            moving += (int) entries.stream().filter(Entry::moves).count();
        }
        return new Portfolio(groups, spendToday, under, moving, proposals.size());
    }
}
