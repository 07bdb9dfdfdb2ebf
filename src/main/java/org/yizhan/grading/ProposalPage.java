package org.yizhan.grading;

import java.util.List;

/** A page of a run's proposals and how many there are in all. */
public record ProposalPage(GradingRun run, GradingRule rule, List<Proposal> proposals, long total, int page, int size) {

	public ProposalPage {
		proposals = List.copyOf(proposals);
	}

}
