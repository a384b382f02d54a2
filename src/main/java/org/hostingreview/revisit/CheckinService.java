package org.hostingreview.revisit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
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
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.account.SignedInUser;
import org.hostingreview.account.UserAccount;
import org.hostingreview.audit.AuditAction;
import org.hostingreview.audit.AuditService;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalService;
import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.review.Review;
import org.hostingreview.review.ReviewService;
import org.hostingreview.web.Choices;
import org.hostingreview.web.ConflictException;
import org.hostingreview.web.FormErrors;
import org.hostingreview.web.FormValidator;
import org.hostingreview.web.InvalidInputException;
import org.hostingreview.web.Numbers;

import io.quarkus.security.ForbiddenException;

/**
 * Check-ins: the owner's team reports actuals for a period (form, JSON API, or a CSV spend export); each is
 * compared with the frozen decision and may re-open it, in the same transaction, audited.
 */
@ApplicationScoped
public class CheckinService {

    static final LocalDate EARLIEST = LocalDate.of(2015, 1, 1);

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

    /** A recorded check-in, the costing it led to, and whether it re-opened the decision. */
    public record Result(Checkin checkin, RevisitService.Evaluation evaluation, boolean reopened) {
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
    public Result record(long proposalId, SignedInUser me, Actuals actuals, Checkin.Source source) {
        Proposal proposal = checkable(proposalId, me);
        Review decision = reviews.decision(proposalId);
        if (decision == null) {
            throw new ConflictException("This proposal has no frozen decision to compare with.");
        }
        Actuals filled = actuals.spendTier() != null ? actuals : new Actuals(actuals.periodStart(), actuals.periodEnd(),
                actuals.requests(), actuals.inputTokensPerRequest(), actuals.outputTokensPerRequest(), actuals.spendUsd(),
                decision.chosenTier, actuals.observedQuality(), actuals.incidents(), actuals.notes());
        RevisitService.Evaluation evaluation = revisits.evaluate(proposal, decision, filled);
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
        checkin.reasons = new ArrayList<>(evaluation.reasons());
        checkin.recommendedTier = evaluation.now().recommendation().recommended();
        checkin.enteredBy = UserAccount.findById(me.id());
        checkin.createdAt = clock.instant();
        boolean reopened = false;
        checkin.persist();
        audit.event(AuditAction.CHECKIN_RECORDED, me.username()).on("proposal", proposal.id).team(proposal.team.id)
                .detail("checkinId", checkin.id).detail("period", checkin.periodStart + ".." + checkin.periodEnd)
                .detail("requests", checkin.requests).detail("spendUsd", checkin.spendUsd.toPlainString())
                .detail("source", source.name()).detail("reasons", evaluation.reasons()).record();
        if (!evaluation.reasons().isEmpty()) {
            reopened = revisits.reopen(proposal, evaluation.reasons(), me.username(), "REOPENED",
                    "reopened:" + proposal.id + ":" + proposal.reviewRound + ":checkin:" + checkin.id);
        }
        checkin.reopened = reopened;
        return new Result(checkin, evaluation, reopened);
    }

    /** Reads the form; every problem is a field message. */
    public Actuals actuals(CheckinForm form) {
        FormErrors errors = forms.validate(form);
        LocalDate start = date(form.periodStart(), "periodStart", errors);
        LocalDate end = date(form.periodEnd(), "periodEnd", errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add("periodEnd", "The period cannot end before it starts.");
        }
        Tier tier = form.spendTier() == null || form.spendTier().isBlank() ? null
                : Choices.parse(errors, "spendTier", form.spendTier(), Tier.class);
        errors.throwIfAny();
        return new Actuals(start, end, Numbers.whole(form.requests()), Numbers.wholeInt(form.inputTokensPerRequest()),
                Numbers.wholeInt(form.outputTokensPerRequest()), Numbers.decimal(form.spendUsd()), tier,
                Numbers.decimal(form.observedQuality()), Numbers.wholeInt(form.incidents()), form.notes());
    }

    private LocalDate date(String text, String field, FormErrors errors) {
        if (errors.has(field)) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (date.isBefore(EARLIEST) || date.isAfter(LocalDate.now(clock))) {
                errors.add(field, "Enter a date from 2015 to today.");
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(field, "Enter a date as YYYY-MM-DD.");
            return null;
        }
    }

    /** A CSV import: the check-ins created (one per calendar month), and rows skipped because they tag another feature. */
    public record Import(List<Result> results, int skipped) {
    }

    /**
     * Imports a spend export: header {@code date,feature,spend,requests,input_tokens,output_tokens}; one row per day (or
     * any period) and feature. Rows of this proposal's feature are summed per calendar month into check-ins. Any bad row
     * refuses the whole file, naming each bad line.
     */
    @Transactional
    public Import importCsv(long proposalId, SignedInUser me, String csv) {
        Proposal proposal = checkable(proposalId, me);
        FormErrors errors = FormErrors.none();
        Map<YearMonth, long[]> months = new TreeMap<>();
        Map<YearMonth, BigDecimal> spend = new TreeMap<>();
        Map<YearMonth, LocalDate[]> span = new TreeMap<>();
        int skipped = 0;
        String feature = normalize(proposal.feature.name);
        try (BufferedReader reader = new BufferedReader(new StringReader(csv == null ? "" : csv))) {
            String header = reader.readLine();
            if (header == null || !normalize(header).equals("datefeaturespendrequestsinputtokensoutputtokens")) {
                throw new InvalidInputException("file", "Line 1: expected the header date,feature,spend,requests,input_tokens,"
                        + "output_tokens.");
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != 6) {
                    errors.add("line" + number, "Line " + number + ": expected 6 values, found " + cells.length + ".");
                    continue;
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(cells[0].strip());
                } catch (DateTimeParseException e) {
                    errors.add("line" + number, "Line " + number + ": \"" + abbreviate(cells[0]) + "\" is not a date (YYYY-MM-DD).");
                    continue;
                }
                var amount = Numbers.parse(cells[2]);
                var requests = Numbers.parse(cells[3]);
                var input = Numbers.parse(cells[4]);
                var output = Numbers.parse(cells[5]);
                if (amount.isEmpty() || requests.isEmpty() || input.isEmpty() || output.isEmpty() || amount.get().signum() < 0
                        || requests.get().signum() < 0 || input.get().signum() < 0 || output.get().signum() < 0
                        || requests.get().stripTrailingZeros().scale() > 0) {
                    errors.add("line" + number, "Line " + number + ": spend, requests and tokens must be numbers, 0 or more "
                            + "(requests whole).");
                    continue;
                }
                if (date.isBefore(EARLIEST) || date.isAfter(LocalDate.now(clock))) {
                    errors.add("line" + number, "Line " + number + ": the date must be from 2015 to today.");
                    continue;
                }
                if (!normalize(cells[1]).equals(feature)) {
                    skipped++;
                    continue;
                }
                YearMonth month = YearMonth.from(date);
                long[] sums = months.computeIfAbsent(month, m -> new long[3]);
                sums[0] += requests.get().longValue();
                sums[1] += input.get().longValue();
                sums[2] += output.get().longValue();
                spend.merge(month, amount.get(), BigDecimal::add);
                LocalDate[] range = span.computeIfAbsent(month, m -> new LocalDate[] { date, date });
                range[0] = date.isBefore(range[0]) ? date : range[0];
                range[1] = date.isAfter(range[1]) ? date : range[1];
            }
        } catch (IOException e) {
            throw new InvalidInputException("file", "The file could not be read.");
        }
        errors.throwIfAny();
        if (months.isEmpty()) {
            throw new InvalidInputException("file", "No row is tagged with this feature (\"" + proposal.feature.name + "\").");
        }
        List<Result> results = new ArrayList<>();
        for (Map.Entry<YearMonth, long[]> month : months.entrySet()) {
            long[] sums = month.getValue();
            long requests = Math.max(sums[0], 1);
            LocalDate[] range = span.get(month.getKey());
            Actuals actuals = new Actuals(range[0], range[1], sums[0], (int) Math.min(Integer.MAX_VALUE, sums[1] / requests),
                    (int) Math.min(Integer.MAX_VALUE, sums[2] / requests), spend.get(month.getKey()), null, null, null,
                    "Imported from a spend export");
            results.add(record(proposalId, me, actuals, Checkin.Source.CSV));
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
