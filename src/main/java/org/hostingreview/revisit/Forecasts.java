package org.hostingreview.revisit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.costmodel.BreakEven;
import org.hostingreview.pricing.Costing;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.recommendation.PlanStep;
import org.hostingreview.recommendation.RuleId;
import org.hostingreview.review.Review;
import org.hostingreview.review.ReviewService;

/**
 * The volume forecast of a decided proposal: its check-ins' trend against the decision's thresholds (the break-evens
 * of the decided workload with today's catalog, and the volume gates of the decision's plan). Templates reach it as
 * {@code inject:forecasts}.
 */
@ApplicationScoped
@Named("forecasts")
public class Forecasts implements org.hostingreview.review.PageForecast {

    @Inject
    ReviewService reviews;

    @Inject
    RevisitService revisits;

    @Inject
    org.hostingreview.proposal.CostingService costing;

    @Inject
    java.time.Clock clock;

    @Inject
    jakarta.persistence.EntityManager em;

    /** How long the dashboard trusts a forecast it computed: today's catalog may move it in between. */
    static final java.time.Duration CACHED_FOR = java.time.Duration.ofMinutes(5);
    private static final int CACHE_ENTRIES = 1_000;

    private record Key(long proposalId, long version, long checkins, long lastCheckinId, java.time.LocalDate today) {
    }

    private record Entry(Forecast forecast, java.time.Instant until) {
    }

    private final java.util.Map<Key, Entry> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The dashboard's forecast of a decision: computed once for the proposal's version, its check-ins (their number
     * and the newest) and the day, and kept for {@link #CACHED_FOR}; a new check-in, decision or edit computes it again.
     */
    @Transactional(TxType.SUPPORTS)
    public Forecast cached(long proposalId, long version, long checkins, long lastCheckinId) {
        java.time.Instant now = clock.instant();
        Key key = new Key(proposalId, version, checkins, lastCheckinId, java.time.LocalDate.now(clock));
        Entry entry = cache.get(key);
        if (entry != null && entry.until().isAfter(now)) {
            return entry.forecast();
        }
        Proposal proposal = em.find(Proposal.class, proposalId);
        Forecast forecast = proposal == null ? null : of(proposal);
        if (cache.size() >= CACHE_ENTRIES) {
            cache.clear();
        }
        cache.put(key, new Entry(forecast, now.plus(CACHED_FOR)));
        return forecast;
    }

    /** The forecast of a proposal with a decision in force, or null. */
    @Transactional(TxType.SUPPORTS)
    public Forecast of(Proposal proposal) {
        if (proposal.status != ProposalStatus.APPROVED && proposal.status != ProposalStatus.REVIEW_DUE) {
            return null;
        }
        return of(proposal, org.hostingreview.evaluation.EvalResult.ofProposal(proposal.id), Checkin.ofProposal(proposal.id),
                costing.snapshot(costing.today()));
    }

    /**
     * What a proposal page's forecast is computed from, besides the catalog: the proposal as saved (a decision, an edit
     * or a status change moves its version or its update time), its eval runs, its check-ins and the day.
     */
    private record PageKey(long proposalId, long version, java.time.Instant updatedAt, ProposalStatus status,
            java.time.LocalDate nextReviewOn, List<Long> runs, List<Long> checkins, java.time.LocalDate today) {
    }

    private final java.util.Map<PageKey, java.util.Optional<Forecast>> pageCache = new java.util.concurrent.ConcurrentHashMap<>();

    /** The catalog the page cache's forecasts were computed with: another one (a catalog change) empties the cache. */
    private volatile org.hostingreview.pricing.CatalogSnapshot pageCatalog;

    /**
     * The same with the proposal's eval runs and today's catalog as the caller has them (not read again). Kept for the
     * same inputs: the proposal as saved, its runs, its check-ins, the day and today's catalog (the same snapshot); the
     * decision and its re-costing are read and computed again only when one of them changed.
     */
    @Override
    @Transactional(TxType.SUPPORTS)
    public Forecast of(Proposal proposal, List<org.hostingreview.evaluation.EvalResult> runs,
            java.util.function.Supplier<org.hostingreview.pricing.CatalogSnapshot> todaysCatalog) {
        if (proposal.status != ProposalStatus.APPROVED && proposal.status != ProposalStatus.REVIEW_DUE) {
            return null;
        }
        List<Checkin> checkins = Checkin.ofProposal(proposal.id);
        var catalog = todaysCatalog.get();
        if (catalog != pageCatalog) {
            pageCache.clear();
            pageCatalog = catalog;
        }
        PageKey key = new PageKey(proposal.id, proposal.version, proposal.updatedAt, proposal.status, proposal.nextReviewOn,
                runs.stream().map(r -> r.id).toList(), checkins.stream().map(c -> c.id).toList(), java.time.LocalDate.now(clock));
        java.util.Optional<Forecast> kept = pageCache.get(key);
        if (kept != null) {
            return kept.orElse(null);
        }
        Forecast forecast = of(proposal, runs, checkins, catalog);
        if (pageCache.size() >= CACHE_ENTRIES) {
            pageCache.clear();
        }
        if (catalog == pageCatalog) {
            pageCache.put(key, java.util.Optional.ofNullable(forecast));
        }
        return forecast;
    }

    private Forecast of(Proposal proposal, List<org.hostingreview.evaluation.EvalResult> runs, List<Checkin> checkins,
            org.hostingreview.pricing.CatalogSnapshot catalog) {
        Review decision = reviews.decision(proposal.id);
        if (decision == null) {
            return null;
        }
        List<Forecast.Point> points = checkins.stream().map(c -> new Forecast.Point(
                c.periodStart.plusDays(java.time.temporal.ChronoUnit.DAYS.between(c.periodStart, c.periodEnd) / 2),
                c.requestsPerMonth())).toList();
        List<Forecast.Threshold> thresholds = thresholds(proposal, decision, runs, catalog);
        if (points.size() >= Forecast.MIN_POINTS) {
            long latest = points.stream().max(java.util.Comparator.comparing(Forecast.Point::at)).orElseThrow().requestsPerMonth();
            thresholds.addAll(ruleThresholds(proposal, decision, runs, catalog, Math.max(1, latest)));
        }
        return Forecast.of(points, thresholds, proposal.nextReviewOn);
    }

    /** The volumes at which the decision's answer may change. */
    List<Forecast.Threshold> thresholds(Proposal proposal, Review decision, List<org.hostingreview.evaluation.EvalResult> runs,
            org.hostingreview.pricing.CatalogSnapshot catalog) {
        List<Forecast.Threshold> thresholds = new ArrayList<>();
        Costing baseline = revisits.baseline(proposal, decision, runs, catalog);
        for (BreakEven b : baseline.recommendation().breakEvens()) {
            // the crossing nearest the decided volume, and the one from which a tier stays cheaper (the staircase can make
            // the two alternate in between), each named by the tier that becomes cheaper there
            if (b.requestsPerMonth() != null) {
                thresholds.add(new Forecast.Threshold(String.format("%s crosses %s", short_(b.cheaperAbove().label()),
                        short_(other(b, b.cheaperAbove()).label())), b.requestsPerMonth()));
            }
            if (b.staysFromRequests() != null && !b.staysFromRequests().equals(b.requestsPerMonth())) {
                thresholds.add(new Forecast.Threshold(String.format("%s stays cheaper than %s", short_(b.staysCheaper().label()),
                        short_(other(b, b.staysCheaper()).label())), b.staysFromRequests()));
            }
        }
        if (decision.snapshot.plan() != null) {
            for (PlanStep step : decision.snapshot.plan()) {
                if (step.gate() == PlanStep.Gate.VOLUME && step.fromRequestsPerMonth() != null
                        && step.stage() != PlanStep.Stage.NOW) {
                    thresholds.add(new Forecast.Threshold("the plan's " + step.stage().name().toLowerCase(Locale.ROOT) + " step ("
                            + step.tier().label() + ") opens", step.fromRequestsPerMonth()));
                }
            }
        }
        return thresholds;
    }

    /** The threshold rules whose answer changes as volume grows from the latest: probed on a 5% grid up to 100×. */
    List<Forecast.Threshold> ruleThresholds(Proposal proposal, Review decision, List<org.hostingreview.evaluation.EvalResult> runs,
            org.hostingreview.pricing.CatalogSnapshot catalog, long latest) {
        List<Forecast.Threshold> found = new ArrayList<>();
        Costing start = revisits.likeThenAt(proposal, decision, runs, catalog, latest);
        java.util.Set<RuleId> pending = new java.util.LinkedHashSet<>(RULES);
        for (double volume = latest * 1.05; volume <= latest * 100.0 && !pending.isEmpty(); volume *= 1.05) {
            Costing at = revisits.likeThenAt(proposal, decision, runs, catalog, Math.round(volume));
            for (var it = pending.iterator(); it.hasNext();) {
                RuleId rule = it.next();
                boolean before = start.recommendation().fires(rule);
                if (at.recommendation().fires(rule) != before) {
                    found.add(new Forecast.Threshold(rule.name() + (before ? " stops firing" : " starts to fire"), Math.round(volume)));
                    it.remove();
                }
            }
        }
        return found;
    }

    static final List<RuleId> RULES = List.of(RuleId.S2_HYPERSCALE, RuleId.H2_UNDER_THRESHOLD, RuleId.X4_HYPERSCALE_SAVINGS);

    /** "Self-hosted open weights" → "self-hosting", as people say it. */
    private static org.hostingreview.costmodel.Tier other(BreakEven b, org.hostingreview.costmodel.Tier tier) {
        return b.a() == tier ? b.b() : b.a();
    }

    private static String short_(String label) {
        return switch (label) {
            case "Self-hosted open weights" -> "self-hosting";
            case "Hosted open weights" -> "hosted-open";
            case "Frontier closed API" -> "the frontier API";
            default -> label;
        };
    }
}
