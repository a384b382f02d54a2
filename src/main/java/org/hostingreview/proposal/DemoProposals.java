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
                    x.workload = workload("OpenAI", "gpt-4.1", "llama-3-70b", TaskShape.NARROW_HIGH_VOLUME, 30_000_000L, 1000, 83,
                            "0", "2");
                    x.spend = SpendStep.of(usd(80_000));
                    x.mlOps = MlOpsStep.of(0, true);
                    x.hostedOpen = HostedOpenStep.notTried();
                    x.upgradePlan = upgrades("platform team", 6, "3");
                    x.quality = QualityStep.evalSet("doc-classes-2k", 2000, "exact document class");
                    x.constraints.selfHostEstimateUsd = usd(4_000);
                    x.constraints.constraintsNotes = "GPU estimate from one H100 pair at list price.";
                });
        eval(p, "gpt-4.1", EvalRole.INCUMBENT, Tier.FRONTIER_CLOSED, "doc-classes-2k", 2000, "91", 20);
        eval(p, "llama-3-70b", EvalRole.CANDIDATE, Tier.HOSTED_OPEN, "doc-classes-2k", 2000, "87", 14);
    }

    private void others() {
        Proposal records = proposal("priya", "Patient-record summaries (EU)",
                "Summarises discharge letters for clinics in Germany and France.", 30, ProposalStatus.SUBMITTED, x -> {
                    x.title = "EU patient summaries must stay in our EU cluster";
                    x.workload = workload("Azure OpenAI", "gpt-4o", "llama-3.1-70b, mistral-large", TaskShape.NARROW_HIGH_VOLUME,
                            2_000_000L, 3000, 400, "0.2", "3");
                    x.spend = SpendStep.of(usd(25_000));
                    x.mlOps = MlOpsStep.of(3, false);
                    x.hostedOpen = HostedOpenStep.notTried();
                    x.upgradePlan = upgrades("clinical ML team", 6, "3");
                    x.quality = QualityStep.evalSet("discharge-summaries-500", 500, "clinician rates the summary acceptable");
                    x.constraints.dataResidency = true;
                    x.constraints.reproducibilityRequired = true;
                    x.constraints.selfHostPlannedReplicas = 3;
                });
        eval(records, "gpt-4o", EvalRole.INCUMBENT, Tier.FRONTIER_CLOSED, "discharge-summaries-500", 500, "88", 40);
        eval(records, "llama-3.1-70b", EvalRole.CANDIDATE, Tier.SELF_HOSTED, "discharge-summaries-500", 500, "85", 35);

        proposal("priya", "Customs screening (air-gapped)", "Flags risky shipments inside the customs partner's network.",
                5, ProposalStatus.DRAFT, x -> {
                    x.title = "Customs screening inside the partner's air-gapped network";
                    x.workload = workload("none (new)", "none", "qwen-2.5-32b", TaskShape.NARROW_HIGH_VOLUME, 500_000L, 1500, 50, "0",
                            "4");
                    x.spend = SpendStep.of(usd(0));
                    x.mlOps = MlOpsStep.of(1, true);
                    x.hostedOpen = HostedOpenStep.notTried();
                    x.upgradePlan = upgrades(null, 12, "2");
                    x.quality = QualityStep.noEval();
                    x.constraints.airGapped = true;
                    x.constraints.sovereign = true;
                    x.constraints.selfHostEstimateUsd = usd(6_000);
                });

        Proposal triage = proposal("omar", "Support-ticket triage", "Routes incoming support tickets to the right queue.", 9,
                ProposalStatus.SUBMITTED, x -> {
                    x.title = "Move ticket triage to self-hosted Mistral";
                    x.workload = workload("Anthropic", "claude-sonnet-4", "mistral-small-3", TaskShape.NARROW_HIGH_VOLUME, 400_000L,
                            1200, 30, "0.5", "12");
                    x.workload.busyDayTokens = 10_000_000L;
                    x.workload.quietDayTokens = 100_000L;
                    x.spend = SpendStep.of(usd(3_100));
                    x.mlOps = MlOpsStep.of(0, false);
                    x.hostedOpen = HostedOpenStep.notTried();
                    x.upgradePlan = upgrades(null, 6, "3");
                    x.quality = QualityStep.evalSet("tickets-1k", 1000, "routed to the correct queue");
                    x.constraints.iteratingFast = true;
                    x.constraints.selfHostEstimateUsd = usd(1_500);
                });
        eval(triage, "claude-sonnet-4", EvalRole.INCUMBENT, Tier.FRONTIER_CLOSED, "tickets-1k", 1000, "94", 12);
        eval(triage, "mistral-small-3", EvalRole.CANDIDATE, Tier.HOSTED_OPEN, "tickets-1k", 1000, "90", 10);

        Proposal autocomplete = proposal("omar", "Search autocomplete", "Suggests completions as users type in search.", 20,
                ProposalStatus.DRAFT, x -> {
                    x.title = "Autocomplete needs sub-100 ms first tokens";
                    x.workload = workload("OpenAI", "gpt-4.1-mini", "llama-3.1-8b", TaskShape.NARROW_HIGH_VOLUME, 150_000_000L, 60, 8,
                            "0.6", "6");
                    x.workload.ttftTargetMs = 80;
                    x.spend = SpendStep.of(usd(35_000));
                    x.mlOps = MlOpsStep.of(2, false);
                    x.hostedOpen = HostedOpenStep.tried("Groq", "llama-3.1-8b", new BigDecimal("4"), usd(2_400),
                            new BigDecimal("81"));
                    x.upgradePlan = upgrades("search platform", 4, "2");
                    x.quality = QualityStep.evalSet("prefix-logs-10k", 10_000, "completion accepted by the user in replay");
                });
        eval(autocomplete, "gpt-4.1-mini", EvalRole.INCUMBENT, Tier.FRONTIER_CLOSED, "prefix-logs-10k", 10_000, "82", 25);
        eval(autocomplete, "llama-3.1-8b", EvalRole.CANDIDATE, Tier.HOSTED_OPEN, "prefix-logs-10k", 10_000, "81", 24);

        Proposal ranking = proposal("victor", "Result re-ranking", "Re-ranks search results with our fine-tuned model.", 16,
                ProposalStatus.SUBMITTED, x -> {
                    x.title = "Serve our fine-tuned re-ranker ourselves";
                    x.workload = workload("OpenAI", "gpt-4.1", "our-ranker-v3 (llama-3.1-8b fine-tune)", TaskShape.NARROW_HIGH_VOLUME,
                            60_000_000L, 900, 20, "0.3", "3");
                    x.spend = SpendStep.of(usd(55_000));
                    x.mlOps = MlOpsStep.of(2, false);
                    x.hostedOpen = HostedOpenStep.tried("Fireworks", "our-ranker-v3", new BigDecimal("3"), usd(7_800),
                            new BigDecimal("90"));
                    x.upgradePlan = upgrades("ranking team", 3, "1.5");
                    x.quality = QualityStep.evalSet("judged-queries-5k", 5000, "nDCG@10 ≥ baseline");
                    x.constraints.customWeights = true;
                    x.constraints.moatFineTune = true;
                });
        eval(ranking, "gpt-4.1", EvalRole.INCUMBENT, Tier.FRONTIER_CLOSED, "judged-queries-5k", 5000, "86", 60);
        eval(ranking, "our-ranker-v3", EvalRole.CANDIDATE, Tier.HOSTED_OPEN, "judged-queries-5k", 5000, "90", 30);

        proposal("priya", "Contract Q&A agent", "Answers questions about customer contracts with citations.", 2,
                ProposalStatus.DRAFT, x -> {
                    x.title = "Contract Q&A: keep it on the frontier model?";
                    x.workload = workload("Anthropic", "claude-opus-4", "llama-3.3-70b", TaskShape.HARD_VARIED, 200_000L, 40_000, 800,
                            "0.7", "2");
                    x.spend = SpendStep.of(usd(12_000));
                    x.mlOps = MlOpsStep.of(0, false);
                    x.stepsSaved = Step.FEATURE_AND_WORKLOAD.bit() | Step.SPEND.bit() | Step.MLOPS.bit();
                });

        Proposal embeddings = proposal("victor", "Embedding API for customers",
                "Our product: embeddings as a service for customers' search indexes.", 45, ProposalStatus.SUBMITTED, x -> {
                    x.title = "Serving embeddings is our product: own the stack";
                    x.workload = workload("OpenAI", "gpt-4.1-mini", "qwen-2.5-7b", TaskShape.NARROW_HIGH_VOLUME, 900_000_000L, 300, 40,
                            "0", "2.5");
                    x.spend = SpendStep.of(usd(140_000));
                    x.mlOps = MlOpsStep.of(6, false);
                    x.hostedOpen = HostedOpenStep.tried("Together", "qwen-2.5-7b", new BigDecimal("6"), usd(31_000),
                            new BigDecimal("79"));
                    x.upgradePlan = upgrades("serving team", 3, "2");
                    x.quality = QualityStep.evalSet("customer-queries-20k", 20_000, "retrieval hit in top 5");
                    x.constraints.aiInfraCompany = true;
                    x.constraints.selfHostPlannedReplicas = 6;
                });
        eval(embeddings, "gpt-4.1-mini", EvalRole.INCUMBENT, Tier.FRONTIER_CLOSED, "customer-queries-20k", 20_000, "80", 50);
        eval(embeddings, "qwen-2.5-7b", EvalRole.CANDIDATE, Tier.HOSTED_OPEN, "customer-queries-20k", 20_000, "79", 45);

        Proposal receipts = proposal("priya", "Receipt post-processing", "Cleans OCR output of scanned receipts.", 60,
                ProposalStatus.WITHDRAWN, x -> {
                    x.title = "Receipt clean-up on a small open model";
                    x.workload = workload("OpenAI", "gpt-4o-mini", "phi-3-mini", TaskShape.NARROW_HIGH_VOLUME, 1_000_000L, 500, 200, "0",
                            "2");
                    x.spend = SpendStep.of(usd(450));
                    x.mlOps = MlOpsStep.of(0, false);
                    x.hostedOpen = HostedOpenStep.notTried();
                    x.upgradePlan = upgrades(null, 6, "1");
                    x.quality = QualityStep.noEval();
                    x.withdrawnReason = "Folded into the document classification proposal.";
                });
        receipts.updatedAt = receipts.createdAt.plus(Duration.ofDays(3));

        Proposal assistant = proposal("omar", "Help-centre chat assistant",
                "Answers customers in the help centre; escalates hard cases.", 7, ProposalStatus.SUBMITTED, x -> {
                    x.title = "Keep the chat assistant on the frontier model";
                    x.workload = workload("OpenAI", "gpt-4.1", "llama-3.3-70b", TaskShape.HARD_VARIED, 3_000_000L, 6000, 500, "0.4",
                            "5");
                    x.spend = SpendStep.of(usd(45_000));
                    x.mlOps = MlOpsStep.of(1, false);
                    x.hostedOpen = HostedOpenStep.tried("Together", "llama-3.3-70b", new BigDecimal("1"), usd(9_000),
                            new BigDecimal("70"));
                    x.upgradePlan = upgrades("support engineering", 6, "3");
                    x.quality = QualityStep.evalSet("help-conversations-800", 800, "resolved without escalation");
                    x.constraints.needsMultimodal = true;
                    x.constraints.needsToolUse = true;
                    x.constraints.iteratingFast = true;
                });
        eval(assistant, "gpt-4.1", EvalRole.INCUMBENT, Tier.FRONTIER_CLOSED, "help-conversations-800", 800, "84", 9);
        eval(assistant, "llama-3.3-70b", EvalRole.CANDIDATE, Tier.HOSTED_OPEN, "help-conversations-800", 800, "64", 8);

        Proposal rewriting = proposal("victor", "Query rewriting", "Rewrites every search query before retrieval.", 25,
                ProposalStatus.SUBMITTED, x -> {
                    x.title = "Query rewriting at 1B requests: time to self-host?";
                    x.workload = workload("OpenAI", "gpt-4.1-mini", "llama-3.1-8b", TaskShape.NARROW_HIGH_VOLUME, 1_000_000_000L, 250,
                            40, "0.5", "2");
                    x.spend = SpendStep.of(usd(210_000));
                    x.mlOps = MlOpsStep.of(4, false);
                    x.hostedOpen = HostedOpenStep.tried("Fireworks", "llama-3.1-8b", new BigDecimal("5"), usd(52_000),
                            new BigDecimal("88"));
                    x.upgradePlan = upgrades("search platform", 6, "3");
                    x.quality = QualityStep.evalSet("rewrite-pairs-3k", 3000, "rewrite judged equivalent or better");
                    x.constraints.selfHostPlannedReplicas = 8;
                });
        eval(rewriting, "gpt-4.1-mini", EvalRole.INCUMBENT, Tier.FRONTIER_CLOSED, "rewrite-pairs-3k", 3000, "89", 40);
        eval(rewriting, "llama-3.1-8b", EvalRole.CANDIDATE, Tier.HOSTED_OPEN, "rewrite-pairs-3k", 3000, "88", 38);

        proposal("priya", "Shipment ETA explanations", "Explains delivery estimates to customers in plain words.", 1,
                ProposalStatus.DRAFT, x -> {
                    x.title = "Just spin up Llama on one H100 for ETA texts";
                    x.workload = workload("OpenAI", "gpt-4o-mini", "llama-3.1-8b", TaskShape.NARROW_HIGH_VOLUME, 5_000_000L, 400, 120,
                            "0", "3");
                    x.spend = SpendStep.of(usd(2_200));
                    x.mlOps = MlOpsStep.of(0, false);
                    x.hostedOpen = HostedOpenStep.notTried();
                    x.upgradePlan = upgrades(null, 6, "3");
                    x.quality = QualityStep.noEval();
                    x.constraints.selfHostEstimateUsd = usd(1_500);
                    x.constraints.selfHostPlannedReplicas = 1;
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

    private static WorkloadStep workload(String provider, String model, String candidates, TaskShape shape, long requests,
            int input, int output, String cached, String peak) {
        return WorkloadStep.of(provider, model, Tier.FRONTIER_CLOSED, candidates, shape, requests, input, output,
                new BigDecimal(cached), new BigDecimal(peak));
    }

    private static UpgradePlanStep upgrades(String owner, int cadence, String effort) {
        return UpgradePlanStep.of(owner, cadence, new BigDecimal(effort));
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
