package org.yizhan.grading;

import java.util.List;

import org.yizhan.station.StationLevel;

/**
 * A union's nominations of a year, as its staff see them: what it may still send up
 * ({@code own}, to {@code parentName} for {@code targetLevel}; both {@code null} for a
 * union nothing lies above that names levels), what it sent, what its children sent it
 * with their quotas, and the naming batches it made of the accepted ones.
 *
 * @param unnamed accepted nominations not yet named in a batch
 */
public record NominationOverview(String unionCode, String unionName, int year, String parentName,
		StationLevel targetLevel, NominationQuota own, List<Nomination> sent, List<Nomination> received,
		List<NominationQuota> children, List<NamingBatch> batches, int unnamed) {
}
