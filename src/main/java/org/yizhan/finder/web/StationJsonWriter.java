package org.yizhan.finder.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.yizhan.calendar.OpenState;
import org.yizhan.calendar.OpenStatus;
import org.yizhan.calendar.OpeningSchedule;
import org.yizhan.finder.IndexedStation;
import org.yizhan.finder.NearbyStation;
import org.yizhan.finder.StationFinder;
import org.yizhan.finder.web.NearbyApiController.EntryJson;
import org.yizhan.finder.web.NearbyApiController.LocationJson;
import org.yizhan.finder.web.NearbyApiController.StationJson;
import org.yizhan.geo.Crs;
import org.yizhan.geo.CrsPoint;
import org.yizhan.station.EntryMethod;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Stations as the finder's API answers them: as {@link StationJson} records for the map
 * viewport, and straight as bytes for nearby answers, the finder's hot path.
 *
 * <p>
 * Most of a station's JSON (code, name, address, location, hours, amenities, phone and
 * the three navigation links, about 1.2 KB) does not depend on the query. A nearby answer
 * therefore reuses those parts, rendered once per station and coordinate system and
 * cached as bytes, and splices the query's own fields (distance, travel times, open now
 * and until when, unattended entry) between them; building and serialising ten records
 * per request cost a third of the finder's throughput. The parts are rendered by the
 * application's {@link JsonMapper}, so escaping and number formats are Jackson's; the
 * query's own fields are whole numbers, booleans, ISO times and enum names, which need no
 * escaping and are written directly. A test compares whole answers byte for byte with
 * Jackson's serialisation of {@link NearbyApiController.StationsJson}.
 *
 * <p>
 * A cached part belongs to the {@link IndexedStation} object it was rendered from: the
 * index replaces that object whenever the station changes, so a changed station is
 * rendered again on its next request, and stale parts age out of the bounded cache.
 */
@Component
class StationJsonWriter {

	/** Station and crs pairs kept rendered, about 1.3 KB each. */
	static final int CACHED_STATIONS = 10_000;

	private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

	private static final byte[] NULL = ascii("null");

	private final StationFinder finder;

	private final JsonMapper json;

	private final Cache<Long, Fragments> fragments = Caffeine.newBuilder().maximumSize(CACHED_STATIONS).build();

	StationJsonWriter(StationFinder finder, JsonMapper json) {
		this.finder = finder;
		this.json = json;
	}

	/**
	 * A station as the API shows it.
	 * @param distanceMeters from the query's origin; {@code null} in viewport answers
	 * @param at the local time that open now, until when and entry refer to
	 */
	StationJson station(IndexedStation station, Double distanceMeters, Crs crs, LocalDateTime at) {
		CrsPoint location = CrsPoint.of(station.location(), crs);
		OpenState state = finder.openState(station, at);
		return new StationJson(station.id(), station.code(), station.name(), station.address(),
				new LocationJson(round(location.lat()), round(location.lon()), crs.code()),
				distanceMeters == null ? null : Math.round(distanceMeters),
				distanceMeters == null ? null : TravelTime.WALK.minutes(distanceMeters),
				distanceMeters == null ? null : TravelTime.EBIKE.minutes(distanceMeters), openNow(state),
				openUntil(state), nextOpen(state), station.openingHours(), entry(station, at),
				station.amenities().stream().map(Enum::name).toList(), station.hostType().name(), station.phone(),
				Navigation.links(station));
	}

	/** The nearby answer, byte for byte what Jackson writes for the same stations. */
	byte[] nearby(List<NearbyStation> found, Crs crs, LocalDateTime at) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 1400 * found.size());
		out.writeBytes(ascii("{\"stations\":["));
		// Stations share a handful of schedules: each one's fields once per answer.
		Map<OpeningSchedule, byte[]> openFields = new IdentityHashMap<>();
		Map<EntryKey, byte[]> entries = new HashMap<>();
		for (int i = 0; i < found.size(); i++) {
			IndexedStation station = found.get(i).station();
			double distance = found.get(i).distanceMeters();
			Fragments parts = fragments(station, crs);
			if (i > 0) {
				out.write(',');
			}
			out.writeBytes(parts.head());
			out.writeBytes(ascii("\"distanceMeters\":" + Math.round(distance) + ",\"walkMinutes\":"
					+ TravelTime.WALK.minutes(distance) + ",\"rideMinutes\":" + TravelTime.EBIKE.minutes(distance)
					+ ","));
			out.writeBytes(openFields.computeIfAbsent(station.schedule(), schedule -> {
				OpenState state = finder.openState(station, at);
				return ascii("\"openNow\":" + openNow(state) + ",\"openUntil\":" + quoted(openUntil(state))
						+ ",\"nextOpen\":" + quoted(nextOpen(state)) + ",");
			}));
			out.writeBytes(parts.middle());
			out.writeBytes(station.entrySchedule() == null ? NULL
					: entries.computeIfAbsent(new EntryKey(station.entryMethod(), station.entrySchedule()), key -> {
						EntryJson entry = entry(station, at);
						return ascii("{\"method\":" + quoted(entry.method()) + ",\"unattendedNow\":"
								+ entry.unattendedNow() + "}");
					}));
			out.writeBytes(parts.tail());
		}
		out.writeBytes(ascii("]}"));
		return out.toByteArray();
	}

	/**
	 * The query-independent parts of a station's JSON, in field order: up to the
	 * distance, between the opening fields and the entry, and after the entry.
	 */
	private record Fragments(IndexedStation station, byte[] head, byte[] middle, byte[] tail) {
	}

	/** Schedules compare by identity: each distinct hours text is compiled once. */
	private record EntryKey(EntryMethod method, OpeningSchedule schedule) {
	}

	private Fragments fragments(IndexedStation station, Crs crs) {
		long key = station.id() * Crs.values().length + crs.ordinal();
		Fragments cached = fragments.getIfPresent(key);
		if (cached != null && cached.station() == station) {
			return cached;
		}
		CrsPoint location = CrsPoint.of(station.location(), crs);
		Fragments rendered = new Fragments(station,
				utf8("{\"id\":" + station.id() + ",\"code\":" + string(station.code()) + ",\"name\":"
						+ string(station.name()) + ",\"address\":" + string(station.address()) + ",\"location\":"
						+ string(new LocationJson(round(location.lat()), round(location.lon()), crs.code())) + ","),
				utf8("\"openingHours\":" + string(station.openingHours()) + ",\"entry\":"),
				utf8(",\"amenities\":" + string(station.amenities().stream().map(Enum::name).toList())
						+ ",\"hostType\":" + string(station.hostType().name()) + ",\"phone\":" + string(station.phone())
						+ ",\"navigation\":" + string(Navigation.links(station)) + "}"));
		fragments.put(key, rendered);
		return rendered;
	}

	private EntryJson entry(IndexedStation station, LocalDateTime at) {
		return finder.entryState(station, at)
			.map(state -> new EntryJson(station.entryMethod().name(), state.status() == OpenStatus.OPEN))
			.orElse(null);
	}

	private static Boolean openNow(OpenState state) {
		return state.status() == OpenStatus.UNKNOWN ? null : state.status() == OpenStatus.OPEN;
	}

	private static String openUntil(OpenState state) {
		return state.status() == OpenStatus.OPEN ? offset(state.until()) : null;
	}

	private static String nextOpen(OpenState state) {
		return state.status() == OpenStatus.CLOSED ? offset(state.nextOpen()) : null;
	}

	private static String offset(LocalDateTime time) {
		return time == null ? null : OffsetDateTime.of(time, CHINA).toString();
	}

	private static double round(double degrees) {
		return Math.round(degrees * 1e7) / 1e7;
	}

	/**
	 * A JSON string of text that needs no escaping (times such as
	 * {@code 2026-11-23T17:30+08:00}, enum names), or {@code null}; the per-answer fields
	 * are written by hand because a Jackson generator per field cost more than the rest
	 * of the answer.
	 */
	private static String quoted(String text) {
		return text == null ? "null" : '"' + text + '"';
	}

	private String string(Object value) {
		return json.writeValueAsString(value);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
