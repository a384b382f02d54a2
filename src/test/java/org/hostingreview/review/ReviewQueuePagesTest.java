package org.hostingreview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hostingreview.support.OwnerDatabase;
import org.hostingreview.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;

/** The review queue shows one page of the longest waiting at a time, counts all of them, and pages through every one once. */
@QuarkusTest
class ReviewQueuePagesTest {

    private static final Pattern ROW = Pattern.compile("<a href=\"/proposals/(\\d+)#review\">");
    private static final Pattern NEXT = Pattern.compile("<a href=\"/reviews(\\?after=[^\"]+)\" id=\"queue-next\">");

    @Inject
    EntityManager em;

    @Test
    void aLongQueueIsPagedLongestWaitingFirstWithEveryProposalOnExactlyOnePage() {
        long template = ReviewFixtures.submitted("priya", "40000");
        // sixty more waiting proposals, submitted on sixty different days
        OwnerDatabase.runAsOwner("insert into proposal (feature_id, team_id, owner_id, title, status, steps_saved, current_tier, "
                + "requests_per_month, input_tokens_per_request, output_tokens_per_request, current_monthly_spend_usd, "
                + "mlops_engineers, submitted_at, created_at, updated_at, review_round) select feature_id, team_id, owner_id, "
                + "'Queued ' || g, 'SUBMITTED', steps_saved, current_tier, requests_per_month, input_tokens_per_request, "
                + "output_tokens_per_request, current_monthly_spend_usd, mlops_engineers, now() - g * interval '1 day', "
                + "created_at, now(), 1 from proposal, generate_series(1, 60) g where id = " + template);
        long waiting = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from proposal where status in ('SUBMITTED', 'REVIEW_DUE')").getSingleResult()).longValue());

        WebSession rachel = WebSession.as("rachel");
        String first = rachel.get("/reviews").then().statusCode(200).extract().asString();
        assertThat(ids(first)).hasSize(ReviewService.QUEUE_PAGE);
        assertThat(first).contains(ReviewService.QUEUE_PAGE + " shown of " + waiting + " waiting");
        assertThat(first).contains("#" + idOfQueued(60) + " Queued 60");

        List<Long> seen = new ArrayList<>(ids(first));
        String page = first;
        for (int pages = 1; pages < 100; pages++) {
            Matcher next = NEXT.matcher(page);
            if (!next.find()) {
                break;
            }
            page = rachel.get("/reviews" + next.group(1).replace("&amp;", "&")).then().statusCode(200).extract().asString();
            seen.addAll(ids(page));
        }
        Set<Long> distinct = new HashSet<>(seen);
        long first1 = idOfQueued(1);
        // out of the other tests' queue again
        OwnerDatabase.runAsOwner("update proposal set status = 'WITHDRAWN' where title like 'Queued %' and status = 'SUBMITTED'");
        assertThat(distinct).hasSize(seen.size());
        assertThat((long) seen.size()).isEqualTo(waiting);
        assertThat(seen).contains(template, first1);
    }

    private long idOfQueued(int g) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select max(id) from proposal where title = ?1").setParameter(1, "Queued " + g).getSingleResult()).longValue());
    }

    private static List<Long> ids(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }
}
