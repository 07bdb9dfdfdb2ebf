package org.yizhan.finder;

import java.util.EnumSet;
import java.util.Set;

import org.yizhan.calendar.OpeningSchedule;
import org.yizhan.geo.GeoPoint;
import org.yizhan.station.Amenity;
import org.yizhan.station.EntryMethod;
import org.yizhan.station.HostType;
import org.yizhan.station.Station;
import org.yizhan.station.StationDetails;

/**
 * A listed station as the finder keeps it in memory: what a query filters on (position,
 * amenities as a bit set, host type, compiled hours) and what an answer shows, so no
 * query touches the database. Coordinates are WGS-84 degrees, kept as primitives for the
 * scan.
 *
 * @param amenityBits bit {@code 1 << ordinal} for each {@link Amenity} offered
 * @param entrySchedule when unattended smart entry works, {@code null} for staffed-only
 * stations
 */
public record IndexedStation(long id, long version, String code, String name, String address, double lat, double lon,
		long amenityBits, HostType hostType, String openingHours, OpeningSchedule schedule, EntryMethod entryMethod,
		OpeningSchedule entrySchedule, String phone, Long firstPhotoId) {

	static IndexedStation of(Station station, ScheduleCache schedules) {
		StationDetails d = station.details();
		return new IndexedStation(station.id().value(), station.version(), station.code().value(), d.name(),
				d.address(), d.location().lat(), d.location().lon(), bits(d.amenities()), d.hostType(),
				d.openingHours().value(), schedules.compile(d.openingHours()),
				d.smartEntry() == null ? null : d.smartEntry().method(),
				d.smartEntry() == null ? null : schedules.compile(d.smartEntry().unattendedHours()), d.phone(),
				station.photos().isEmpty() ? null : station.photos().get(0).id());
	}

	static long bits(Set<Amenity> amenities) {
		long bits = 0;
		for (Amenity amenity : amenities) {
			bits |= 1L << amenity.ordinal();
		}
		return bits;
	}

	public GeoPoint location() {
		return GeoPoint.of(lat, lon);
	}

	public Set<Amenity> amenities() {
		Set<Amenity> amenities = EnumSet.noneOf(Amenity.class);
		for (Amenity amenity : Amenity.values()) {
			if ((amenityBits & (1L << amenity.ordinal())) != 0) {
				amenities.add(amenity);
			}
		}
		return amenities;
	}

}
