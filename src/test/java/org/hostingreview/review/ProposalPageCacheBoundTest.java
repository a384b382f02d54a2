package org.hostingreview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hostingreview.pricing.CatalogCosting;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The proposal page cache holds at most its configured memory, least recently used first out, and counts its answers. */
class ProposalPageCacheBoundTest {

    private static final String PAGE_PART = "x".repeat(60_000); // with the other part ~316 KB estimated

    @Test
    void itHoldsAtMostItsMemoryAndDropsTheLeastRecentlyUsedFirst() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ProposalPageCache cache = new ProposalPageCache(1, meters); // 1 MB: three such pages
        long each = ProposalPageCache.Views.of(null, null, PAGE_PART, PAGE_PART).bytes();
        assertThat(each).isGreaterThan(1024 * 1024 / 4).isLessThan(1024 * 1024 / 3);
        for (long id = 1; id <= 3; id++) {
            cache.put(key(id), views());
        }
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.get(key(1))).as("read again, so the most recently used").isNotNull();
        cache.put(key(4), views());
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.bytes()).isLessThanOrEqualTo(cache.maxBytes()).isEqualTo(3 * each);
        assertThat(cache.get(key(2))).as("the least recently used went first").isNull();
        assertThat(cache.get(key(1))).isNotNull();
        assertThat(cache.get(key(3))).isNotNull();
        assertThat(cache.get(key(4))).isNotNull();
        assertThat(meters.get("hosting_review_proposal_page_cache").tag("result", "hit").counter().count()).isEqualTo(4);
        assertThat(meters.get("hosting_review_proposal_page_cache").tag("result", "miss").counter().count()).isEqualTo(1);
        assertThat(meters.get("hosting_review_proposal_page_cache_bytes").gauge().value()).isEqualTo(3.0 * each);
    }

    @Test
    void noMemoryKeepsNothing() {
        ProposalPageCache cache = new ProposalPageCache(0, new SimpleMeterRegistry());
        cache.put(key(1), views());
        assertThat(cache.get(key(1))).isNull();
        assertThat(cache.size()).isZero();
    }

    private static ProposalPageCache.Key key(long id) {
        return new ProposalPageCache.Key(id, 0, null, new CatalogCosting.Stamp("1.1:1.1:1.1:1.1"), List.of(), LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 1), Map.of());
    }

    private static ProposalPageCache.Views views() {
        return ProposalPageCache.Views.of(null, null, PAGE_PART, PAGE_PART);
    }
}
