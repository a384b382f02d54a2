package org.hostingreview.proposal;

import java.lang.reflect.RecordComponent;
import java.util.Objects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.hostingreview.costmodel.GpuProcurement;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.evaluation.EvalRole;
import org.hostingreview.evaluation.ScoreKind;
import org.hostingreview.web.EnumValue;
import org.hostingreview.web.FormErrors;
import org.hostingreview.web.IsoDate;
import org.hostingreview.web.Numbers;
import org.hostingreview.web.Numeric;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The intake forms as the browser posts them. Every field is text, so that "abc" in a number field is a
 * message next to that field rather than a failed request; {@link Numeric} checks the numbers.
 */
public final class ProposalForms {

    static final String CHECKED = "on";

    private ProposalForms() {
    }

    /** A step's form: which step it is, the version the user saw, and checks across its fields. */
    public interface StepForm {
        Step step();

        String version();

        default void check(FormErrors errors) {
        }
    }

    static boolean checked(String value) {
        return value != null && (value.equals(CHECKED) || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes"));
    }

    static String checkbox(boolean value) {
        return value ? CHECKED : "";
    }

    static String yesNo(Boolean value) {
        return value == null ? "" : value ? "yes" : "no";
    }

    private static void requireYesNo(FormErrors errors, String field, String value, String message) {
        if (!errors.has(field) && (value == null || !(value.equals("yes") || value.equals("no")))) {
            errors.add(field, message);
        }
    }

    /** Step 1: the feature and its workload. Creating a proposal posts this form. */
    public record FeatureAndWorkload(
            @RestForm @NotBlank(message = "Give the proposal a title.") @Size(max = 200, message = "Use at most 200 characters.")
            @jakarta.validation.constraints.Pattern(regexp = "[^\\r\\n\\u0085\\u2028\\u2029\\p{Cc}]*",
                    message = "Keep the title on one line (no line breaks or control characters).")
            String title,
            @RestForm String featureId,
            @RestForm @Size(max = 120, message = "Use at most 120 characters.") String featureName,
            @RestForm @Size(max = 2000, message = "Use at most 2,000 characters.") String featureDescription,
            @RestForm @NotBlank(message = "Name the provider the feature uses today.") @Size(max = 80, message = "Use at most 80 characters.")
            String incumbentProvider,
            @RestForm @NotBlank(message = "Name the model the feature uses today.") @Size(max = 80, message = "Use at most 80 characters.")
            String incumbentModel,
            @RestForm @EnumValue(type = Tier.class) String currentTier,
            @RestForm @NotBlank(message = "Name at least one open model you consider.") @Size(max = 300, message = "Use at most 300 characters.")
            String candidateModels,
            @RestForm @NotBlank(message = "Choose the task shape.") @EnumValue(type = TaskShape.class) String taskShape,
            @RestForm @NotBlank(message = "Enter the requests per month.")
            @Numeric(min = "1", max = "1000000000000", whole = true, message = "Enter from 1 to 1,000,000,000,000 requests per month.")
            String requestsPerMonth,
            @RestForm @NotBlank(message = "Enter the input tokens per request.")
            @Numeric(max = "10000000", whole = true, message = "Enter from 0 to 10,000,000 tokens.")
            String inputTokensPerRequest,
            @RestForm @NotBlank(message = "Enter the output tokens per request.")
            @Numeric(max = "10000000", whole = true, message = "Enter from 0 to 10,000,000 tokens.")
            String outputTokensPerRequest,
            @RestForm @Numeric(max = "1", message = "Enter a share from 0 to 1 (0.25 means a quarter).")
            String cachedInputShare,
            @RestForm @Numeric(min = "1", max = "10000", message = "Enter a ratio from 1 (flat) to 10,000.")
            String peakToAverage,
            @RestForm @Numeric(max = "1000000000000000", whole = true) String busyDayTokens,
            @RestForm @Numeric(max = "1000000000000000", whole = true) String quietDayTokens,
            @RestForm @Numeric(min = "1", max = "600000", whole = true, message = "Enter from 1 to 600,000 milliseconds.")
            String ttftTargetMs,
            @RestForm @Numeric(min = "1", max = "10000", whole = true, message = "Enter from 1 to 10,000 milliseconds.")
            String itlTargetMs,
            @RestForm @Size(max = 80, message = "Use at most 80 characters.") String candidateProvider,
            @RestForm @Numeric(max = "1", message = "Enter a share from 0 to 1 (0.5 means half).") String batchShare,
            @RestForm @Numeric(max = "1", message = "Enter a share from 0 to 1 (0.5 means half).") String cacheWriteShare,
            @RestForm String acknowledgeDuplicate,
            @RestForm String version) implements StepForm {

        @Override
        public Step step() {
            return Step.FEATURE_AND_WORKLOAD;
        }

        @Override
        public void check(FormErrors errors) {
            if ((Numbers.isBlank(featureId) || "new".equals(featureId.strip())) && Numbers.isBlank(featureName)) {
                errors.add("featureName", "Name the new feature, or choose one of your team's features above.");
            }
            if (Numbers.isBlank(peakToAverage) && Numbers.isBlank(busyDayTokens)) {
                errors.add("peakToAverage", "Enter the peak-to-average ratio, or the tokens on a busy day below.");
            }
            if (!errors.has("busyDayTokens") && !errors.has("quietDayTokens") && !Numbers.isBlank(busyDayTokens)
                    && !Numbers.isBlank(quietDayTokens) && Numbers.whole(quietDayTokens) > Numbers.whole(busyDayTokens)) {
                errors.add("quietDayTokens", "A quiet day cannot have more tokens than a busy day.");
            }
        }

        static FeatureAndWorkload blank() {
            return new FeatureAndWorkload("", "", "", "", "", "", "FRONTIER_CLOSED", "", "", "", "", "", "0", "", "", "", "",
                    "", "", "", "", "", "");
        }

    }

    /** Step 2 (Q1): current hosted spend. */
    public record Spend(
            @RestForm @NotBlank(message = "Enter the current monthly spend (0 if none yet).")
            @Numeric(max = "10000000000", message = "Enter an amount from $0 to $10,000,000,000.")
            String currentMonthlySpendUsd,
            @RestForm String version) implements StepForm {

        @Override
        public Step step() {
            return Step.SPEND;
        }

    }

    /** Step 3 (Q2): ML-ops capacity. */
    public record MlOps(
            @RestForm @NotBlank(message = "Enter how many ML-ops engineers you have (0 if none).")
            @Numeric(max = "1000", whole = true, message = "Enter a whole number from 0 to 1,000.")
            String mlOpsEngineers,
            @RestForm String hiresPlanned,
            @RestForm String version) implements StepForm {

        @Override
        public Step step() {
            return Step.MLOPS;
        }

        @Override
        public void check(FormErrors errors) {
            requireYesNo(errors, "hiresPlanned", hiresPlanned, "Say whether hires are planned.");
        }

    }

    /** Step 4 (Q3): hosted-open tried first. */
    public record HostedOpenTried(
            @RestForm String hostedOpenTried,
            @RestForm @Size(max = 80, message = "Use at most 80 characters.") String hostedOpenProvider,
            @RestForm @Size(max = 80, message = "Use at most 80 characters.") String hostedOpenModel,
            @RestForm @Numeric(max = "120", message = "Enter from 0 to 120 months.") String hostedOpenMonthsRun,
            @RestForm @Numeric(max = "10000000000", message = "Enter an amount from $0 to $10,000,000,000.")
            String hostedOpenMonthlyCostUsd,
            @RestForm @Numeric(max = "100", message = "Enter a score from 0 to 100.") String hostedOpenQuality,
            @RestForm String version) implements StepForm {

        @Override
        public Step step() {
            return Step.HOSTED_OPEN_TRIED;
        }

        @Override
        public void check(FormErrors errors) {
            requireYesNo(errors, "hostedOpenTried", hostedOpenTried, "Say whether you have tried a hosted-open provider.");
            if ("yes".equals(hostedOpenTried)) {
                requireText(errors, "hostedOpenProvider", hostedOpenProvider, "Name the provider you tried.");
                requireText(errors, "hostedOpenModel", hostedOpenModel, "Name the model you ran there.");
                requireText(errors, "hostedOpenMonthsRun", hostedOpenMonthsRun, "Enter how many months it ran.");
                requireText(errors, "hostedOpenMonthlyCostUsd", hostedOpenMonthlyCostUsd, "Enter what it cost per month.");
            }
        }

    }

    /** Step 5 (Q4): upgrade plan. */
    public record UpgradePlan(
            @RestForm @Size(max = 120, message = "Use at most 120 characters.") String upgradeOwner,
            @RestForm @NotBlank(message = "Enter how often you expect to upgrade.")
            @Numeric(min = "1", max = "60", whole = true, message = "Enter from 1 to 60 months.")
            String upgradeCadenceMonths,
            @RestForm @NotBlank(message = "Enter the effort per upgrade.")
            @Numeric(max = "120", message = "Enter from 0 to 120 engineer-months.")
            String upgradeEffortEngineerMonths,
            @RestForm String version) implements StepForm {

        @Override
        public Step step() {
            return Step.UPGRADE_PLAN;
        }

    }

    /** Step 6 (Q5): quality baseline. Eval runs are added with {@link EvalRun}. */
    public record Quality(
            @RestForm String noEvalYet,
            @RestForm @Size(max = 120, message = "Use at most 120 characters.") String evalSetName,
            @RestForm @Numeric(min = "1", max = "1000000000", whole = true, message = "Enter from 1 to 1,000,000,000 cases.")
            String evalSetSize,
            @RestForm @Size(max = 500, message = "Use at most 500 characters.") String passCriterion,
            @RestForm String version) implements StepForm {

        @Override
        public Step step() {
            return Step.QUALITY;
        }

        @Override
        public void check(FormErrors errors) {
            if (!checked(noEvalYet)) {
                requireText(errors, "evalSetName", evalSetName, "Name your eval set, or tick \"No eval yet\".");
                requireText(errors, "evalSetSize", evalSetSize, "Enter how many cases it has.");
            }
        }

    }

    /** Step 7: constraints and context for the rules. */
    public record Constraints(
            @RestForm String dataResidency,
            @RestForm String airGapped,
            @RestForm String reproducibilityRequired,
            @RestForm String customWeights,
            @RestForm String needsMultimodal,
            @RestForm String needsToolUse,
            @RestForm String needsLongContext,
            @RestForm String needsStructuredOutput,
            @RestForm String iteratingFast,
            @RestForm String aiInfraCompany,
            @RestForm String sovereign,
            @RestForm String moatFineTune,
            @RestForm @Numeric(max = "10000000000", message = "Enter an amount from $0 to $10,000,000,000.")
            String selfHostEstimateUsd,
            @RestForm @Numeric(min = "1", max = "10000", whole = true, message = "Enter from 1 to 10,000 replicas.")
            String selfHostPlannedReplicas,
            @RestForm @EnumValue(type = GpuProcurement.class, message = "Choose on demand, reserved or purchased.")
            String gpuProcurement,
            @RestForm String support24x7,
            @RestForm @Size(max = 2000, message = "Use at most 2,000 characters.") String constraintsNotes,
            @RestForm String version) implements StepForm {

        @Override
        public Step step() {
            return Step.CONSTRAINTS;
        }

    }

    /** One eval run, added on step 6. */
    public record EvalRun(
            @RestForm @NotBlank(message = "Name the model.") @Size(max = 80, message = "Use at most 80 characters.") String model,
            @RestForm @NotBlank(message = "Choose incumbent or candidate.") @EnumValue(type = EvalRole.class) String role,
            @RestForm @NotBlank(message = "Choose the tier it ran on.") @EnumValue(type = Tier.class) String tier,
            @RestForm @NotBlank(message = "Name the eval set.") @Size(max = 120, message = "Use at most 120 characters.")
            String evalSet,
            @RestForm @NotBlank(message = "Enter the sample size.")
            @Numeric(min = "1", max = "1000000000", whole = true, message = "Enter from 1 to 1,000,000,000 cases.")
            String sampleSize,
            @RestForm @NotBlank(message = "Choose score or pass rate.") @EnumValue(type = ScoreKind.class) String scoreKind,
            @RestForm @NotBlank(message = "Enter the score.") @Numeric(max = "100", message = "Enter from 0 to 100.")
            String score,
            @RestForm @NotBlank(message = "Enter the date of the run.") @IsoDate String runDate,
            @RestForm @Size(max = 1000, message = "Use at most 1,000 characters.") String notes) {

        static EvalRun blank(Proposal p, String today) {
            return new EvalRun("", "CANDIDATE", "HOSTED_OPEN", nz(p.quality.evalSetName), "", "SCORE", "", today, "");
        }

        /** Something of a run was typed on step 6 (the choices and the date have defaults, so they do not count). */
        boolean typed() {
            return !Numbers.isBlank(model) || !Numbers.isBlank(score) || !Numbers.isBlank(sampleSize)
                    || !Numbers.isBlank(notes);
        }

        /** The run with the eval set and its size taken from step 6 where the run leaves them out. */
        EvalRun inSetOf(Proposal p) {
            return new EvalRun(model, role, tier, Numbers.isBlank(evalSet) ? nz(p.quality.evalSetName) : evalSet,
                    Numbers.isBlank(sampleSize) ? Numbers.field(p.quality.evalSetSize) : sampleSize, scoreKind, score, runDate, notes);
        }
    }

    /** Withdrawing a proposal. */
    public record Withdraw(
            @RestForm @NotBlank(message = "Say why the proposal is withdrawn.") @Size(max = 1000, message = "Use at most 1,000 characters.")
            String reason,
            @RestForm String version) {
    }

    /** The step's form holds what {@code p} already stores (its version aside): leaving it loses nothing. */
    static boolean unchanged(StepForm form, Proposal p) {
        StepForm stored = form.step() == Step.SUBMIT ? form : p.formOf(form.step());
        try {
            for (RecordComponent c : form.getClass().getRecordComponents()) {
                if (!c.getName().equals("version") && !Objects.equals(
                        nz((String) c.getAccessor().invoke(form)).strip(), nz((String) c.getAccessor().invoke(stored)).strip())) {
                    return false;
                }
            }
            return true;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireText(FormErrors errors, String field, String value, String message) {
        if (!errors.has(field) && Numbers.isBlank(value)) {
            errors.add(field, message);
        }
    }

    static String nz(String value) {
        return value == null ? "" : value;
    }
}
