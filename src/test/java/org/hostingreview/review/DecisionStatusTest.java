package org.hostingreview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.hostingreview.proposal.ProposalFixtures;
import org.hostingreview.proposal.ProposalStatus;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The decision page and the MADR say only what is true: accepted, awaiting a second approval, withdrawn, superseded. */
@QuarkusTest
class DecisionStatusTest {

    @Test
    void anApprovalWaitingForItsSecondReviewerIsNotAnAcceptedDecision() {
        long id = ReviewFixtures.submitted("priya", "$80,000");
        ReviewFixtures.review(WebSession.as("rachel"), id, "APPROVE", null, null).then().statusCode(303);
        assertThat(ProposalFixtures.load(id).status).isEqualTo(ProposalStatus.SUBMITTED);
        WebSession priya = WebSession.as("priya");

        String page = priya.get("/proposals/" + id + "/decision").then().statusCode(200).extract().asString();
        assertThat(page).contains("Status: awaiting a second approval (1 of 2)").contains("Approved so far by")
                .doesNotContain("Status: accepted");
        String md = priya.get("/proposals/" + id + "/decision.md").then().statusCode(200).extract().asString();
        assertThat(md).contains("* Status: proposed (awaiting a second approval, 1 of 2)\n").doesNotContain("accepted");
        priya.get("/proposals/" + id + "/changes").then().statusCode(404);

        ReviewFixtures.review(WebSession.as("dana"), id, "APPROVE", null, null).then().statusCode(303);

        assertThat(priya.get("/proposals/" + id + "/decision").asString()).contains("Status: accepted</strong>");
        assertThat(priya.get("/proposals/" + id + "/decision.md").asString()).contains("* Status: accepted\n");
    }

    @Test
    void aWithdrawnDecisionSaysWithdrawn() {
        long id = ReviewFixtures.submitted("priya", "3000");
        ReviewFixtures.review(WebSession.as("rachel"), id, "APPROVE", null, null).then().statusCode(303);
        assertThat(ProposalFixtures.load(id).status).isEqualTo(ProposalStatus.APPROVED);
        WebSession priya = WebSession.as("priya");
        priya.get("/proposals/" + id + "/withdraw").then().statusCode(200);
        priya.post("/proposals/" + id + "/withdraw", "reason", "Feature retired.", "version", ProposalFixtures.version(id)).then()
                .statusCode(303);
        assertThat(ProposalFixtures.load(id).status).isEqualTo(ProposalStatus.WITHDRAWN);

        assertThat(priya.get("/proposals/" + id + "/decision").asString()).contains("Status: withdrawn")
                .doesNotContain("Status: accepted");
        assertThat(priya.get("/proposals/" + id + "/decision.md").asString()).contains("* Status: withdrawn\n")
                .doesNotContain("accepted");
    }

    @Test
    void theMadrEscapesUserTextSoItCannotForgeHeadingsStatusLinesOrHtml() {
        WebSession priya = WebSession.as("priya");
        long id = ProposalFixtures.draft(priya, "<img src=x onerror=alert(1)> *bold* [link](http://evil)",
                "Forged feature " + System.nanoTime());
        Map<Integer, Map<String, Object>> steps = ProposalFixtures.laterSteps();
        steps.put(2, WebSession.pairs("currentMonthlySpendUsd", "3000"));
        steps.forEach((step, fields) -> ProposalFixtures.save(priya, id, step, fields).then().statusCode(303));
        priya.post("/proposals/" + id + "/submit", "version", ProposalFixtures.version(id)).then().statusCode(303);
        ReviewFixtures.review(WebSession.as("rachel"), id, "APPROVE", null, null, "rationale",
                "Fine.\n* Status: rejected\n# Forged heading\n<script>alert(1)</script>").then().statusCode(303);

        String md = priya.get("/proposals/" + id + "/decision.md").then().statusCode(200).extract().asString();

        assertThat(md).doesNotContain("<img").doesNotContain("<script>").doesNotContain("\n* Status: rejected")
                .doesNotContain("\n# Forged").doesNotContain("[link](");
        assertThat(md).contains("&lt;img src=x onerror=alert(1)&gt; \\*bold\\* \\[link\\](http://evil)")
                .contains("Fine. \\* Status: rejected # Forged heading &lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(md.lines().filter(line -> line.startsWith("* Status:"))).containsExactly("* Status: accepted");
        assertThat(md.lines().filter(line -> line.startsWith("# "))).hasSize(1);
    }

    @Test
    void aTitleWithALineBreakIsRefusedWithTheInputKept() {
        WebSession priya = WebSession.as("priya");
        Map<String, Object> form = new java.util.LinkedHashMap<>(ProposalFixtures.step1("Two\nlines", "Feature " + System.nanoTime()));
        form.put("acknowledgeDuplicate", "on");

        String page = priya.post("/proposals", form).then().statusCode(400).extract().asString();

        assertThat(page).contains("Keep the title on one line");
    }
}
