package org.yizhan.standard;

import java.util.Optional;
import java.util.stream.Collectors;

import org.yizhan.platform.Explanation;
import org.yizhan.station.ListingRequirement;
import org.yizhan.station.Station;

import org.springframework.stereotype.Component;

/**
 * The listing gate: a draft may go on the map only if it meets every required item of the
 * standard in force for its district (ADR 0011). Asked by the registry inside the listing
 * transaction; where no union up the tree has set a standard, listing proceeds as before.
 * A listing that passes keeps the assessment it passed as a judgement of its own.
 */
@Component
class StandardListingGate implements ListingRequirement {

	private final StationJudgements judgements;

	StandardListingGate(StationJudgements judgements) {
		this.judgements = judgements;
	}

	@Override
	public Optional<Explanation> refusalToList(Station station) {
		Optional<StationJudgement> assessed = judgements.assess(station);
		if (assessed.isEmpty()) {
			return Optional.empty();
		}
		StationJudgement judgement = assessed.get();
		if (judgement.met()) {
			judgements.recordListing(judgement);
			return Optional.empty();
		}
		// both languages go along: the message of each picks its own (the item texts are
		// data, not message keys)
		String zh = judgement.unmetRequired()
			.stream()
			.map(item -> "「" + item.item().textZh() + "」")
			.collect(Collectors.joining("、"));
		String en = judgement.unmetRequired()
			.stream()
			.map(item -> "\"" + item.item().textEn() + "\"")
			.collect(Collectors.joining(", "));
		return Optional.of(new Explanation("standard.listing.unmet", new Object[] { judgement.against().nameZh(), zh,
				judgement.against().nameEn(), en, judgement.against().versionNumber() }));
	}

}
