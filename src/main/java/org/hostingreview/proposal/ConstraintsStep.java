package org.hostingreview.proposal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.hostingreview.costmodel.GpuProcurement;
import org.hostingreview.web.Numbers;

/** Step 7: the constraints the rules read, the team's own self-hosting estimate, and how GPUs would be paid for. */
@Embeddable
public class ConstraintsStep implements IntakeAnswers<ConstraintsStep> {

    @Column(name = "data_residency", nullable = false)
    public boolean dataResidency;
    @Column(name = "air_gapped", nullable = false)
    public boolean airGapped;
    @Column(name = "reproducibility_required", nullable = false)
    public boolean reproducibilityRequired;
    @Column(name = "custom_weights", nullable = false)
    public boolean customWeights;
    @Column(name = "needs_multimodal", nullable = false)
    public boolean needsMultimodal;
    @Column(name = "needs_tool_use", nullable = false)
    public boolean needsToolUse;
    @Column(name = "needs_long_context", nullable = false)
    public boolean needsLongContext;
    @Column(name = "needs_structured_output", nullable = false)
    public boolean needsStructuredOutput;
    @Column(name = "iterating_fast", nullable = false)
    public boolean iteratingFast;
    @Column(name = "ai_infra_company", nullable = false)
    public boolean aiInfraCompany;
    @Column(name = "sovereign", nullable = false)
    public boolean sovereign;
    @Column(name = "moat_fine_tune", nullable = false)
    public boolean moatFineTune;
    @Column(name = "self_host_estimate_usd")
    public BigDecimal selfHostEstimateUsd;
    @Column(name = "self_host_planned_replicas")
    public Integer selfHostPlannedReplicas;
    /** How the self-hosted GPUs would be paid for (null: on demand). */
    @Enumerated(EnumType.STRING)
    @Column(name = "gpu_procurement")
    public GpuProcurement gpuProcurement;
    /** The service needs 24×7 support (an on-call rotation). */
    @Column(name = "support_24x7", nullable = false)
    public boolean support24x7;
    @Column(name = "constraints_notes")
    public String constraintsNotes;

    /** The yes/no constraints the summary names when they hold, in the form's order. */
    private record Flag(String label, Predicate<ConstraintsStep> holds) {
    }

    private static final List<Flag> FLAGS = List.of(
            new Flag("Data residency", c -> c.dataResidency),
            new Flag("Air-gapped", c -> c.airGapped),
            new Flag("Reproducibility required", c -> c.reproducibilityRequired),
            new Flag("Own fine-tuned weights", c -> c.customWeights),
            new Flag("Multimodal", c -> c.needsMultimodal),
            new Flag("Tool use", c -> c.needsToolUse),
            new Flag("Long context", c -> c.needsLongContext),
            new Flag("Structured output", c -> c.needsStructuredOutput),
            new Flag("Still iterating fast", c -> c.iteratingFast),
            new Flag("AI-infrastructure company", c -> c.aiInfraCompany),
            new Flag("Sovereign / defense", c -> c.sovereign),
            new Flag("Moat-level fine-tune", c -> c.moatFineTune));

    public ConstraintsStep() {
    }

    /** None of the constraints holds (the builders below turn them on). */
    public static ConstraintsStep none() {
        return new ConstraintsStep();
    }

    /** The constraints a valid form states. */
    static ConstraintsStep from(ProposalForms.Constraints f) {
        ConstraintsStep c = new ConstraintsStep();
        c.dataResidency = ProposalForms.checked(f.dataResidency());
        c.airGapped = ProposalForms.checked(f.airGapped());
        c.reproducibilityRequired = ProposalForms.checked(f.reproducibilityRequired());
        c.customWeights = ProposalForms.checked(f.customWeights());
        c.needsMultimodal = ProposalForms.checked(f.needsMultimodal());
        c.needsToolUse = ProposalForms.checked(f.needsToolUse());
        c.needsLongContext = ProposalForms.checked(f.needsLongContext());
        c.needsStructuredOutput = ProposalForms.checked(f.needsStructuredOutput());
        c.iteratingFast = ProposalForms.checked(f.iteratingFast());
        c.aiInfraCompany = ProposalForms.checked(f.aiInfraCompany());
        c.sovereign = ProposalForms.checked(f.sovereign());
        c.moatFineTune = ProposalForms.checked(f.moatFineTune());
        c.selfHostEstimateUsd = Numbers.decimal(f.selfHostEstimateUsd());
        c.selfHostPlannedReplicas = Numbers.wholeInt(f.selfHostPlannedReplicas());
        // the form is valid: a choice is one of the constants (@EnumValue)
        c.gpuProcurement = Numbers.isBlank(f.gpuProcurement()) ? null : GpuProcurement.valueOf(f.gpuProcurement().strip());
        c.support24x7 = ProposalForms.checked(f.support24x7());
        c.constraintsNotes = IntakeAnswers.text(f.constraintsNotes());
        return c;
    }

    ProposalForms.Constraints form(String version) {
        return new ProposalForms.Constraints(ProposalForms.checkbox(dataResidency), ProposalForms.checkbox(airGapped),
                ProposalForms.checkbox(reproducibilityRequired), ProposalForms.checkbox(customWeights),
                ProposalForms.checkbox(needsMultimodal), ProposalForms.checkbox(needsToolUse),
                ProposalForms.checkbox(needsLongContext), ProposalForms.checkbox(needsStructuredOutput),
                ProposalForms.checkbox(iteratingFast), ProposalForms.checkbox(aiInfraCompany), ProposalForms.checkbox(sovereign),
                ProposalForms.checkbox(moatFineTune), Numbers.field(selfHostEstimateUsd), Numbers.field(selfHostPlannedReplicas),
                gpuProcurement == null ? "ON_DEMAND" : gpuProcurement.name(), ProposalForms.checkbox(support24x7),
                ProposalForms.nz(constraintsNotes), version);
    }

    @Override
    public ConstraintsStep copy() {
        ConstraintsStep c = new ConstraintsStep();
        c.dataResidency = dataResidency;
        c.airGapped = airGapped;
        c.reproducibilityRequired = reproducibilityRequired;
        c.customWeights = customWeights;
        c.needsMultimodal = needsMultimodal;
        c.needsToolUse = needsToolUse;
        c.needsLongContext = needsLongContext;
        c.needsStructuredOutput = needsStructuredOutput;
        c.iteratingFast = iteratingFast;
        c.aiInfraCompany = aiInfraCompany;
        c.sovereign = sovereign;
        c.moatFineTune = moatFineTune;
        c.selfHostEstimateUsd = selfHostEstimateUsd;
        c.selfHostPlannedReplicas = selfHostPlannedReplicas;
        c.gpuProcurement = gpuProcurement;
        c.support24x7 = support24x7;
        c.constraintsNotes = constraintsNotes;
        return c;
    }

    @Override
    public Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("dataResidency", dataResidency);
        v.put("airGapped", airGapped);
        v.put("reproducibilityRequired", reproducibilityRequired);
        v.put("customWeights", customWeights);
        v.put("needsMultimodal", needsMultimodal);
        v.put("needsToolUse", needsToolUse);
        v.put("needsLongContext", needsLongContext);
        v.put("needsStructuredOutput", needsStructuredOutput);
        v.put("iteratingFast", iteratingFast);
        v.put("aiInfraCompany", aiInfraCompany);
        v.put("sovereign", sovereign);
        v.put("moatFineTune", moatFineTune);
        v.put("selfHostEstimateUsd", IntakeAnswers.plain(selfHostEstimateUsd));
        v.put("selfHostPlannedReplicas", selfHostPlannedReplicas);
        v.put("gpuProcurement", gpuProcurement == null ? null : gpuProcurement.name());
        v.put("support24x7", support24x7);
        v.put("constraintsNotes", constraintsNotes);
        return v;
    }

    /** Any of the capabilities that favour a hosted tier (multimodal, tool use, long context, structured output). */
    public boolean needsBroadCapabilities() {
        return needsMultimodal || needsToolUse || needsLongContext || needsStructuredOutput;
    }

    /** The constraints that hold, in words, for the summary. */
    public List<String> labels() {
        return FLAGS.stream().filter(flag -> flag.holds().test(this)).map(Flag::label).toList();
    }
}
