package org.hostingreview.recommendation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.hostingreview.costmodel.Assumptions;
import org.hostingreview.costmodel.Param;
import org.hostingreview.costmodel.Tier;
import org.hostingreview.costmodel.ValueSource;
import org.hostingreview.costmodel.Workload;

/**
 * Recomputes 10,000 varied proposals (costs, rules, recommendation, break-evens) and prints the timings.
 * The goal: under one second for the 10,000.
 *
 * <pre>./mvnw -q test-compile && java -cp target/classes:target/test-classes org.hostingreview.recommendation.RecomputeBenchmark</pre>
 */
public final class RecomputeBenchmark {

    private RecomputeBenchmark() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        List<ProposalInputs> proposals = varied(count, new Random(42));
        List<Assumptions> assumptions = assumptions(count, new Random(7));
        long checksum = 0;
        for (int round = 1; round <= 5; round++) {
            long start = System.nanoTime();
            int hostedOpen = 0;
            for (int i = 0; i < count; i++) {
                Recommendation r = Recommender.recommend(proposals.get(i), assumptions.get(i));
                checksum += r.rules().size() + r.breakEvens().size();
                if (r.recommended() == Tier.HOSTED_OPEN) {
                    hostedOpen++;
                }
            }
            double ms = (System.nanoTime() - start) / 1e6;
            System.out.printf("round %d: %,d proposals in %.1f ms (%.1f µs each); %d recommend hosted-open%n", round, count, ms,
                    ms * 1000 / count, hostedOpen);
        }
        System.out.println("checksum " + checksum);
    }

    static List<ProposalInputs> varied(int count, Random random) {
        List<ProposalInputs> list = new ArrayList<>(count);
        Tier[] tiers = Tier.values();
        for (int i = 0; i < count; i++) {
            long requests = (long) Math.pow(10, 3 + random.nextDouble() * 6.5);
            Workload workload = new Workload(requests, 50 + random.nextInt(8000), 10 + random.nextInt(1500), random.nextDouble() * 0.8,
                    1 + random.nextDouble() * 20, random.nextInt(5) == 0 ? 50 + random.nextInt(500) : null);
            Answers answers = new Answers(random.nextBoolean() ? random.nextDouble() * 500_000 : null, random.nextInt(6),
                    random.nextBoolean(), random.nextDouble() * 8, random.nextInt(3) == 0 ? null : "owner",
                    random.nextInt(4) == 0 ? null : "eval", random.nextBoolean() ? random.nextDouble() * 50_000 : null,
                    tiers[random.nextInt(2)], random.nextInt(6) == 0 ? 1 : null);
            Constraints constraints = new Constraints(random.nextInt(10) == 0, random.nextInt(20) == 0, random.nextInt(10) == 0,
                    random.nextInt(8) == 0, random.nextInt(4) == 0, random.nextInt(4) == 0, random.nextInt(30) == 0,
                    random.nextInt(30) == 0, random.nextInt(20) == 0);
            List<Score> scores = random.nextInt(5) == 0 ? List.of() : List.of(
                    new Score("incumbent", Score.Role.INCUMBENT, 70 + random.nextInt(30)),
                    new Score("candidate", Score.Role.CANDIDATE, 50 + random.nextInt(50)));
            list.add(new ProposalInputs(workload, answers, constraints, scores));
        }
        return list;
    }

    static List<Assumptions> assumptions(int count, Random random) {
        List<Assumptions> list = new ArrayList<>(count);
        Assumptions base = Assumptions.defaults(LocalDate.of(2026, 11, 28));
        for (int i = 0; i < count; i++) {
            list.add(base.with(Param.GPU_USD_PER_HOUR, 1 + random.nextDouble() * 4, ValueSource.override())
                    .with(Param.HOSTED_OPEN_INPUT, 0.05 + random.nextDouble(), ValueSource.override())
                    .with(Param.REPLICA_TOKENS_PER_SECOND, 5_000 + random.nextInt(50_000), ValueSource.override()));
        }
        return list;
    }
}
