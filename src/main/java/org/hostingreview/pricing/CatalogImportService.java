package org.hostingreview.pricing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.audit.AuditAction;
import org.hostingreview.audit.AuditEntity;
import org.hostingreview.audit.AuditService;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.web.Dates;
import org.hostingreview.web.InvalidInputException;
import org.hostingreview.web.NotFoundException;

/**
 * Imports into the catalog: LiteLLM's price list and GuideLLM / vLLM benchmark reports. An upload is read and kept
 * with its SHA-256, previewed against the catalog in force on its effective date (new, changed, unchanged), and only
 * applied when the admin confirms: then the new and changed rows are added, audited in one event, and approved decisions
 * are re-checked as after any catalog change. A file already applied adds nothing.
 */
@ApplicationScoped
public class CatalogImportService {

    /** Uploads larger than this are refused. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;

    @Inject
    EntityManager em;

    @Inject
    CatalogCosting costing;

    @Inject
    PricingService pricing;

    @Inject
    AuditService audit;

    @Inject
    Clock clock;

    @Inject
    Event<CatalogChanged> catalogChanged;

    @Inject
    CatalogRechecks rechecks;

    /** How a row of the file compares with the catalog. */
    public enum Status {
        NEW, CHANGED, UNCHANGED, ALREADY_IMPORTED
    }

    /** One price of the file against the catalog in force on the effective date. */
    public record PriceLine(String provider, String model, String tier, Status status, String before, String after) {
    }

    /** One measured run of a report. */
    public record RunLine(BenchmarkReports.Run run, String model, Status status, boolean gpuPriced) {
    }

    /** What applying the file would do. */
    public record Preview(long id, CatalogImport.Kind kind, String fileName, String sha256, LocalDate effectiveFrom,
            List<PriceLine> prices, List<RunLine> runs, int skipped, Instant appliedAt, Integer rowsAdded, long added,
            long changed, long unchanged) {

        public boolean applicable() {
            return appliedAt == null && added + changed > 0;
        }
    }

    /** Reads and keeps an upload; throws with the field "file" naming what is wrong. Nothing enters the catalog. */
    @Transactional
    public Preview upload(CatalogImport.Kind kind, String fileName, byte[] bytes, LocalDate effectiveFrom,
            BenchmarkReports.Hardware hardware, String model, String actor) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("file", "Choose a file.");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException("file", "The file is larger than 20 MB.");
        }
        LocalDate latest = LocalDate.now(clock).plusYears(2);
        if (effectiveFrom == null || !Dates.within(effectiveFrom, Dates.EARLIEST, latest)) {
            throw new InvalidInputException("effectiveFrom", "Enter a date from 2015 to " + latest + ".");
        }
        String content = new String(bytes, StandardCharsets.UTF_8);
        CatalogImport row = new CatalogImport();
        row.kind = kind;
        row.fileName = fileName == null || fileName.isBlank() ? "upload.json" : fileName.strip();
        row.fileName = row.fileName.length() > 200 ? row.fileName.substring(0, 200) : row.fileName;
        row.sha256 = sha256(bytes);
        row.content = content;
        row.effectiveFrom = effectiveFrom;
        row.gpu = hardware == null || hardware.gpu() == null || hardware.gpu().isBlank() ? null : hardware.gpu().strip();
        row.gpusPerReplica = hardware == null ? null : hardware.gpusPerReplica();
        row.precision = hardware == null || hardware.precision() == null || hardware.precision().isBlank() ? null
                : hardware.precision().strip();
        row.model = model == null || model.isBlank() ? null : model.strip();
        row.createdBy = actor;
        Preview preview = preview(row);
        row.persist();
        return withId(preview, row.id);
    }

    @Transactional(TxType.SUPPORTS)
    public Preview preview(long id) {
        return preview(find(id));
    }

    /** Adds the new and changed rows of a previewed file; a second time, or for a file already applied, nothing. */
    @Transactional
    public Preview apply(long id, String actor) {
        CatalogImport upload = em.find(CatalogImport.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (upload == null) {
            throw new NotFoundException("There is no such import.");
        }
        Preview preview = preview(upload);
        if (!preview.applicable()) {
            return preview;
        }
        String source = (upload.kind == CatalogImport.Kind.LITELLM ? "LiteLLM model_prices_and_context_window.json: "
                : "benchmark report: ") + upload.fileName + " (sha256 " + upload.sha256 + ")";
        LocalDate today = LocalDate.now(clock);
        List<String> refs = new ArrayList<>();
        if (upload.kind == CatalogImport.Kind.LITELLM) {
            CatalogSnapshot inForce = costing.snapshot(upload.effectiveFrom);
            for (LiteLlmPrices.Price p : prices(upload)) {
                Status status = priceStatus(p, inForce);
                if (status != Status.NEW && status != Status.CHANGED) {
                    continue;
                }
                ModelPrice row = new ModelPrice();
                row.provider = p.provider();
                row.model = p.model();
                row.tier = p.tier();
                row.inputUsdPerMTok = p.input();
                row.outputUsdPerMTok = p.output();
                row.cachedInputUsdPerMTok = p.cachedInput();
                row.batchInputUsdPerMTok = p.batchInput();
                row.batchOutputUsdPerMTok = p.batchOutput();
                row.cacheWriteUsdPerMTok = p.cacheWrite();
                row.statedBasis = PriceBasis.LIST_PRICE;
                row.sourceSha256 = upload.sha256;
                row.provenance(upload.effectiveFrom, source, today, actor);
                row.persist();
                refs.add(row.ref());
            }
        } else {
            for (RunLine line : preview.runs()) {
                if (line.status() != Status.NEW) {
                    continue;
                }
                BenchmarkReports.Run r = line.run();
                ServingThroughput row = new ServingThroughput();
                row.model = line.model();
                row.gpu = r.gpu();
                row.gpusPerReplica = r.gpusPerReplica();
                row.precision = r.precision();
                row.prefillTokensPerSecond = r.prefillTokensPerSecond();
                row.decodeTokensPerSecond = r.decodeTokensPerSecond();
                row.ttftMs = r.ttftP99Ms();
                row.itlMs = r.itlP99Ms();
                row.ttftP50Ms = r.ttftP50Ms();
                row.itlP50Ms = r.itlP50Ms();
                row.requestRate = r.requestRate();
                row.sourceKind = ServingThroughput.SourceKind.BENCHMARK;
                row.benchmark = r.tool() + " " + upload.fileName;
                row.measuredOn = r.measuredOn();
                row.method = String.format(Locale.ROOT, "measured at %s requests/s; p50 TTFT %s ms, p50 ITL %s ms", plain(r.requestRate()),
                        plain(r.ttftP50Ms()), plain(r.itlP50Ms()));
                row.sourceSha256 = upload.sha256;
                row.provenance(upload.effectiveFrom, source, today, actor);
                row.persist();
                refs.add(row.ref());
            }
        }
        upload.appliedAt = Instant.now(clock);
        upload.rowsAdded = refs.size();
        audit.event(AuditAction.CATALOG_VALUE_ADDED, actor).on(AuditEntity.CATALOG, "import:" + upload.id)
                .detail("kind", upload.kind.name()).detail("fileName", upload.fileName).detail("sha256", upload.sha256)
                .detail("effectiveFrom", upload.effectiveFrom.toString()).detail("rowsAdded", refs.size())
                .detail("rows", String.join(",", refs.size() > 200 ? refs.subList(0, 200) : refs)).record();
        // the decisions it may re-open are re-checked in the background once this commits
        rechecks.request("import:" + upload.id, actor);
        catalogChanged.fire(new CatalogChanged(actor, "import:" + upload.id));
        return preview(upload);
    }

    private Preview preview(CatalogImport upload) {
        boolean applied = upload.appliedAt != null || alreadyImported(upload);
        if (upload.kind == CatalogImport.Kind.LITELLM) {
            CatalogSnapshot inForce = costing.snapshot(upload.effectiveFrom);
            LiteLlmPrices.Read read = read(upload);
            List<PriceLine> lines = new ArrayList<>();
            for (LiteLlmPrices.Price p : read.prices()) {
                Status status = applied ? Status.ALREADY_IMPORTED : priceStatus(p, inForce);
                ModelPrice current = current(p, inForce);
                lines.add(new PriceLine(p.provider(), p.model(), p.tier().label(), status, current == null ? "" : describe(current),
                        describe(p)));
            }
            lines.sort(java.util.Comparator.comparing((PriceLine l) -> l.status().ordinal()).thenComparing(PriceLine::provider)
                    .thenComparing(PriceLine::model));
            return new Preview(upload.id == null ? 0 : upload.id, upload.kind, upload.fileName, upload.sha256, upload.effectiveFrom,
                    lines, List.of(), read.skipped(), upload.appliedAt, upload.rowsAdded, count(lines, Status.NEW),
                    count(lines, Status.CHANGED), count(lines, Status.UNCHANGED));
        }
        List<BenchmarkReports.Run> runs = runs(upload);
        List<RunLine> lines = new ArrayList<>();
        CatalogSnapshot inForce = costing.snapshot(upload.effectiveFrom);
        for (BenchmarkReports.Run run : runs) {
            String model = upload.model != null ? upload.model : run.model();
            boolean priced = inForce.gpuPrices().stream().anyMatch(g -> g.gpu.equalsIgnoreCase(run.gpu()));
            lines.add(new RunLine(run, model, applied ? Status.ALREADY_IMPORTED : Status.NEW, priced));
        }
        long added = lines.stream().filter(l -> l.status() == Status.NEW).count();
        return new Preview(upload.id == null ? 0 : upload.id, upload.kind, upload.fileName, upload.sha256, upload.effectiveFrom,
                List.of(), lines, 0, upload.appliedAt, upload.rowsAdded, added, 0, 0);
    }

    private boolean alreadyImported(CatalogImport upload) {
        String entity = upload.kind == CatalogImport.Kind.LITELLM ? "ModelPrice" : "ServingThroughput";
        return em.createQuery("select count(x) from " + entity + " x where x.sourceSha256 = :sha", Long.class)
                .setParameter("sha", upload.sha256).getSingleResult() > 0;
    }

    private LiteLlmPrices.Read read(CatalogImport upload) {
        Map<String, Tier> tiers = new LinkedHashMap<>();
        pricing.providers().forEach(p -> tiers.put(p.name, p.tier));
        try {
            return LiteLlmPrices.read(upload.content, tiers);
        } catch (BenchmarkReports.UnreadableReport e) {
            throw new InvalidInputException("file", e.getMessage() + " Nothing was imported.");
        }
    }

    private List<LiteLlmPrices.Price> prices(CatalogImport upload) {
        return read(upload).prices();
    }

    private List<BenchmarkReports.Run> runs(CatalogImport upload) {
        try {
            return BenchmarkReports.read(upload.content, new BenchmarkReports.Hardware(upload.gpu, upload.gpusPerReplica,
                    upload.precision));
        } catch (BenchmarkReports.UnreadableReport e) {
            throw new InvalidInputException("file", e.getMessage() + " Nothing was imported.");
        }
    }

    private static ModelPrice current(LiteLlmPrices.Price p, CatalogSnapshot inForce) {
        String model = CatalogSnapshot.normalize(p.model());
        return inForce.modelPrices().stream().filter(m -> m.provider.equalsIgnoreCase(p.provider()))
                .filter(m -> CatalogSnapshot.normalize(m.model).equals(model)).findFirst().orElse(null);
    }

    private static Status priceStatus(LiteLlmPrices.Price p, CatalogSnapshot inForce) {
        ModelPrice m = current(p, inForce);
        if (m == null) {
            return Status.NEW;
        }
        boolean same = same(m.inputUsdPerMTok, p.input()) && same(m.outputUsdPerMTok, p.output())
                && same(m.cachedInputUsdPerMTok, p.cachedInput()) && same(m.batchInputUsdPerMTok, p.batchInput())
                && same(m.batchOutputUsdPerMTok, p.batchOutput()) && same(m.cacheWriteUsdPerMTok, p.cacheWrite());
        return same ? Status.UNCHANGED : Status.CHANGED;
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String describe(ModelPrice m) {
        return money(m.inputUsdPerMTok, m.outputUsdPerMTok, m.cachedInputUsdPerMTok, m.batchInputUsdPerMTok, m.batchOutputUsdPerMTok,
                m.cacheWriteUsdPerMTok);
    }

    private static String describe(LiteLlmPrices.Price p) {
        return money(p.input(), p.output(), p.cachedInput(), p.batchInput(), p.batchOutput(), p.cacheWrite());
    }

    private static String money(BigDecimal in, BigDecimal out, BigDecimal cached, BigDecimal batchIn, BigDecimal batchOut,
            BigDecimal write) {
        return "$" + plain(in) + " / $" + plain(out) + (cached == null ? "" : " · cached $" + plain(cached))
                + (batchIn == null ? "" : " · batch $" + plain(batchIn) + " / $" + plain(Objects.requireNonNullElse(batchOut, out)))
                + (write == null ? "" : " · cache write $" + plain(write));
    }

    private static String plain(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }

    private static long count(List<PriceLine> lines, Status status) {
        return lines.stream().filter(l -> l.status() == status).count();
    }

    private static Preview withId(Preview p, long id) {
        return new Preview(id, p.kind(), p.fileName(), p.sha256(), p.effectiveFrom(), p.prices(), p.runs(), p.skipped(),
                p.appliedAt(), p.rowsAdded(), p.added(), p.changed(), p.unchanged());
    }

    private CatalogImport find(long id) {
        CatalogImport upload = em.find(CatalogImport.class, id);
        if (upload == null) {
            throw new NotFoundException("There is no such import.");
        }
        return upload;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
