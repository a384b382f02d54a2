package org.hostingreview.revisit;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.account.UserAccount;
import org.hostingreview.audit.AuditAction;
import org.hostingreview.audit.AuditEntity;
import org.hostingreview.audit.AuditService;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalService;
import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.proposal.ReopenReason;
import org.hostingreview.review.DecisionSnapshot;
import org.hostingreview.review.Review;
import org.hostingreview.review.ReviewService;
import org.hostingreview.web.Choices;
import org.hostingreview.web.ConflictException;
import org.hostingreview.web.Dates;
import org.hostingreview.web.FormErrors;
import org.hostingreview.web.FormValidator;
import org.hostingreview.web.InvalidInputException;
import org.hostingreview.web.Numbers;
import org.hostingreview.web.SignedInUser;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.quarkus.security.ForbiddenException;

/**
 * Check-ins: the owner's team reports actuals for a period (form, JSON API, or a CSV spend export); each is
 * compared with the frozen decision and may re-open it, in the same transaction, audited.
 */
@ApplicationScoped
public class CheckinService {


    @Inject
    ProposalService proposals;

    @Inject
    ReviewService reviews;

    @Inject
    RevisitService revisits;

    @Inject
    AuditService audit;

    @Inject
    FormValidator forms;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    org.hostingreview.proposal.ProposalLocks locks;

    /** A recorded check-in, the costing it led to, and whether it re-opened the decision. */
    public record Result(Checkin checkin, RevisitService.Evaluation evaluation, boolean reopened, boolean repeated) {
    }

    /** The proposal and its decision in force, when the user may check in on it. */
    @Transactional(TxType.SUPPORTS)
    public Proposal checkable(long proposalId, SignedInUser me) {
        Proposal proposal = proposals.visible(proposalId, me);
        if (me.teamId() != proposal.team.id) {
            throw new ForbiddenException("Only " + proposal.team.name + " records check-ins for its features.");
        }
        if (proposal.status != ProposalStatus.APPROVED && proposal.status != ProposalStatus.REVIEW_DUE) {
            throw new ConflictException("Check-ins compare actuals with an approved decision; this proposal has none in force.");
        }
        return proposal;
    }

    @Transactional
    @org.hostingreview.web.RetriedOnRace
    public Result record(long proposalId, SignedInUser me, Actuals actuals, Checkin.Source source) {
        return record(proposalId, me, actuals, source, false, null);
    }

    /**
     * Records one period's actuals. A period that overlaps a check-in already recorded is refused, unless
     * {@code replace} says to replace the earlier one(s) (audited). An {@code idempotencyKey} seen before for this
     * proposal returns that check-in again instead of recording another.
     */
    @Transactional
    @org.hostingreview.web.RetriedOnRace
    public Result record(long proposalId, SignedInUser me, Actuals actuals, Checkin.Source source, boolean replace,
            String idempotencyKey) {
        FormErrors refused = FormErrors.none();
        CheckinRules.period(actuals.periodStart(), actuals.periodEnd(), LocalDate.now(clock), refused);
        refused.throwIfAny();
        locks.one(proposalId);
        Proposal proposal = checkable(proposalId, me);
        if (idempotencyKey != null) {
            Checkin earlier = Checkin.<Checkin>find("proposal.id = ?1 and idempotencyKey = ?2", proposalId, idempotencyKey)
                    .firstResult();
            if (earlier != null) {
                Review decision = reviews.decision(proposalId);
                return new Result(earlier, revisits.evaluate(proposal, decision, earlier.actuals()), earlier.reopened, true);
            }
        }
        Review decision = reviews.decision(proposalId);
        if (decision == null) {
            throw new ConflictException("This proposal has no frozen decision to compare with.");
        }
        List<Checkin> overlapping = Checkin.list("proposal.id = ?1 and periodStart <= ?2 and periodEnd >= ?3 order by periodStart",
                proposalId, actuals.periodEnd(), actuals.periodStart());
        if (!overlapping.isEmpty() && !replace) {
            Checkin first = overlapping.get(0);
            throw new InvalidInputException("periodStart", String.format("A check-in for %s to %s (%s) is already recorded; "
                    + "one check-in per period. Tick \"Replace the earlier check-in\" to replace it.", first.periodStart,
                    first.periodEnd, first.periodLabel()));
        }
        for (Checkin old : overlapping) {
            audit.event(AuditAction.CHECKIN_REPLACED, me.username()).on(AuditEntity.PROPOSAL, proposal.id).team(proposal.team.id)
                    .detail("checkinId", old.id).detail("period", old.periodStart + ".." + old.periodEnd)
                    .detail("requests", old.requests).detail("spendUsd", old.spendUsd.toPlainString())
                    .detail("source", old.source.name()).record();
            old.delete();
        }
        Actuals filled = actuals.spendTier() != null ? actuals : new Actuals(actuals.periodStart(), actuals.periodEnd(),
                actuals.requests(), actuals.inputTokensPerRequest(), actuals.outputTokensPerRequest(), actuals.spendUsd(),
                decision.chosenTier, actuals.observedQuality(), actuals.incidents(), actuals.notes());
        RevisitService.Evaluation evaluation = revisits.evaluate(proposal, decision, filled);
        DecisionSnapshot.Basis basis = decision.snapshot.basis();
        // A back-filled period older than the one the decision was settled on tells the decision nothing new.
        boolean older = basis != null && basis.observed() && basis.periodStart() != null
                && filled.periodEnd().isBefore(basis.periodStart());
        List<ReopenReason> reasons = older ? List.of() : evaluation.reasons();
        Checkin checkin = new Checkin();
        checkin.proposal = proposal;
        checkin.periodStart = filled.periodStart();
        checkin.periodEnd = filled.periodEnd();
        checkin.requests = filled.requests();
        checkin.inputTokensPerRequest = filled.inputTokensPerRequest();
        checkin.outputTokensPerRequest = filled.outputTokensPerRequest();
        checkin.spendUsd = filled.spendUsd();
        checkin.spendTier = filled.spendTier();
        checkin.observedQuality = filled.observedQuality();
        checkin.incidents = filled.incidents();
        checkin.notes = filled.notes() == null || filled.notes().isBlank() ? null : filled.notes().strip();
        checkin.source = source;
        checkin.reasons = new ArrayList<>(reasons);
        checkin.recommendedTier = evaluation.now().recommendation().recommended();
        checkin.enteredBy = UserAccount.findById(me.id());
        checkin.createdAt = clock.instant();
        checkin.idempotencyKey = idempotencyKey;
        boolean reopened = false;
        checkin.persist();
        audit.event(AuditAction.CHECKIN_RECORDED, me.username()).on(AuditEntity.PROPOSAL, proposal.id).team(proposal.team.id)
                .detail("checkinId", checkin.id).detail("period", checkin.periodStart + ".." + checkin.periodEnd)
                .detail("requests", checkin.requests).detail("spendUsd", checkin.spendUsd.toPlainString())
                .detail("source", source.name()).detail("replaced", overlapping.isEmpty() ? null
                        : overlapping.stream().map(c -> c.id).toList())
                .detail("reasons", reasons.stream().map(ReopenReason::label).toList()).record();
        if (!reasons.isEmpty()) {
            reopened = revisits.reopen(proposal, reasons, me.username(), Notification.Kind.REOPENED,
                    "reopened:" + proposal.id + ":" + proposal.reviewRound + ":checkin:" + checkin.id);
        }
        checkin.reopened = reopened;
        return new Result(checkin, evaluation, reopened, false);
    }

    /** Reads the form; every problem is a field message. */
    public Actuals actuals(CheckinForm form) {
        FormErrors errors = forms.validate(form);
        LocalDate start = Dates.parse("periodStart", form.periodStart(), Dates.EARLIEST, Dates.Latest.today(LocalDate.now(clock)), errors);
        LocalDate end = Dates.parse("periodEnd", form.periodEnd(), Dates.EARLIEST, Dates.Latest.today(LocalDate.now(clock)), errors);
        CheckinRules.period(start, end, LocalDate.now(clock), errors);
        Tier tier = form.spendTier() == null || form.spendTier().isBlank() ? null
                : Choices.parse(errors, "spendTier", form.spendTier(), Tier.class);
        errors.throwIfAny();
        return new Actuals(start, end, Numbers.whole(form.requests()), Numbers.wholeInt(form.inputTokensPerRequest()),
                Numbers.wholeInt(form.outputTokensPerRequest()), Numbers.decimal(form.spendUsd()), tier,
                Numbers.decimal(form.observedQuality()), Numbers.wholeInt(form.incidents()), form.notes());
    }

    /** A CSV import: the check-ins created (one per calendar month), and rows skipped because they tag another feature. */
    public record Import(List<Result> results, int skipped) {
    }

    /** The largest values a spend export's row may carry (a day, or any period, of one feature). */
    static final BigDecimal MAX_ROW_SPEND = new BigDecimal("100000000000");
    static final BigDecimal MAX_ROW_REQUESTS = new BigDecimal("1000000000000000");
    static final BigDecimal MAX_ROW_TOKENS = new BigDecimal("1000000000000000000");

    /**
     * Imports a spend export: header {@code date,feature,spend,requests,input_tokens,output_tokens}; one row per day (or
     * any period) and feature, parsed as CSV (quoted values such as {@code "1,200.50"}, a byte-order mark, CRLF). Rows of
     * this proposal's feature are summed per calendar month into check-ins. Every number has bounds; any bad row refuses
     * the whole file, naming each bad line. A month already checked in is refused, unless {@code replace} says so.
     */
    @Transactional
    @org.hostingreview.web.RetriedOnRace
    public Import importCsv(long proposalId, SignedInUser me, String csv) {
        return importCsv(proposalId, me, csv, false);
    }

    @Transactional
    @org.hostingreview.web.RetriedOnRace
    public Import importCsv(long proposalId, SignedInUser me, String csv, boolean replace) {
        locks.one(proposalId);
        Proposal proposal = checkable(proposalId, me);
        FormErrors errors = FormErrors.none();
        Map<YearMonth, BigDecimal[]> months = new TreeMap<>();
        Map<YearMonth, LocalDate[]> span = new TreeMap<>();
        int skipped = 0;
        String feature = normalize(proposal.feature.name);
        String text = csv == null ? "" : csv;
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            boolean headerSeen = false;
            for (CSVRecord row : parser) {
                long number = row.getRecordNumber();
                if (!headerSeen) {
                    headerSeen = true;
                    String header = String.join(",", row.toList());
                    if (!normalize(header).equals("datefeaturespendrequestsinputtokensoutputtokens")) {
                        throw new InvalidInputException("file", "Line 1: expected the header date,feature,spend,requests,"
                                + "input_tokens,output_tokens.");
                    }
                    continue;
                }
                if (row.size() == 1 && row.get(0).isBlank()) {
                    continue;
                }
                if (row.size() != 6) {
                    errors.add("line" + number, "Line " + number + ": expected 6 values, found " + row.size() + ".");
                    continue;
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(row.get(0).strip());
                } catch (DateTimeParseException e) {
                    errors.add("line" + number, "Line " + number + ": \"" + abbreviate(row.get(0)) + "\" is not a date (YYYY-MM-DD).");
                    continue;
                }
                var amount = Numbers.parse(row.get(2));
                var requests = Numbers.parse(row.get(3));
                var input = Numbers.parse(row.get(4));
                var output = Numbers.parse(row.get(5));
                if (amount.isEmpty() || requests.isEmpty() || input.isEmpty() || output.isEmpty() || amount.get().signum() < 0
                        || requests.get().signum() < 0 || input.get().signum() < 0 || output.get().signum() < 0
                        || requests.get().stripTrailingZeros().scale() > 0) {
                    errors.add("line" + number, "Line " + number + ": spend, requests and tokens must be numbers, 0 or more "
                            + "(requests whole).");
                    continue;
                }
                String bound = amount.get().compareTo(MAX_ROW_SPEND) > 0 ? "spend is above $100,000,000,000"
                        : requests.get().compareTo(MAX_ROW_REQUESTS) > 0 ? "requests are above 1,000,000,000,000,000"
                        : input.get().compareTo(MAX_ROW_TOKENS) > 0 || output.get().compareTo(MAX_ROW_TOKENS) > 0
                                ? "tokens are above 10^18" : null;
                if (bound != null) {
                    errors.add("line" + number, "Line " + number + ": out of range: " + bound + ".");
                    continue;
                }
                if (!Dates.within(date, Dates.EARLIEST, LocalDate.now(clock))) {
                    errors.add("line" + number, "Line " + number + ": the date must be from 2015 to today.");
                    continue;
                }
                if (!normalize(row.get(1)).equals(feature)) {
                    skipped++;
                    continue;
                }
                YearMonth month = YearMonth.from(date);
                BigDecimal[] sums = months.computeIfAbsent(month, m -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.ZERO });
                sums[0] = sums[0].add(requests.get());
                sums[1] = sums[1].add(input.get());
                sums[2] = sums[2].add(output.get());
                sums[3] = sums[3].add(amount.get());
                LocalDate[] range = span.computeIfAbsent(month, m -> new LocalDate[] { date, date });
                range[0] = date.isBefore(range[0]) ? date : range[0];
                range[1] = date.isAfter(range[1]) ? date : range[1];
            }
            if (!headerSeen) {
                throw new InvalidInputException("file", "Line 1: expected the header date,feature,spend,requests,input_tokens,"
                        + "output_tokens.");
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new InvalidInputException("file", "The file is not valid CSV: " + abbreviate(String.valueOf(e.getMessage())));
        }
        errors.throwIfAny();
        if (months.isEmpty()) {
            throw new InvalidInputException("file", "No row is tagged with this feature (\"" + proposal.feature.name + "\").");
        }
        List<Result> results = new ArrayList<>();
        for (Map.Entry<YearMonth, BigDecimal[]> month : months.entrySet()) {
            BigDecimal[] sums = month.getValue();
            if (sums[0].compareTo(MAX_ROW_REQUESTS) > 0 || sums[3].compareTo(new BigDecimal("99999999999999")) > 0) {
                errors.add("month" + month.getKey(), month.getKey() + ": the month's totals are out of range.");
                continue;
            }
            BigDecimal requests = sums[0].max(BigDecimal.ONE);
            long perRequestIn = sums[1].divide(requests, java.math.RoundingMode.DOWN).min(BigDecimal.valueOf(10_000_000)).longValue();
            long perRequestOut = sums[2].divide(requests, java.math.RoundingMode.DOWN).min(BigDecimal.valueOf(10_000_000))
                    .longValue();
            LocalDate[] range = span.get(month.getKey());
            Actuals actuals = new Actuals(range[0], range[1], sums[0].longValueExact(), (int) perRequestIn, (int) perRequestOut,
                    sums[3], null, null, null, "Imported from a spend export");
            try {
                results.add(record(proposalId, me, actuals, Checkin.Source.CSV, replace, null));
            } catch (InvalidInputException e) {
                String message = e.errors().get(e.errors().getFirst());
                errors.add("month" + month.getKey(), month.getKey() + ": " + message.replace(
                        "Tick \"Replace the earlier check-in\"", "Tick \"Replace months already checked in\""));
            }
        }
        if (!errors.isEmpty()) {
            // One transaction: nothing of this file is kept.
            throw new InvalidInputException(errors);
        }
        return new Import(results, skipped);
    }

    private static String normalize(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static String abbreviate(String text) {
        return text.length() > 30 ? text.substring(0, 30) + "…" : text;
    }
}
