package org.hostingreview.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hostingreview.account.UserAccount;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.evaluation.EvalResult;
import org.hostingreview.proposal.CostingService;
import org.hostingreview.proposal.Estimates;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.web.Role;
import org.hostingreview.web.SignedInUser;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The portfolio reads stored estimates: they must be what costing each proposal afresh gives, and the page must show
 * what costing every feature per request showed (the way the page worked before it read them).
 */
@QuarkusTest
class StoredEstimatesTest {

    @Inject
    CostingService costing;

    @Inject
    PortfolioService portfolios;

    @Inject
    EntityManager em;

    /** One stored row, as read back. */
    record Stored(long proposalId, boolean stale, boolean inPortfolio, Tier today, Tier recommended, double frontier,
            double hostedOpen, double selfHosted, double spend, double under, LocalDate asOf) {
    }

    @Test
    void everyDemoProposalsStoredEstimateIsWhatCostingItAfreshGives() {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant firstSignIn = (Instant) em.createQuery("select min(e.occurredAt) from AuditEvent e where e.action = 'LOGIN_SUCCEEDED'").getSingleResult();
            List<Proposal> demo = em.createQuery("from Proposal p where p.createdAt < :first order by p.id", Proposal.class)
                    .setParameter("first", firstSignIn == null ? Instant.now() : firstSignIn).getResultList();
            assertThat(demo).hasSizeGreaterThanOrEqualTo(12);
            for (Proposal p : demo) {
                Stored stored = stored(p.id);
                assertThat(stored).as("estimate of demo proposal #%d", p.id).isNotNull();
                assertThat(stored.stale()).as("#%d stale", p.id).isFalse();
                assertEqualsFresh(p, stored);
            }
        });
    }

    @Test
    void thePortfolioShowsWhatCostingEveryFeatureShows() {
        QuarkusTransaction.requiringNew().run(() -> {
            UserAccount rachel = UserAccount.find("username", "rachel").firstResult();
            SignedInUser reviewer = new SignedInUser(rachel.id, "rachel", "Rachel", rachel.team.id, rachel.team.name,
                    Set.of(Role.REVIEWER));
            Reference expected = reference();
            PortfolioService.Portfolio shown = portfolios.portfolio(reviewer, null, null);

            assertThat(shown.features()).isEqualTo(expected.features);
            assertThat(shown.moving()).isEqualTo(expected.moving);
            assertThat(shown.spendToday()).isCloseTo(expected.spend, within(0.01));
            assertThat(shown.underRecommendation()).isCloseTo(expected.under, within(0.01));
            for (PortfolioService.Group group : shown.groups()) {
                List<PortfolioService.Entry> ofTier = expected.byTier.getOrDefault(group.tier(), List.of());
                assertThat(group.filedCount()).as(group.tier().name()).isEqualTo(ofTier.stream().filter(e -> e.status() != ProposalStatus.DRAFT).count());
                assertThat(group.draftCount()).as(group.tier().name()).isEqualTo(ofTier.stream().filter(e -> e.status() == ProposalStatus.DRAFT).count());
                assertThat(group.spendToday()).isCloseTo(ofTier.stream().mapToDouble(PortfolioService.Entry::spendToday).sum(), within(0.01));
                assertThat(group.underRecommendation())
                        .isCloseTo(ofTier.stream().mapToDouble(PortfolioService.Entry::underRecommendation).sum(), within(0.01));
                List<PortfolioService.Entry> listed = new ArrayList<>(group.filed().entries());
                listed.addAll(group.drafts().entries());
                for (PortfolioService.Entry entry : listed) {
                    PortfolioService.Entry fresh = ofTier.stream().filter(e -> e.proposalId() == entry.proposalId()).findFirst()
                            .orElseThrow(() -> new AssertionError("#" + entry.proposalId() + " is not in the portfolio"));
                    assertThat(entry.today()).isEqualTo(fresh.today());
                    assertThat(entry.moves()).isEqualTo(fresh.moves());
                    assertThat(entry.approved()).isEqualTo(fresh.approved());
                    assertThat(entry.status()).isEqualTo(fresh.status());
                    assertThat(entry.spendToday()).isCloseTo(fresh.spendToday(), within(1e-5));
                    assertThat(entry.underRecommendation()).isCloseTo(fresh.underRecommendation(), within(1e-5));
                }
                // movers first, then the biggest saving
                for (int i = 1; i < group.filed().entries().size(); i++) {
                    PortfolioService.Entry a = group.filed().entries().get(i - 1);
                    PortfolioService.Entry b = group.filed().entries().get(i);
                    assertThat(a.moves() && !b.moves() || a.moves() == b.moves() && a.change() <= b.change() + 1e-5)
                            .as("#%d before #%d", a.proposalId(), b.proposalId()).isTrue();
                }
            }
        });
    }

    /** What the page showed when it costed every feature per request: the latest proposal of each that has not ended. */
    private record Reference(Map<Tier, List<PortfolioService.Entry>> byTier, long features, long moving, double spend, double under) {
    }

    private Reference reference() {
        List<Proposal> all = em.createQuery("from Proposal p join fetch p.feature join fetch p.team where p.status not in :ended "
                + "order by p.updatedAt desc, p.id desc", Proposal.class).setParameter("ended",
                        List.of(ProposalStatus.WITHDRAWN, ProposalStatus.SUPERSEDED, ProposalStatus.REJECTED)).getResultList();
        Map<Long, Proposal> latest = new LinkedHashMap<>();
        all.forEach(p -> latest.putIfAbsent(p.feature.id, p));
        Map<Long, List<EvalResult>> runs = costing.runsOf(new ArrayList<>(latest.values()));
        LocalDate today = costing.today();
        var catalog = costing.snapshot(today);
        Map<Tier, List<PortfolioService.Entry>> byTier = new EnumMap<>(Tier.class);
        long moving = 0;
        double spend = 0;
        double under = 0;
        for (Proposal p : latest.values()) {
            Estimates.Estimate e = Estimates.of(p, runs.getOrDefault(p.id, List.of()), catalog, costing, today);
            byTier.computeIfAbsent(e.recommended(), t -> new ArrayList<>()).add(new PortfolioService.Entry(p.id, p.feature.name,
                    p.team.name, p.title, p.status, e.today(), e.recommended(), p.decidedTier, e.spendToday(), e.underRecommendation(),
                    e.moves()));
            moving += e.moves() ? 1 : 0;
            spend += e.spendToday();
            under += e.underRecommendation();
        }
        return new Reference(byTier, latest.size(), moving, spend, under);
    }

    private void assertEqualsFresh(Proposal p, Stored stored) {
        Estimates.Estimate fresh = Estimates.of(p, EvalResult.ofProposal(p.id), costing.snapshot(stored.asOf()), costing, stored.asOf());
        assertThat(stored.today()).as("#%d today", p.id).isEqualTo(fresh.today());
        assertThat(stored.recommended()).as("#%d recommended", p.id).isEqualTo(fresh.recommended());
        assertThat(stored.frontier()).as("#%d frontier", p.id).isCloseTo(fresh.frontier(), within(1e-5));
        assertThat(stored.hostedOpen()).as("#%d hosted-open", p.id).isCloseTo(fresh.hostedOpen(), within(1e-5));
        assertThat(stored.selfHosted()).as("#%d self-hosted", p.id).isCloseTo(fresh.selfHosted(), within(1e-5));
        assertThat(stored.spend()).as("#%d spend", p.id).isCloseTo(fresh.spendToday(), within(1e-5));
        assertThat(stored.under()).as("#%d under", p.id).isCloseTo(fresh.underRecommendation(), within(1e-5));
    }

    private Stored stored(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select stale, in_portfolio, today_tier, recommended_tier, frontier_usd, "
                + "hosted_open_usd, self_hosted_usd, spend_today_usd, under_recommendation_usd, catalog_as_of "
                + "from proposal_estimate where proposal_id = ?1").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        Object day = r[9];
        return new Stored(id, (Boolean) r[0], (Boolean) r[1], Tier.valueOf((String) r[2]), Tier.valueOf((String) r[3]),
                ((Number) r[4]).doubleValue(), ((Number) r[5]).doubleValue(), ((Number) r[6]).doubleValue(),
                ((Number) r[7]).doubleValue(), ((Number) r[8]).doubleValue(),
                day instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) day);
    }
}
