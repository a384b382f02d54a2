package org.hostingreview.audit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The CSV export is a template whose every user-typed value is one quoted cell a spreadsheet will not run. */
@QuarkusTest
class AuditCsvExportTest {

    @Inject
    AuditService audit;

    @Test
    void typedTextIsOneQuotedCellAndAFormulaIsDefused() {
        String actor = "=HYPERLINK(\"evil\")" + System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> audit.event(AuditAction.TEAM_CREATED, actor)
                .detail("note", "say \"hi\", then go").record());

        String csv = WebSession.as("rachel").request().queryParam("action", "TEAM_CREATED").queryParam("actor", actor)
                .get("/audit/export.csv").then().statusCode(200).extract().asString();

        String[] lines = csv.split("\n");
        assertThat(lines[0]).isEqualTo("seq,occurred_at,actor,action,entity,team_id,changes,details,hash");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).matches("\\d+,\\d{4}-\\d\\d-\\d\\dT[^,]+Z,\"'=HYPERLINK\\(\"\"evil\"\"\\)\\d+\",TEAM_CREATED,"
                + "\"[^\"]*\",,\"\",\"\\{note=say \"\"hi\"\", then go\\}\",[0-9a-f]{64}");
    }
}
