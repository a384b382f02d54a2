package org.hostingreview.proposal;

import java.util.List;

/** One page of the proposals list and the cursor of the next page (null on the last one). */
public record ProposalPage(List<ProposalRow> rows, String nextCursor) {
}
