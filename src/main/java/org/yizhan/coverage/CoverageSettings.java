package org.yizhan.coverage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The assumptions behind every coverage figure, under {@code yizhan.coverage.*}.
 *
 * @param walkKmh walking speed
 * @param ebikeKmh e-bike speed (urban riding, not the 25 km/h legal maximum)
 * @param detourFactor network distance over straight-line distance
 * @param minutes the default time budget of the service circle
 * @param cellMeters the side of a grid cell
 * @param spacingMeters the spacing rule: a listed station's nearest listed neighbour
 * should be at most this far (Shandong: 1 km in cities, 0.5 km in dense areas)
 * @param uniformDemandShare α in {@code demand = α·uniform + (1−α)·points} where a point
 * layer exists
 */
@ConfigurationProperties("yizhan.coverage")
record CoverageSettings(Double walkKmh, Double ebikeKmh, Double detourFactor, Integer minutes, Double cellMeters,
		Double spacingMeters, Double uniformDemandShare) {

	CoverageSettings {
		walkKmh = (walkKmh != null) ? walkKmh : 5.0;
		ebikeKmh = (ebikeKmh != null) ? ebikeKmh : 15.0;
		detourFactor = (detourFactor != null) ? detourFactor : 1.3;
		minutes = (minutes != null) ? minutes : 15;
		cellMeters = (cellMeters != null) ? cellMeters : 200.0;
		spacingMeters = (spacingMeters != null) ? spacingMeters : 1000.0;
		uniformDemandShare = (uniformDemandShare != null) ? uniformDemandShare : 0.5;
		if (!(cellMeters >= 20 && cellMeters <= 5000)) {
			throw new IllegalArgumentException("yizhan.coverage.cell-meters must be 20..5000 but was " + cellMeters);
		}
		if (!(uniformDemandShare >= 0 && uniformDemandShare <= 1)) {
			throw new IllegalArgumentException(
					"yizhan.coverage.uniform-demand-share must be 0..1 but was " + uniformDemandShare);
		}
	}

	Reach reach() {
		return new StraightLineReach(this.walkKmh, this.ebikeKmh, this.detourFactor);
	}

}
