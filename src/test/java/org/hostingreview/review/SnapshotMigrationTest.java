package org.hostingreview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.hostingreview.costmodel.Tier;
import org.hostingreview.costmodel.ValueSource;
import org.hostingreview.recommendation.RuleId;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The V8_1 migration turns a schema-1 snapshot (an untyped map, money as strings) into a typed DecisionSnapshot. */
@QuarkusTest
class SnapshotMigrationTest {

    @Inject
    DataSource dataSource;

    @Test
    void aSchemaOneSnapshotIsConvertedToTheTypedRecord() throws Exception {
        long id = ReviewFixtures.submitted("priya", "3000");
        ReviewFixtures.review(WebSession.as("rachel"), id, "APPROVE", "HOSTED_OPEN", null).then().statusCode(303);
        String conversion = conversionSql();
        long oldId;
        // the conversion is a migration: it runs as the schema owner, as Flyway does
        try (Connection c = org.hostingreview.support.OwnerDatabase.asOwner(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("insert into review (proposal_id, reviewer_id, round, verdict, chosen_tier, recommended_tier, "
                    + "rationale, submission_token, snapshot, created_at) select " + id + ", u.id, 99, 'APPROVE', 'HOSTED_OPEN', "
                    + "'HOSTED_OPEN', 'old', 'old-" + System.nanoTime() + "', jsonb_build_object("
                    + "'takenAt', '2026-05-01T10:00:00Z', 'asOf', '2026-05-01', "
                    + "'proposal', jsonb_build_object('id', " + id + ", 'title', 'Old decision', 'feature', 'Doc AI', 'featureDescription', 'x', "
                    + "  'team', 'Document AI', 'owner', 'Priya', 'status', 'SUBMITTED', 'round', 1, 'constraints', '[]'::jsonb, "
                    + "  'answers', jsonb_build_object('incumbentProvider', 'OpenAI', 'incumbentModel', 'gpt-4.1', 'currentTier', 'FRONTIER_CLOSED', "
                    + "    'requestsPerMonth', 30000000, 'inputTokensPerRequest', 1000, 'outputTokensPerRequest', 83, 'cachedInputShare', '0', "
                    + "    'peakToAverage', '2', 'currentMonthlySpendUsd', '80000', 'mlOpsEngineers', 0, 'hiresPlanned', true, "
                    + "    'evalSetName', 'doc-classes-2k')), "
                    + "'evals', jsonb_build_array(jsonb_build_object('model', 'llama-3-70b', 'role', 'CANDIDATE', 'tier', 'HOSTED_OPEN', "
                    + "  'evalSet', 'doc-classes-2k', 'sampleSize', 2000, 'scoreKind', 'PASS_RATE', 'score', '87', 'runDate', '2026-04-01')), "
                    + "'catalog', jsonb_build_array(jsonb_build_object('param', 'frontier.input', 'value', 2.0, 'kind', 'CATALOG', "
                    + "  'ref', 'model_price:1', 'describes', 'OpenAI gpt-4.1', 'checkedOn', '2026-04-01')), "
                    + "'recommendedTier', 'HOSTED_OPEN', "
                    + "'monthlyCost', jsonb_build_object('FRONTIER_CLOSED', 79920.0, 'HOSTED_OPEN', 9097.2, 'SELF_HOSTED', 30500.0), "
                    + "'requestsPerMonth', 30000000, 'rules', jsonb_build_array('H2_UNDER_THRESHOLD'), "
                    + "'view', (select snapshot -> 'view' from review where proposal_id = " + id + " order by id limit 1)), now() "
                    + "from app_user u where u.username = 'dana' returning id");
            rs.next();
            oldId = rs.getLong(1);
            c.setAutoCommit(false);
            s.execute(conversion);
            c.commit();
        }

        DecisionSnapshot snapshot = QuarkusTransaction.requiringNew().call(() -> Review.<Review>findById(oldId).snapshot);

        assertThat(snapshot.schemaVersion()).isEqualTo(2);
        assertThat(snapshot.proposal().title()).isEqualTo("Old decision");
        assertThat(snapshot.proposal().incumbentModel()).isEqualTo("gpt-4.1");
        assertThat(snapshot.basis().kind()).isEqualTo(DecisionSnapshot.Basis.Kind.FILED);
        assertThat(snapshot.workload().requestsPerMonth()).isEqualTo(30_000_000L);
        assertThat(snapshot.workload().inputTokensPerRequest()).isEqualTo(1000);
        assertThat(snapshot.workload().peakToAverage()).isEqualTo(2.0);
        assertThat(snapshot.answers().monthlySpendUsd()).isEqualTo(80_000.0);
        assertThat(snapshot.answers().spendTier()).isEqualTo(Tier.FRONTIER_CLOSED);
        assertThat(snapshot.evals()).singleElement().satisfies(e -> assertThat(e.score()).isEqualTo(87.0));
        assertThat(snapshot.catalog()).singleElement().satisfies(v -> {
            assertThat(v.key()).isEqualTo("frontier.input");
            assertThat(v.kind()).isEqualTo(ValueSource.Kind.CATALOG);
            assertThat(v.ref()).isEqualTo("model_price:1");
        });
        assertThat(snapshot.monthlyCost(Tier.HOSTED_OPEN)).isEqualTo(9097.2);
        assertThat(snapshot.ruleIds()).containsExactly(RuleId.H2_UNDER_THRESHOLD);
        assertThat(snapshot.chosenTier()).isEqualTo(Tier.HOSTED_OPEN);
        assertThat(snapshot.plan()).isEmpty();
        assertThat(snapshot.view()).isNotNull();
    }

    /** The migration's conversion statements, run again on a row written in the old shape. */
    private static String conversionSql() throws Exception {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("db/migration/V8_1__typed_decisions.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int from = sql.indexOf("ALTER TABLE review DISABLE TRIGGER review_append_only;");
            int to = sql.indexOf("-- An approval completed its round");
            int fn = sql.indexOf("CREATE FUNCTION pg_temp.num");
            return sql.substring(from, to) + sql.substring(fn).replace("CREATE FUNCTION pg_temp.num", "CREATE OR REPLACE FUNCTION pg_temp.num");
        }
    }
}
