package org.hostingreview.evaluation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hostingreview.account.UserAccount;
import org.hostingreview.audit.AuditAction;
import org.hostingreview.audit.AuditEntity;
import org.hostingreview.audit.AuditService;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.proposal.Proposal;
import org.hostingreview.proposal.ProposalForms;
import org.hostingreview.proposal.ProposalService;
import org.hostingreview.web.Choices;
import org.hostingreview.web.Dates;
import org.hostingreview.web.FormErrors;
import org.hostingreview.web.FormValidator;
import org.hostingreview.web.NotFoundException;
import org.hostingreview.web.Numbers;
import org.hostingreview.web.SignedInUser;

/** Eval runs of a proposal: recorded while the proposal is editable, audited, the latest per model counts. */
@ApplicationScoped
public class EvaluationService {

    /** No eval run predates this (sanity bound for typed dates). */

    @Inject
    ProposalService proposals;

    @Inject
    AuditService audit;

    @Inject
    FormValidator forms;

    @Inject
    Clock clock;

    @Inject
    org.hostingreview.proposal.ProposalLocks locks;

    @Transactional(TxType.SUPPORTS)
    public List<EvalResult> runs(long proposalId) {
        return EvalResult.ofProposal(proposalId);
    }

    @Transactional
    @org.hostingreview.web.RetriedOnRace
    public EvalResult add(long proposalId, SignedInUser me, ProposalForms.EvalRun form) {
        locks.one(proposalId);
        Proposal proposal = proposals.editable(proposalId, me);
        FormErrors errors = forms.validate(form);
        EvalRole role = Choices.parse(errors, "role", form.role(), EvalRole.class);
        Tier tier = Choices.parse(errors, "tier", form.tier(), Tier.class);
        ScoreKind kind = Choices.parse(errors, "scoreKind", form.scoreKind(), ScoreKind.class);
        LocalDate runDate = Dates.parse("runDate", form.runDate(), Dates.EARLIEST,
                Dates.Latest.today(LocalDate.now(clock)).saying("The run cannot be in the future."), errors);
        if (kind != null && !errors.has("score") && Numbers.decimal(form.score()).doubleValue() > kind.scaleMax()) {
            errors.add("score", "A score from 0 to 1: enter it as 0.87, or choose Score (0–100).");
        }
        errors.throwIfAny();

        EvalResult run = new EvalResult();
        run.proposal = proposal;
        run.model = form.model().strip();
        run.role = role;
        run.tier = tier;
        run.evalSet = form.evalSet().strip();
        run.sampleSize = Numbers.wholeInt(form.sampleSize());
        run.scoreKind = kind;
        run.score = Numbers.decimal(form.score());
        run.runDate = runDate;
        run.notes = Numbers.isBlank(form.notes()) ? null : form.notes().strip();
        run.enteredBy = UserAccount.findById(me.id());
        run.enteredAt = clock.instant();
        run.persist();
        proposals.touched(proposal, me);
        audit.event(AuditAction.EVAL_ADDED, me.username()).on(AuditEntity.PROPOSAL, proposal.id).team(proposal.team.id)
                .detail("evalId", run.id).detail("model", run.model).detail("role", role).detail("tier", tier)
                .detail("evalSet", run.evalSet).detail("sampleSize", run.sampleSize).detail("scoreKind", kind)
                .detail("score", plain(run.score)).detail("runDate", runDate.toString()).record();
        return run;
    }

    @Transactional
    @org.hostingreview.web.RetriedOnRace
    public void remove(long proposalId, long evalId, SignedInUser me) {
        locks.one(proposalId);
        Proposal proposal = proposals.editable(proposalId, me);
        EvalResult run = EvalResult.findById(evalId);
        if (run == null || !run.proposal.id.equals(proposal.id)) {
            throw new NotFoundException("There is no such eval run on this proposal.");
        }
        run.delete();
        proposals.touched(proposal, me);
        audit.event(AuditAction.EVAL_REMOVED, me.username()).on(AuditEntity.PROPOSAL, proposal.id).team(proposal.team.id)
                .detail("evalId", evalId).detail("model", run.model).detail("score", plain(run.score))
                .detail("runDate", run.runDate.toString()).record();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
