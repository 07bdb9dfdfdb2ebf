package org.yizhan.finder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yizhan.geo.GeoPoint;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;

import org.springframework.stereotype.Service;

/**
 * Finds a place by name for the finder's search box, across every listed station rather
 * than the thirty an answer shows: a district of the union tree, a street or address that
 * station addresses hold, or a station by its name. Positions come only from the listed
 * stations (no outside geocoder is reachable from every deployment, nor from CI): a
 * district or an address is where its listed stations are, so a district without any is
 * not offered.
 *
 * <p>
 * The scan reads the in-memory index, one pass over its stations (a few milliseconds at
 * national scale); the districts come from the union tree in one query.
 */
@Service
public class PlaceSearch {

	/** The most places of each kind an answer lists. */
	static final int PER_KIND = 5;

	private final StationIndex index;

	private final OrganizationTree organizations;

	PlaceSearch(StationIndex index, OrganizationTree organizations) {
		this.index = index;
		this.organizations = organizations;
	}

	/**
	 * Places whose name holds {@code text}: districts first, then addresses (the district
	 * with most matching stations first), then stations (shortest name first).
	 */
	public List<Place> find(String text) {
		String wanted = text.strip().toLowerCase(Locale.ROOT);
		Map<String, Box> byDistrict = new LinkedHashMap<>();
		Map<String, Box> addressesByDistrict = new LinkedHashMap<>();
		List<IndexedStation> named = new ArrayList<>();
		List<Organization> districts = organizations.listDistrictsNamed(text.strip(), PER_KIND);
		for (Organization district : districts) {
			byDistrict.put(district.code(), new Box());
		}
		for (IndexedStation station : index.all()) {
			String district = districtOf(station);
			Box box = byDistrict.get(district);
			if (box != null) {
				box.add(station);
			}
			if (station.address().toLowerCase(Locale.ROOT).contains(wanted)) {
				addressesByDistrict.computeIfAbsent(district, code -> new Box()).add(station);
			}
			if (station.name().toLowerCase(Locale.ROOT).contains(wanted)) {
				named.add(station);
			}
		}
		List<Place> places = new ArrayList<>();
		for (Organization district : districts) {
			Box box = byDistrict.get(district.code());
			if (box.count > 0) {
				places.add(box.place(Place.Kind.DISTRICT, district.areaName(), district.areaName(), null));
			}
		}
		addressesByDistrict.entrySet()
			.stream()
			.sorted(Comparator.comparingInt((Map.Entry<String, Box> e) -> -e.getValue().count)
				.thenComparing(Map.Entry::getKey))
			.limit(PER_KIND)
			.forEach(e -> places
				.add(e.getValue().place(Place.Kind.ADDRESS, text.strip(), districtName(e.getKey()), null)));
		named.stream()
			.sorted(Comparator.comparingInt((IndexedStation s) -> s.name().length())
				.thenComparingLong(IndexedStation::id))
			.limit(PER_KIND)
			.forEach(station -> {
				Box box = new Box();
				box.add(station);
				places.add(
						box.place(Place.Kind.STATION, station.name(), districtName(districtOf(station)), station.id()));
			});
		return places;
	}

	/** A station's district: the first six digits of its code ({@code 330106-0007}). */
	private static String districtOf(IndexedStation station) {
		String code = station.code();
		return code.length() >= 6 ? code.substring(0, 6) : code;
	}

	private String districtName(String code) {
		return organizations.findByCode(code).map(Organization::areaName).orElse(code);
	}

	/** The box and middle of some stations. */
	private static final class Box {

		int count;

		double south = Double.POSITIVE_INFINITY;

		double west = Double.POSITIVE_INFINITY;

		double north = Double.NEGATIVE_INFINITY;

		double east = Double.NEGATIVE_INFINITY;

		double latSum;

		double lonSum;

		final List<IndexedStation> members = new ArrayList<>();

		void add(IndexedStation station) {
			members.add(station);
			count++;
			south = Math.min(south, station.lat());
			north = Math.max(north, station.lat());
			west = Math.min(west, station.lon());
			east = Math.max(east, station.lon());
			latSum += station.lat();
			lonSum += station.lon();
		}

		/**
		 * The mean of the stations' positions, moved to the nearest of them: a district's
		 * middle can fall in a lake or on a mountain, and the finder then searches from
		 * where at least one station is.
		 */
		Place place(Place.Kind kind, String name, String district, Long stationId) {
			GeoPoint mean = GeoPoint.of(latSum / count, lonSum / count);
			IndexedStation nearest = members.stream()
				.min(Comparator.comparingDouble((IndexedStation s) -> s.location().distanceMeters(mean))
					.thenComparingLong(IndexedStation::id))
				.orElseThrow();
			return new Place(kind, name, district, nearest.location(), GeoPoint.of(south, west),
					GeoPoint.of(north, east), count, stationId);
		}

	}

}
