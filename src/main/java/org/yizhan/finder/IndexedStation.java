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
 * <p>
 * Not a record, for memory: 186,000 of these must fit in 64 MB, and four small strings
 * per station (code, name, address, phone) cost more than everything else together. They
 * are kept as one string and split only for the few stations an answer shows; the opening
 * hours string and the compiled schedules are shared between stations.
 */
public final class IndexedStation {

	/**
	 * A control character, which the registry refuses in every one of the four fields.
	 */
	private static final char SEPARATOR = '\u001F';

	private final long id;

	private final long version;

	private final String text;

	private final double lat;

	private final double lon;

	private final long amenityBits;

	private final HostType hostType;

	private final String openingHours;

	private final OpeningSchedule schedule;

	private final EntryMethod entryMethod;

	private final OpeningSchedule entrySchedule;

	private final Long firstPhotoId;

	/**
	 * @param amenityBits bit {@code 1 << ordinal} for each {@link Amenity} offered
	 * @param entrySchedule when unattended smart entry works, {@code null} for
	 * staffed-only stations
	 */
	public IndexedStation(long id, long version, String code, String name, String address, double lat, double lon,
			long amenityBits, HostType hostType, String openingHours, OpeningSchedule schedule, EntryMethod entryMethod,
			OpeningSchedule entrySchedule, String phone, Long firstPhotoId) {
		this.id = id;
		this.version = version;
		this.text = code + SEPARATOR + name + SEPARATOR + address + SEPARATOR + (phone == null ? "" : phone);
		this.lat = lat;
		this.lon = lon;
		this.amenityBits = amenityBits;
		this.hostType = hostType;
		this.openingHours = openingHours;
		this.schedule = schedule;
		this.entryMethod = entryMethod;
		this.entrySchedule = entrySchedule;
		this.firstPhotoId = firstPhotoId;
	}

	static IndexedStation of(Station station, ScheduleCache schedules) {
		StationDetails d = station.details();
		return new IndexedStation(station.id().value(), station.version(), station.code().value(), d.name(),
				d.address(), d.location().lat(), d.location().lon(), bits(d.amenities()), d.hostType(),
				schedules.canonical(d.openingHours().value()), schedules.compile(d.openingHours()),
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

	private String part(int index) {
		int from = 0;
		for (int i = 0; i < index; i++) {
			from = text.indexOf(SEPARATOR, from) + 1;
		}
		int to = text.indexOf(SEPARATOR, from);
		return text.substring(from, to < 0 ? text.length() : to);
	}

	public long id() {
		return id;
	}

	public long version() {
		return version;
	}

	public String code() {
		return part(0);
	}

	public String name() {
		return part(1);
	}

	public String address() {
		return part(2);
	}

	/** The public contact phone, {@code null} when none. */
	public String phone() {
		String phone = part(3);
		return phone.isEmpty() ? null : phone;
	}

	public double lat() {
		return lat;
	}

	public double lon() {
		return lon;
	}

	public long amenityBits() {
		return amenityBits;
	}

	public HostType hostType() {
		return hostType;
	}

	public String openingHours() {
		return openingHours;
	}

	public OpeningSchedule schedule() {
		return schedule;
	}

	public EntryMethod entryMethod() {
		return entryMethod;
	}

	public OpeningSchedule entrySchedule() {
		return entrySchedule;
	}

	public Long firstPhotoId() {
		return firstPhotoId;
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

	@Override
	public String toString() {
		return "IndexedStation[" + id + " " + code() + "]";
	}

}
