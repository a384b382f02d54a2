package org.hostingreview.recommendation;

import java.util.List;

import org.hostingreview.costmodel.Workload;

/** Everything the recommender reads about one proposal: the workload, the answers, the constraints, the scores. */
public record ProposalInputs(Workload workload, Answers answers, Constraints constraints, List<Score> scores) {

    public ProposalInputs {
        scores = List.copyOf(scores);
    }
}
