package org.hostingreview.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * Each intake step is the one home of its field list: a field added to a step's embeddable and forgotten in its copy,
 * its audit values or its form mapping fails here (not in a supersede that silently drops an answer).
 */
class IntakeStepsTest {

    @Test
    void aStepsCopyKeepsEveryAnswer() throws Exception {
        for (IntakeAnswers<?> step : filledSteps()) {
            Object copy = step.copy();
            assertThat(copy).isNotSameAs(step);
            for (Field field : answerFields(step.getClass())) {
                assertThat(field.get(copy)).as(step.getClass().getSimpleName() + "." + field.getName())
                        .isEqualTo(field.get(step));
            }
        }
    }

    @Test
    void aStepsAuditValuesNameEveryAnswerInItsOrder() {
        for (IntakeAnswers<?> step : filledSteps()) {
            assertThat(step.values().keySet()).as(step.getClass().getSimpleName())
                    .containsExactlyElementsOf(answerFields(step.getClass()).stream().map(Field::getName).toList());
            assertThat(step.values().values()).as(step.getClass().getSimpleName()).doesNotContainNull();
        }
    }

    @Test
    void aStepsFormShowsEveryAnswerAndSavesItBackUnchanged() throws Exception {
        WorkloadStep workload = fill(new WorkloadStep());
        roundTrip(workload, w -> WorkloadStep.from(w.form("A title", "1", "0"), w.currentTier, w.taskShape));
        roundTrip(fill(new SpendStep()), s -> SpendStep.from(s.form("0")));
        roundTrip(fill(new MlOpsStep()), s -> MlOpsStep.from(s.form("0")));
        roundTrip(fill(new HostedOpenStep()), s -> HostedOpenStep.from(s.form("0")));
        roundTrip(fill(new UpgradePlanStep()), s -> UpgradePlanStep.from(s.form("0")));
        QualityStep quality = fill(new QualityStep());
        quality.noEvalYet = false;
        roundTrip(quality, s -> QualityStep.from(s.form("0")));
        roundTrip(fill(new ConstraintsStep()), s -> ConstraintsStep.from(s.form("0")));
    }

    @Test
    void theConstraintLabelsNameEveryConstraintThatHolds() {
        assertThat(ConstraintsStep.none().labels()).isEmpty();
        assertThat(fill(new ConstraintsStep()).labels()).hasSize(12).contains("Data residency", "Moat-level fine-tune");
    }

    private static <T extends IntakeAnswers<T>> void roundTrip(T step, UnaryOperator<T> viaForm) throws Exception {
        T back = viaForm.apply(step);
        for (Field field : answerFields(step.getClass())) {
            Object expected = field.get(step);
            Object actual = field.get(back);
            String what = step.getClass().getSimpleName() + "." + field.getName();
            if (expected instanceof BigDecimal decimal) {
                assertThat((BigDecimal) actual).as(what).isEqualByComparingTo(decimal);
            } else {
                assertThat(actual).as(what).isEqualTo(expected);
            }
        }
    }

    private static List<IntakeAnswers<?>> filledSteps() {
        return List.of(fill(new WorkloadStep()), fill(new SpendStep()), fill(new MlOpsStep()), fill(new HostedOpenStep()),
                fill(new UpgradePlanStep()), fill(new QualityStep()), fill(new ConstraintsStep()));
    }

    private static List<Field> answerFields(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields())
                .filter(f -> Modifier.isPublic(f.getModifiers()) && !Modifier.isStatic(f.getModifiers())).toList();
    }

    /** Every answer set to a value that is not its default, distinct per field where the type allows. */
    private static <T> T fill(T step) {
        int n = 1;
        for (Field field : answerFields(step.getClass())) {
            Class<?> type = field.getType();
            Object value;
            if (type == String.class) {
                value = field.getName() + " answer";
            } else if (type == Long.class) {
                value = 1_000L + n;
            } else if (type == Integer.class) {
                value = 10 + n;
            } else if (type == BigDecimal.class) {
                value = new BigDecimal("0.5").add(BigDecimal.valueOf(n));
            } else if (type == Boolean.class || type == boolean.class) {
                value = true;
            } else if (type.isEnum()) {
                Object[] constants = type.getEnumConstants();
                value = constants[constants.length - 1];
            } else {
                throw new IllegalStateException("No test value for " + type);
            }
            try {
                field.set(step, value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            n++;
        }
        return step;
    }
}
