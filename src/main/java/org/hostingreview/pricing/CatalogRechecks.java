package org.hostingreview.pricing;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The re-checks a catalog change asks for ({@code catalog_recheck}): requested in the change's own transaction, run in
 * the background after it commits (re-opening the decisions whose prices moved, re-costing the stored estimates), and
 * shown on the change's page while they run and when they are done.
 */
@ApplicationScoped
public class CatalogRechecks {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** One re-check as its page shows it. */
    public record Status(long id, boolean running, int checked, int reopened, int recosted, List<Long> reopenedIds,
            Instant finishedAt, String error) {
    }

    /** Asks for a re-check after the change {@code ref} (a catalog row, or {@code import:ID}) commits. */
    @Transactional(TxType.MANDATORY)
    public void request(String ref, String actor) {
        em.createNativeQuery("insert into catalog_recheck (ref, actor, requested_at) values (?1, ?2, ?3)").setParameter(1, ref)
                .setParameter(2, actor).setParameter(3, clock.instant()).executeUpdate();
    }

    /** The latest re-check asked for after the change {@code ref}, or null when there was none. */
    @Transactional(TxType.SUPPORTS)
    public Status of(String ref) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, finished_at is null, checked, reopened, recosted, "
                + "cast(reopened_ids as text), finished_at, error from catalog_recheck where ref = ?1 order by id desc limit 1")
                .setParameter(1, ref).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        String ids = ((String) r[5]).replaceAll("[{}]", "");
        return new Status(((Number) r[0]).longValue(), (Boolean) r[1], ((Number) r[2]).intValue(), ((Number) r[3]).intValue(),
                ((Number) r[4]).intValue(), ids.isEmpty() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList(),
                r[6] == null ? null : r[6] instanceof Instant i ? i : ((java.sql.Timestamp) r[6]).toInstant(), (String) r[7]);
    }
}
