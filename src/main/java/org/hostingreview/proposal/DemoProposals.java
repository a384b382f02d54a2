package org.hostingreview.proposal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hostingreview.account.Team;
import org.hostingreview.account.UserAccount;
import org.hostingreview.audit.AuditAction;
import org.hostingreview.audit.AuditEntity;
import org.hostingreview.audit.AuditService;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.evaluation.EvalResult;
import org.hostingreview.evaluation.EvalRole;
import org.hostingreview.evaluation.ScoreKind;
import org.hostingreview.system.HostingReviewConfig;

import io.quarkus.runtime.StartupEvent;

/**
 * Demo mode only: the framework's worked example (the logistics company's document classification) and
 * eleven more proposals across both demo teams, each exercising different rules, in different statuses.
 * Seeded once, into an installation that has no proposals yet.
 */
@ApplicationScoped
public class DemoProposals {

    public static final long LOCK_KEY = 0x4852_0002L;

    @Inject
    HostingReviewConfig config;

    @Inject
    AuditService audit;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Estimates estimates;

    void onStart(@Observes @Priority(20) StartupEvent event) {
        if (config.demo()) {
            seed();
        }
    }

    @Transactional
    public void seed() {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, LOCK_KEY).getSingleResult();
        if (Proposal.count() > 0) {
            return;
        }
        workedExample();
        others();
        estimates.refresh(Proposal.<Proposal>listAll().stream().map(p -> p.id).toList());
    }

    /** The framework's worked example: 30M classifications a month on GPT-4.1 at $80k. */
    private void workedExample() {
        Proposal p = proposal("priya", "Document classification",
                "Classifies every incoming logistics document: invoices, bills of lading, customs forms.", 12,
                ProposalStatus.SUBMITTED, x -> {
                    x.title = "Self-host Llama 3 70B for document classification";
                    workload(x, "OpenAI", "gpt-4.1", "llama-3-70b", TaskShape.NARROW_HIGH_VOLUME, 30_000_000L, 1000, 83,
                            "0", "2");
                    x.currentMonthlySpendUsd = usd(80_000);
                    x.mlOpsEngineers = 0;
                    x.hiresPlanned = true;
                    x.hostedOpenTried = false;
                    upgrades(x, "platform team", 6, "3");
                    quality(x, "doc-classes-2k", 2000, "exact document class");
                    x.selfHostEstimateUsd = usd(4_000);
                    x.constraintsNotes = "GPU estimate from one H100 pair at list price.";
                });
        eval(p, "gpt-4.1", EvalRole.INCUMBENT, Tier.FRONTIER_CLOSED, "doc-classes-2k", 2000, "91", 20);
        eval(p, "llama-3-70b", EvalRole.CANDIDATE, Tier.HOSTED_OPEN, "doc-classes-2k", 2000, "87", 14);
    }

    private void others() {
        Proposal records = proposal("priya", "Patient-record summaries (EU)",
                "Summarises discharge letters for clinics in Germany and France.", 30, ProposalStatus.SUBMITTED, x -> {
                    x.title = "EU patient summaries must stay in our EU cluster";
                    workload(x, "Azure OpenAI", "gpt-4o", "llama-3.1-70b, mistral-large", TaskShape.NARROW_HIGH_VOLUME,
                            2_000_000L, 3000, 400, "0.2", "3");
                    x.currentMonthlySpendUsd = usd(25_000);
                    x.mlOpsEngineers = 3;
                    x.hiresPlanned = false;
                    x.hostedOpenTried = false;
                    upgrades(x, "clinical ML team", 6, "3");
                    quality(x, "discharge-summaries-500", 500, "clinician rates the summary acceptable");
                    x.dataResidency = true;
                    x.reproducibilityRequired = true;
                    x.selfHostPlannedReplicas = 3;
                });
        eval(records, "gpt-4o", EvalRole.INCUMBENT, Tier.FRONTIER_CLOSED, "discharge-summaries-500", 500, "88", 40);
        eval(records, "llama-3.1-70b", EvalRole.CANDIDATE, Tier.SELF_HOSTED, "discharge-summaries-500", 500, "85", 35);

        proposal("priya", "Customs screening (air-gapped)", "Flags risky shipments inside the customs partner's network.",
                5, ProposalStatus.DRAFT, x -> {
                    x.title = "Customs screening inside the partner's air-gapped network";
                    workload(x, "none (new)", "none", "qwen-2.5-32b", TaskShape.NARROW_HIGH_VOLUME, 500_000L, 1500, 50, "0",
                            "4");
                    x.currentMonthlySpendUsd = usd(0);
                    x.mlOpsEngineers = 1;
                    x.hiresPlanned = true;
                    x.hostedOpenTried = false;
                    upgrades(x, null, 12, "2");
                    x.noEvalYet = true;
                    x.airGapped = true;
                    x.sovereign = true;
                    x.selfHostEstimateUsd = usd(6_000);
                });

        Proposal triage = proposal("omar", "Support-ticket triage", "Routes incoming support tickets to the right queue.", 9,
                ProposalStatus.SUBMITTED, x -> {
                    x.title = "Move ticket triage to self-hosted Mistral";
                    workload(x, "Anthropic", "claude-sonnet-4", "mistral-small-3", TaskShape.NARROW_HIGH_VOLUME, 400_000L,
                            1200, 30, "0.5", "12");
                    x.busyDayTokens = 10_000_000L;
                    x.quietDayTokens = 100_000L;
                    x.currentMonthlySpendUsd = usd(3_100);
                    x.mlOpsEngineers = 0;
                    x.hiresPlanned = false;
                    x.hostedOpenTried = false;
                    upgrades(x, null, 6, "3");
                    quality(x, "tickets-1k", 1000, "routed to the correct queue");
                    x.iteratingFast = true;
                    x.selfHostEstimateUsd = usd(1_500);
                });
        eval(triage, "claude-sonnet-4", EvalRole.INCUMBENT, Tier.FRONTIER_CLOSED, "tickets-1k", 1000, "94", 12);
        eval(triage, "mistral-small-3", EvalRole.CANDIDATE, Tier.HOSTED_OPEN, "tickets-1k", 1000, "90", 10);

        Proposal autocomplete = proposal("omar", "Search autocomplete", "Suggests completions as users type in search.", 20,
                ProposalStatus.DRAFT, x -> {
                    x.title = "Autocomplete needs sub-100 ms first tokens";
                    workload(x, "OpenAI", "gpt-4.1-mini", "llama-3.1-8b", TaskShape.NARROW_HIGH_VOLUME, 150_000_000L, 60, 8,
                            "0.6", "6");
                    x.ttftTargetMs = 80;
                    x.currentMonthlySpendUsd = usd(35_000);
                    x.mlOpsEngineers = 2;
                    x.hiresPlanned = false;
                    x.hostedOpenTried = true;
                    x.hostedOpenProvider = "Groq";
                    x.hostedOpenModel = "llama-3.1-8b";
                    x.hostedOpenMonthsRun = new BigDecimal("4");
                    x.hostedOpenMonthlyCostUsd = usd(2_400);
                    x.hostedOpenQuality = new BigDecimal("81");
                    upgrades(x, "search platform", 4, "2");
                    quality(x, "prefix-logs-10k", 10_000, "completion accepted by the user in replay");
                });
        eval(autocomplete, "gpt-4.1-mini", EvalRole.INCUMBENT, Tier.FRONTIER_CLOSED, "prefix-logs-10k", 10_000, "82", 25);
        eval(autocomplete, "llama-3.1-8b", EvalRole.CANDIDATE, Tier.HOSTED_OPEN, "prefix-logs-10k", 10_000, "81", 24);

        Proposal ranking = proposal("victor", "Result re-ranking", "Re-ranks search results with our fine-tuned model.", 16,
                ProposalStatus.SUBMITTED, x -> {
                    x.title = "Serve our fine-tuned re-ranker ourselves";
                    workload(x, "OpenAI", "gpt-4.1", "our-ranker-v3 (llama-3.1-8b fine-tune)", TaskShape.NARROW_HIGH_VOLUME,
                            60_000_000L, 900, 20, "0.3", "3");
                    x.currentMonthlySpendUsd = usd(55_000);
                    x.mlOpsEngineers = 2;
                    x.hiresPlanned = false;
                    x.hostedOpenTried = true;
                    x.hostedOpenProvider = "Fireworks";
                    x.hostedOpenModel = "our-ranker-v3";
                    x.hostedOpenMonthsRun = new BigDecimal("3");
                    x.hostedOpenMonthlyCostUsd = usd(7_800);
                    x.hostedOpenQuality = new BigDecimal("90");
                    upgrades(x, "ranking team", 3, "1.5");
                    quality(x, "judged-queries-5k", 5000, "nDCG@10 ≥ baseline");
                    x.customWeights = true;
                    x.moatFineTune = true;
                });
        eval(ranking, "gpt-4.1", EvalRole.INCUMBENT, Tier.FRONTIER_CLOSED, "judged-queries-5k", 5000, "86", 60);
        eval(ranking, "our-ranker-v3", EvalRole.CANDIDATE, Tier.HOSTED_OPEN, "judged-queries-5k", 5000, "90", 30);

        proposal("priya", "Contract Q&A agent", "Answers questions about customer contracts with citations.", 2,
                ProposalStatus.DRAFT, x -> {
                    x.title = "Contract Q&A: keep it on the frontier model?";
                    workload(x, "Anthropic", "claude-opus-4", "llama-3.3-70b", TaskShape.HARD_VARIED, 200_000L, 40_000, 800,
                            "0.7", "2");
                    x.currentMonthlySpendUsd = usd(12_000);
                    x.mlOpsEngineers = 0;
                    x.hiresPlanned = false;
                    x.stepsSaved = Step.FEATURE_AND_WORKLOAD.bit() | Step.SPEND.bit() | Step.MLOPS.bit();
                });

        Proposal embeddings = proposal("victor", "Embedding API for customers",
                "Our product: embeddings as a service for customers' search indexes.", 45, ProposalStatus.SUBMITTED, x -> {
                    x.title = "Serving embeddings is our product: own the stack";
                    workload(x, "OpenAI", "gpt-4.1-mini", "qwen-2.5-7b", TaskShape.NARROW_HIGH_VOLUME, 900_000_000L, 300, 40,
                            "0", "2.5");
                    x.currentMonthlySpendUsd = usd(140_000);
                    x.mlOpsEngineers = 6;
                    x.hiresPlanned = false;
                    x.hostedOpenTried = true;
                    x.hostedOpenProvider = "Together";
                    x.hostedOpenModel = "qwen-2.5-7b";
                    x.hostedOpenMonthsRun = new BigDecimal("6");
                    x.hostedOpenMonthlyCostUsd = usd(31_000);
                    x.hostedOpenQuality = new BigDecimal("79");
                    upgrades(x, "serving team", 3, "2");
                    quality(x, "customer-queries-20k", 20_000, "retrieval hit in top 5");
                    x.aiInfraCompany = true;
                    x.selfHostPlannedReplicas = 6;
                });
        eval(embeddings, "gpt-4.1-mini", EvalRole.INCUMBENT, Tier.FRONTIER_CLOSED, "customer-queries-20k", 20_000, "80", 50);
        eval(embeddings, "qwen-2.5-7b", EvalRole.CANDIDATE, Tier.HOSTED_OPEN, "customer-queries-20k", 20_000, "79", 45);

        Proposal receipts = proposal("priya", "Receipt post-processing", "Cleans OCR output of scanned receipts.", 60,
                ProposalStatus.WITHDRAWN, x -> {
                    x.title = "Receipt clean-up on a small open model";
                    workload(x, "OpenAI", "gpt-4o-mini", "phi-3-mini", TaskShape.NARROW_HIGH_VOLUME, 1_000_000L, 500, 200, "0",
                            "2");
                    x.currentMonthlySpendUsd = usd(450);
                    x.mlOpsEngineers = 0;
                    x.hiresPlanned = false;
                    x.hostedOpenTried = false;
                    upgrades(x, null, 6, "1");
                    x.noEvalYet = true;
                    x.withdrawnReason = "Folded into the document classification proposal.";
                });
        receipts.updatedAt = receipts.createdAt.plus(Duration.ofDays(3));

        Proposal assistant = proposal("omar", "Help-centre chat assistant",
                "Answers customers in the help centre; escalates hard cases.", 7, ProposalStatus.SUBMITTED, x -> {
                    x.title = "Keep the chat assistant on the frontier model";
                    workload(x, "OpenAI", "gpt-4.1", "llama-3.3-70b", TaskShape.HARD_VARIED, 3_000_000L, 6000, 500, "0.4",
                            "5");
                    x.currentMonthlySpendUsd = usd(45_000);
                    x.mlOpsEngineers = 1;
                    x.hiresPlanned = false;
                    x.hostedOpenTried = true;
                    x.hostedOpenProvider = "Together";
                    x.hostedOpenModel = "llama-3.3-70b";
                    x.hostedOpenMonthsRun = new BigDecimal("1");
                    x.hostedOpenMonthlyCostUsd = usd(9_000);
                    x.hostedOpenQuality = new BigDecimal("70");
                    upgrades(x, "support engineering", 6, "3");
                    quality(x, "help-conversations-800", 800, "resolved without escalation");
                    x.needsMultimodal = true;
                    x.needsToolUse = true;
                    x.iteratingFast = true;
                });
        eval(assistant, "gpt-4.1", EvalRole.INCUMBENT, Tier.FRONTIER_CLOSED, "help-conversations-800", 800, "84", 9);
        eval(assistant, "llama-3.3-70b", EvalRole.CANDIDATE, Tier.HOSTED_OPEN, "help-conversations-800", 800, "64", 8);

        Proposal rewriting = proposal("victor", "Query rewriting", "Rewrites every search query before retrieval.", 25,
                ProposalStatus.SUBMITTED, x -> {
                    x.title = "Query rewriting at 1B requests: time to self-host?";
                    workload(x, "OpenAI", "gpt-4.1-mini", "llama-3.1-8b", TaskShape.NARROW_HIGH_VOLUME, 1_000_000_000L, 250,
                            40, "0.5", "2");
                    x.currentMonthlySpendUsd = usd(210_000);
                    x.mlOpsEngineers = 4;
                    x.hiresPlanned = false;
                    x.hostedOpenTried = true;
                    x.hostedOpenProvider = "Fireworks";
                    x.hostedOpenModel = "llama-3.1-8b";
                    x.hostedOpenMonthsRun = new BigDecimal("5");
                    x.hostedOpenMonthlyCostUsd = usd(52_000);
                    x.hostedOpenQuality = new BigDecimal("88");
                    upgrades(x, "search platform", 6, "3");
                    quality(x, "rewrite-pairs-3k", 3000, "rewrite judged equivalent or better");
                    x.selfHostPlannedReplicas = 8;
                });
        eval(rewriting, "gpt-4.1-mini", EvalRole.INCUMBENT, Tier.FRONTIER_CLOSED, "rewrite-pairs-3k", 3000, "89", 40);
        eval(rewriting, "llama-3.1-8b", EvalRole.CANDIDATE, Tier.HOSTED_OPEN, "rewrite-pairs-3k", 3000, "88", 38);

        proposal("priya", "Shipment ETA explanations", "Explains delivery estimates to customers in plain words.", 1,
                ProposalStatus.DRAFT, x -> {
                    x.title = "Just spin up Llama on one H100 for ETA texts";
                    workload(x, "OpenAI", "gpt-4o-mini", "llama-3.1-8b", TaskShape.NARROW_HIGH_VOLUME, 5_000_000L, 400, 120,
                            "0", "3");
                    x.currentMonthlySpendUsd = usd(2_200);
                    x.mlOpsEngineers = 0;
                    x.hiresPlanned = false;
                    x.hostedOpenTried = false;
                    upgrades(x, null, 6, "3");
                    x.noEvalYet = true;
                    x.selfHostEstimateUsd = usd(1_500);
                    x.selfHostPlannedReplicas = 1;
                });
    }

    // --- helpers -----------------------------------------------------------------------------------

    private Proposal proposal(String owner, String featureName, String description, int daysAgo, ProposalStatus status,
            Consumer<Proposal> answers) {
        UserAccount user = UserAccount.findFull(owner).orElseThrow();
        Team team = user.team;
        Instant created = clock.instant().minus(Duration.ofDays(daysAgo)).minus(Duration.ofHours(daysAgo % 7 + 1));
        Feature feature = Feature.named(team.id, featureName);
        if (feature == null) {
            feature = new Feature();
            feature.team = team;
            feature.name = featureName;
            feature.description = description;
            feature.createdBy = user;
            feature.createdAt = created;
            feature.persist();
        }
        Proposal p = new Proposal();
        p.feature = feature;
        p.team = team;
        p.owner = user;
        p.status = status;
        for (Step step : Step.answerable()) {
            p.markSaved(step);
        }
        answers.accept(p);
        p.createdAt = created;
        p.updatedAt = created.plus(Duration.ofHours(2));
        if (status != ProposalStatus.DRAFT) {
            p.submittedAt = p.updatedAt;
            p.reviewRound = 1;
        }
        p.persist();
        em.createNativeQuery("insert into proposal_editor (proposal_id, user_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, p.id).setParameter(2, user.id).executeUpdate();
        audit.event(AuditAction.PROPOSAL_CREATED, owner).on(AuditEntity.PROPOSAL, p.id).team(team.id)
                .detail("title", p.title).detail("feature", feature.name).detail("seed", "demo").record();
        if (status != ProposalStatus.DRAFT) {
            audit.event(AuditAction.PROPOSAL_SUBMITTED, owner).on(AuditEntity.PROPOSAL, p.id).team(team.id)
                    .detail("seed", "demo").record();
        }
        return p;
    }

    private static void workload(Proposal p, String provider, String model, String candidates, TaskShape shape, long requests,
            int input, int output, String cached, String peak) {
        p.incumbentProvider = provider;
        p.incumbentModel = model;
        p.currentTier = Tier.FRONTIER_CLOSED;
        p.candidateModels = candidates;
        p.taskShape = shape;
        p.requestsPerMonth = requests;
        p.inputTokensPerRequest = input;
        p.outputTokensPerRequest = output;
        p.cachedInputShare = new BigDecimal(cached);
        p.peakToAverage = new BigDecimal(peak);
    }

    private static void upgrades(Proposal p, String owner, int cadence, String effort) {
        p.upgradeOwner = owner;
        p.upgradeCadenceMonths = cadence;
        p.upgradeEffortEngineerMonths = new BigDecimal(effort);
    }

    private static void quality(Proposal p, String evalSet, int size, String criterion) {
        p.noEvalYet = false;
        p.evalSetName = evalSet;
        p.evalSetSize = size;
        p.passCriterion = criterion;
    }

    private void eval(Proposal p, String model, EvalRole role, Tier tier, String evalSet, int size, String score,
            int daysAgo) {
        EvalResult run = new EvalResult();
        run.proposal = p;
        run.model = model;
        run.role = role;
        run.tier = tier;
        run.evalSet = evalSet;
        run.sampleSize = size;
        run.scoreKind = ScoreKind.SCORE;
        run.score = new BigDecimal(score);
        run.runDate = LocalDate.now(clock).minusDays(daysAgo);
        run.enteredBy = p.owner;
        run.enteredAt = clock.instant().minus(Duration.ofDays(daysAgo));
        run.persist();
    }

    private static BigDecimal usd(long dollars) {
        return BigDecimal.valueOf(dollars);
    }
}
