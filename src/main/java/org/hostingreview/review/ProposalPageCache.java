package org.hostingreview.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hostingreview.evaluation.EvalResult;
import org.hostingreview.pricing.CatalogCosting;
import org.hostingreview.pricing.Costing;
import org.hostingreview.pricing.WhatIf;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.WhatIfChange;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.qute.RawString;

/**
 * The proposal page's computed part, kept for exactly what it is computed from: the costing (a what-if's when one is
 * asked), its comparison with the proposal's own figures, and the recommendation and what-if form rendered. Nothing
 * in it depends on who looks: what the viewer may do (the review panel, the edit and save links, the answers) is
 * built on every load.
 * <p>
 * The key is read from the database on every load (the proposal's row with the catalog's stamp, the eval runs), so an
 * edit, a review, an eval run or a price written by another instance shows on the next load; nothing is invalidated
 * by hand. The cache is bounded by an estimate of its entries' size ({@code hosting-review.proposal-page.cache-mb}),
 * least recently used first out; {@code hosting_review_proposal_page_cache_total{result=hit|miss}} counts its answers.
 */
@ApplicationScoped
public class ProposalPageCache {

    /**
     * What the computed part depends on: the proposal as saved (its version moves with every edit, review or status
     * change; its update time with an eval run entered, which does not bump the version), the catalog's {@link
     * CatalogCosting.Stamp stamp}, every eval run's costed fields in their order, the day the catalog is read as of,
     * today (stale values, a what-if's bounds) and the what-if as entered.
     */
    public record Key(long proposalId, long version, Instant updatedAt, CatalogCosting.Stamp catalog, List<String> runs,
            LocalDate asOf, LocalDate today, Map<String, String> whatIf) {

        static Key of(Proposal proposal, CatalogCosting.Stamp catalog, List<EvalResult> runs, LocalDate asOf, LocalDate today,
                WhatIf whatIf) {
            List<String> costed = new ArrayList<>(runs.size());
            for (EvalResult run : runs) {
                costed.add(run.id + "|" + run.model + "|" + run.role + "|" + run.tier + "|" + run.evalSet + "|" + run.sampleSize
                        + "|" + run.scoreKind + "|" + run.score.toPlainString() + "|" + run.runDate);
            }
            return new Key(proposal.id, proposal.version, proposal.updatedAt, catalog, List.copyOf(costed), asOf, today,
                    new TreeMap<>(whatIf.raw()));
        }
    }

    /**
     * One page's computed part: the costing shown, the what-if's comparison (null without a what-if), the
     * recommendation and the what-if form (its inputs and errors) rendered, and the estimated bytes they hold.
     */
    public record Views(Costing costed, WhatIfChange change, RawString recommendation, RawString whatIfForm, long bytes) {

        static Views of(Costing costed, WhatIfChange change, String recommendation, String whatIfForm) {
            return new Views(costed, change, new RawString(recommendation), new RawString(whatIfForm),
                    estimatedBytes(recommendation, whatIfForm));
        }
    }

    /**
     * Two bytes per character of the rendered parts (their text is not all Latin-1, so Java keeps it in UTF-16), a
     * quarter again and 16 KB for the costing and the what-if comparison they were rendered from. Measured on the demo
     * data: 62 entries (about 45,000 characters each) held 7 MB of heap, 113 KB each; this estimates 127 KB.
     */
    static long estimatedBytes(String recommendation, String whatIfForm) {
        long chars = recommendation.length() + whatIfForm.length();
        return 5 * chars / 2 + 16 * 1024;
    }

    private final long maxBytes;
    private final LinkedHashMap<Key, Views> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;
    private final Counter hits;
    private final Counter misses;

    @Inject
    ProposalPageCache(org.hostingreview.system.HostingReviewConfig config, MeterRegistry meters) {
        this(config.proposalPage().cacheMb(), meters);
    }

    ProposalPageCache(long cacheMb, MeterRegistry meters) {
        this.maxBytes = cacheMb * 1024 * 1024;
        String description = "Proposal pages whose costing and recommendation came from the cache (hit) or were computed (miss)";
        hits = Counter.builder("hosting_review_proposal_page_cache").tag("result", "hit").description(description).register(meters);
        misses = Counter.builder("hosting_review_proposal_page_cache").tag("result", "miss").description(description).register(meters);
        Gauge.builder("hosting_review_proposal_page_cache_bytes", this, ProposalPageCache::bytes)
                .description("Estimated bytes held by the proposal page cache").register(meters);
        Gauge.builder("hosting_review_proposal_page_cache_entries", this, ProposalPageCache::size)
                .description("Proposal pages held by the proposal page cache").register(meters);
    }

    /** The views kept for {@code key}, or null (counted as a hit or a miss). */
    public Views get(Key key) {
        Views found;
        synchronized (this) {
            found = entries.get(key);
        }
        (found == null ? misses : hits).increment();
        return found;
    }

    /** Keeps {@code views} for {@code key}, dropping the least recently used entries beyond the bound. */
    public void put(Key key, Views views) {
        if (maxBytes <= 0 || views.bytes() > maxBytes) {
            return;
        }
        synchronized (this) {
            Views old = entries.put(key, views);
            bytes += views.bytes() - (old == null ? 0 : old.bytes());
            for (Iterator<Views> eldest = entries.values().iterator(); bytes > maxBytes && eldest.hasNext();) {
                bytes -= eldest.next().bytes();
                eldest.remove();
            }
        }
    }

    public synchronized long bytes() {
        return bytes;
    }

    public synchronized int size() {
        return entries.size();
    }

    public long maxBytes() {
        return maxBytes;
    }
}
