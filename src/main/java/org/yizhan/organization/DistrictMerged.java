package org.yizhan.organization;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A district union was merged into another after a re-division; published inside the
 * merge's transaction so that the modules owning things of the district move them to the
 * successor in that same transaction (listen with a plain {@code @EventListener}).
 *
 * @param districtCode the merged district, now kept only as history
 * @param successorCode the district that took it over
 */
@DomainEvent
public record DistrictMerged(String districtCode, String successorCode) {
}
