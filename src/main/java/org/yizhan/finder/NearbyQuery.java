package org.yizhan.finder;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Set;

import org.yizhan.geo.GeoPoint;
import org.yizhan.station.Amenity;
import org.yizhan.station.HostType;

/**
 * The k nearest listed stations around {@code origin} within {@code radiusMeters} that
 * offer all of {@code amenities}, are of one of {@code hostTypes} (any when empty) and,
 * when {@code openAt} is given, are open at that local time (Asia/Shanghai).
 */
public record NearbyQuery(GeoPoint origin, double radiusMeters, int limit, Set<Amenity> amenities,
		Set<HostType> hostTypes, LocalDateTime openAt) {

	public NearbyQuery {
		Objects.requireNonNull(origin, "origin");
		if (!(radiusMeters > 0) || limit < 1) {
			throw new IllegalArgumentException("radius and limit must be positive");
		}
		amenities = amenities == null ? Set.of() : Set.copyOf(amenities);
		hostTypes = hostTypes == null ? Set.of() : Set.copyOf(hostTypes);
	}

}
