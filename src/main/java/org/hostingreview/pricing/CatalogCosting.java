package org.hostingreview.pricing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.costmodel.Assumptions;
import org.hostingreview.costmodel.BreakEvens;
import org.hostingreview.costmodel.Param;
import org.hostingreview.costmodel.Text;
import org.hostingreview.costmodel.ValueSource;
import org.hostingreview.recommendation.ProposalInputs;
import org.hostingreview.recommendation.Recommender;
import org.hostingreview.system.Rows;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Costs a workload with the catalog in force on a day: loads the catalog (four queries, whatever its history),
 * resolves what it is priced on, and runs the plain-Java model. It knows nothing of proposals: the proposal
 * layer maps a proposal onto a {@link CatalogSnapshot.Request} and {@link ProposalInputs}.
 */
@ApplicationScoped
public class CatalogCosting {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Rows plain;

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A catalog loaded once, with the state of the four tables it was loaded from. */
    private record Loaded(Stamp stamp, CatalogSnapshot snapshot) {
    }

    /**
     * The state of the catalog: the number {@code catalog_version} holds, which a trigger on each of the four tables moves
     * with every insert (and update, delete or truncate, which {@code catalog_reject_change} refuses), in the writing
     * transaction. An equal stamp means an unchanged catalog, on every instance alike.
     */
    public record Stamp(String value) {
    }

    /**
     * The stamp as one HQL select item, for a query that reads something else and the stamp in the same statement;
     * {@link #stamp(Object[], int)} reads it back from its row.
     */
    public static final String STAMP_ITEMS = "(select cv.version from CatalogVersion cv where cv.id = 1)";

    /** The stamp from a row that selected {@link #STAMP_ITEMS} at column {@code from}. */
    public static Stamp stamp(Object[] row, int from) {
        return of(row[from]);
    }

    private static Stamp of(Object version) {
        return new Stamp(version == null ? "none" : String.valueOf(((Number) version).longValue()));
    }

    /** {@link #STAMP_ITEMS} in SQL, for the plain read outside a transaction. */
    private static final String STAMP_SQL = "select (select version from catalog_version where id = 1)";

    /**
     * The catalog's stamp now, in one statement. It was the row count and highest id of each of the four tables, eight
     * sub-queries: 25 µs of PostgreSQL's execution on every API estimate, against 8 µs now, and half of the database's CPU
     * per estimate (pg_stat_statements and /proc on the demo). Outside a transaction (an API estimate, a page that only
     * reads) as plain JDBC; inside one through Hibernate, after writing out what the transaction holds unwritten, so that a
     * catalog row it has just added has moved the number (the query on the four tables had that from Hibernate's flush
     * before a query on them).
     */
    @Transactional(TxType.SUPPORTS)
    public Stamp stamp() {
        if (!QuarkusTransaction.isActive()) {
            return stamp(plain.read(STAMP_SQL, List.of()).get(0), 0);
        }
        if (em.isJoinedToTransaction()) {
            em.flush();
        }
        return of(em.createQuery("select " + STAMP_ITEMS, Long.class).getSingleResult());
    }

    private static final int CACHED_DAYS = 64;
    private final Map<LocalDate, Loaded> loaded = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The catalog in force on {@code asOf}: loaded once per day asked and kept while the catalog's {@link Stamp} stays as
     * it was, which costs one statement instead of four loads.
     */
    @Transactional(TxType.SUPPORTS)
    public CatalogSnapshot snapshot(LocalDate asOf) {
        return snapshot(asOf, stamp());
    }

    /** {@link #snapshot(LocalDate)} with the stamp already read (in the same statement as something else). */
    @Transactional(TxType.SUPPORTS)
    public CatalogSnapshot snapshot(LocalDate asOf, Stamp stamp) {
        Loaded cached = loaded.get(asOf);
        if (cached != null && cached.stamp().equals(stamp)) {
            return cached.snapshot();
        }
        CatalogSnapshot snapshot = snapshot(asOf, (String) null);
        if (loaded.size() >= CACHED_DAYS) {
            loaded.clear();
        }
        loaded.put(asOf, new Loaded(stamp, snapshot));
        return snapshot;
    }

    /** The catalog in force on {@code asOf}, as if the row {@code excluded} (a {@link CatalogRef}) did not exist. */
    @Transactional(TxType.SUPPORTS)
    public CatalogSnapshot snapshot(LocalDate asOf, String excluded) {
        return new CatalogSnapshot(asOf,
                without(em.createQuery("from ModelPrice where effectiveFrom <= :d", ModelPrice.class).setParameter("d", asOf)
                        .getResultList(), CatalogRef::of, excluded),
                without(em.createQuery("from GpuPrice where effectiveFrom <= :d", GpuPrice.class).setParameter("d", asOf)
                        .getResultList(), CatalogRef::of, excluded),
                without(em.createQuery("from ServingThroughput where effectiveFrom <= :d", ServingThroughput.class)
                        .setParameter("d", asOf).getResultList(), CatalogRef::of, excluded),
                without(em.createQuery("from PolicyValue where effectiveFrom <= :d", PolicyValue.class).setParameter("d", asOf)
                        .getResultList(), CatalogRef::of, excluded));
    }

    private static <T> List<T> without(List<T> rows, Function<T, String> ref, String excluded) {
        return excluded == null ? rows : rows.stream().filter(row -> !excluded.equals(ref.apply(row))).toList();
    }

    /**
     * Costs {@code inputs} on what {@code catalog} resolves for {@code request}, with what the proposal states
     * ({@code stated}) on top of the catalog and {@code overrides} on top of that. {@code spendScaled} says the
     * inputs carry a stated spend scaled by {@code volumeMultiple}, so that the costing can say so.
     */
    public static Costing cost(CatalogSnapshot catalog, CatalogSnapshot.Request request, UnaryOperator<Assumptions> stated,
            ProposalInputs inputs, double volumeMultiple, Map<Param, Double> overrides, boolean spendScaled) {
        List<String> notes = new ArrayList<>();
        CatalogSnapshot.Resolution resolution = catalog.resolve(request);
        notes.addAll(resolution.notes());
        Assumptions a = assumptions(resolution, stated, overrides);
        notes.add(sizedOn(a));
        if (volumeMultiple != 1 && spendScaled) {
            notes.add(String.format("What-if volume: the stated spend is scaled by %s× as well.",
                    BreakEvens.multiple(volumeMultiple)));
        }
        return new Costing(inputs, resolution, a, Recommender.recommend(inputs, a), volumeMultiple, overrides, notes);
    }

    /**
     * The values a costing is made with, without costing it: what the catalog resolves for the request, with what the
     * proposal states and the overrides on top (which catalog rows a costing uses, see {@link #cost}).
     */
    public static Assumptions assumptions(CatalogSnapshot catalog, CatalogSnapshot.Request request, UnaryOperator<Assumptions> stated,
            Map<Param, Double> overrides) {
        return assumptions(catalog.resolve(request), stated, overrides);
    }

    private static Assumptions assumptions(CatalogSnapshot.Resolution resolution, UnaryOperator<Assumptions> stated,
            Map<Param, Double> overrides) {
        return stated.apply(resolution.assumptions()).withOverrides(overrides);
    }

    /** The same costing with its inputs changed by {@code adjust} (a check-in's actuals, a decision's baseline). */
    public static Costing recost(Costing plain, UnaryOperator<ProposalInputs> adjust) {
        ProposalInputs inputs = adjust.apply(plain.inputs());
        return new Costing(inputs, plain.resolution(), plain.assumptions(), Recommender.recommend(inputs, plain.assumptions()), 1,
                Map.of(), plain.notes());
    }

    /** Which serving rate self-hosting is sized on, measured or estimated, so that the page can say so. */
    static String sizedOn(Assumptions a) {
        if (a.get(Param.REPLICA_TOKENS_PER_SECOND) > 0) {
            ValueSource blended = a.source(Param.REPLICA_TOKENS_PER_SECOND);
            return String.format("Self-hosting is sized on one blended rate of %s tokens/s per replica for input and output alike (%s).",
                    Text.number(a.get(Param.REPLICA_TOKENS_PER_SECOND)),
                    blended.kind() == ValueSource.Kind.CATALOG ? blended.describes() : "a stated assumption");
        }
        ValueSource decode = a.source(Param.DECODE_TOKENS_PER_SECOND);
        String rates = String.format("prefill %,.0f and decode %,.0f tokens/s per replica", a.get(Param.PREFILL_TOKENS_PER_SECOND),
                a.get(Param.DECODE_TOKENS_PER_SECOND));
        return switch (decode.kind()) {
            case CATALOG -> "Self-hosting is sized on " + rates + ": " + decode.describes() + ", checked " + decode.checkedOn() + ".";
            case DEFAULT -> "Self-hosting is sized on the framework's default " + rates + " (estimated; no catalog row for this model).";
            default -> "Self-hosting is sized on " + rates + " (a stated assumption).";
        };
    }
}
