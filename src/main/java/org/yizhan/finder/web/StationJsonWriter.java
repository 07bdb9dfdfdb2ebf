package org.yizhan.finder.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.yizhan.calendar.OpenState;
import org.yizhan.calendar.OpenStatus;
import org.yizhan.calendar.OpeningHoursText;
import org.yizhan.calendar.OpeningSchedule;
import org.yizhan.finder.IndexedStation;
import org.yizhan.finder.NearbyStation;
import org.yizhan.finder.StationFinder;
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
 * Jackson's serialisation of {@link StationsJson}.
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

	/**
	 * About what an answer adds to a station's cached parts: distance, travel times, the
	 * opening fields and the entry (the buffer grows when it is more).
	 */
	private static final int PER_ANSWER_FIELDS = 160;

	private static final byte[] STATIONS_START = ascii("{\"stations\":[");

	private static final byte[] STATIONS_END = ascii("]}");

	private static final byte[] DISTANCE = ascii("\"distanceMeters\":");

	// freshness changes by the day and with each hold: written per answer, never cached
	private static final byte[] UNVERIFIED = ascii(",\"unverified\":true");

	private static final byte[] VERIFIED = ascii(",\"unverified\":false");

	private static final byte[] CONFIRMED_DAYS_AGO = ascii(",\"confirmedDaysAgo\":");

	private static final byte[] WALK = ascii(",\"walkMinutes\":");

	private static final byte[] RIDE = ascii(",\"rideMinutes\":");

	private final StationFinder finder;

	private final JsonMapper json;

	private final Cache<Long, Fragments> fragments = Caffeine.newBuilder().maximumSize(CACHED_STATIONS).build();

	/** The opening fields of the minute most recently answered. */
	private volatile OpenFields openFields;

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
		return station(station, distanceMeters, crs, at, Locale.SIMPLIFIED_CHINESE);
	}

	/** A station as the API shows it, its hours in words of {@code locale}'s language. */
	StationJson station(IndexedStation station, Double distanceMeters, Crs crs, LocalDateTime at, Locale locale) {
		CrsPoint location = CrsPoint.of(station.location(), crs);
		OpenState state = finder.openState(station, at);
		return new StationJson(station.id(), station.code(), station.name(), station.address(),
				new LocationJson(round(location.lat()), round(location.lon()), crs.code()),
				distanceMeters == null ? null : Math.round(distanceMeters),
				distanceMeters == null ? null : TravelTime.WALK.minutes(distanceMeters),
				distanceMeters == null ? null : TravelTime.EBIKE.minutes(distanceMeters), openNow(state),
				openUntil(state), nextOpen(state), station.openingHours(), hoursText(station, locale),
				entry(station, at), station.amenities().stream().map(Enum::name).toList(), station.hostType().name(),
				station.phone(), Navigation.links(station), finder.isUnverified(station),
				finder.daysSinceConfirmed(station).stream().boxed().findFirst().orElse(null));
	}

	/**
	 * The nearby answer, byte for byte what Jackson writes for the same stations, in a
	 * buffer sized for it (not copied once more into an array of the exact length).
	 */
	Answer nearby(List<NearbyStation> found, Crs crs, LocalDateTime at) {
		return nearby(found, crs, at, Locale.SIMPLIFIED_CHINESE);
	}

	/** The nearby answer with the hours in words of {@code locale}'s language. */
	Answer nearby(List<NearbyStation> found, Crs crs, LocalDateTime at, Locale locale) {
		Fragments[] parts = new Fragments[found.size()];
		int estimate = 16;
		for (int i = 0; i < parts.length; i++) {
			parts[i] = fragments(found.get(i).station(), crs, locale);
			estimate += parts[i].length() + PER_ANSWER_FIELDS;
		}
		OpenFields open = openFields(at);
		Bytes out = new Bytes(estimate);
		out.put(STATIONS_START);
		for (int i = 0; i < parts.length; i++) {
			IndexedStation station = found.get(i).station();
			double distance = found.get(i).distanceMeters();
			if (i > 0) {
				out.put((byte) ',');
			}
			out.put(parts[i].head());
			out.put(DISTANCE);
			out.putWhole(Math.round(distance));
			out.put(WALK);
			out.putWhole(TravelTime.WALK.minutes(distance));
			out.put(RIDE);
			out.putWhole(TravelTime.EBIKE.minutes(distance));
			out.put((byte) ',');
			out.put(open.of(station));
			out.put(parts[i].middle());
			out.put(open.entryOf(station));
			out.put(parts[i].tail());
			out.put(finder.isUnverified(station) ? UNVERIFIED : VERIFIED);
			OptionalLong days = finder.daysSinceConfirmed(station);
			if (days.isPresent()) {
				out.put(CONFIRMED_DAYS_AGO);
				out.putWhole(days.getAsLong());
			}
			out.put((byte) '}');
		}
		out.put(STATIONS_END);
		return new Answer(out.bytes, out.size);
	}

	/** An answer's bytes: the first {@code length} of {@code bytes}. */
	record Answer(byte[] bytes, int length) {

		String text() {
			return new String(bytes, 0, length, StandardCharsets.UTF_8);
		}

	}

	/**
	 * The opening fields of one minute (open now, until when, next open; unattended
	 * entry) per schedule, shared by every answer of that minute: stations share a
	 * handful of schedules, and the fields have minute resolution, as opening hours do
	 * ({@link OpeningSchedule#stateAt} reads the time to the minute).
	 */
	private OpenFields openFields(LocalDateTime at) {
		long minute = at.toLocalDate().toEpochDay() * 1440 + at.getHour() * 60 + at.getMinute();
		OpenFields current = openFields;
		if (current == null || current.minute != minute) {
			current = new OpenFields(minute, at);
			openFields = current;
		}
		return current;
	}

	private final class OpenFields {

		final long minute;

		private final LocalDateTime at;

		private final Map<OpeningSchedule, byte[]> open = new ConcurrentHashMap<>();

		private final Map<EntryKey, byte[]> entries = new ConcurrentHashMap<>();

		OpenFields(long minute, LocalDateTime at) {
			this.minute = minute;
			this.at = at;
		}

		byte[] of(IndexedStation station) {
			byte[] fields = open.get(station.schedule());
			if (fields == null) {
				OpenState state = finder.openState(station, at);
				fields = ascii("\"openNow\":" + openNow(state) + ",\"openUntil\":" + quoted(openUntil(state))
						+ ",\"nextOpen\":" + quoted(nextOpen(state)) + ",");
				open.put(station.schedule(), fields);
			}
			return fields;
		}

		byte[] entryOf(IndexedStation station) {
			if (station.entrySchedule() == null) {
				return NULL;
			}
			EntryKey key = new EntryKey(station.entryMethod(), station.entrySchedule(),
					finder.entryOutOfOrder(station));
			byte[] fields = entries.get(key);
			if (fields == null) {
				EntryJson entry = entry(station, at);
				fields = ascii(
						"{\"method\":" + quoted(entry.method()) + ",\"unattendedNow\":" + entry.unattendedNow() + "}");
				entries.put(key, fields);
			}
			return fields;
		}

	}

	/**
	 * A growing byte buffer without {@link java.io.ByteArrayOutputStream}'s lock per
	 * write.
	 */
	private static final class Bytes {

		byte[] bytes;

		int size;

		Bytes(int capacity) {
			this.bytes = new byte[capacity];
		}

		void put(byte[] part) {
			room(part.length);
			System.arraycopy(part, 0, bytes, size, part.length);
			size += part.length;
		}

		void put(byte b) {
			room(1);
			bytes[size++] = b;
		}

		/** A whole number as Jackson writes it, without a string in between. */
		void putWhole(long value) {
			if (value < 0 || value >= 1_000_000_000L) {
				put(ascii(Long.toString(value)));
				return;
			}
			int digits = 1;
			for (long rest = value / 10; rest > 0; rest /= 10) {
				digits++;
			}
			room(digits);
			for (int i = size + digits - 1; i >= size; i--) {
				bytes[i] = (byte) ('0' + value % 10);
				value /= 10;
			}
			size += digits;
		}

		private void room(int more) {
			if (size + more > bytes.length) {
				bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
			}
		}

	}

	/**
	 * The query-independent parts of a station's JSON, in field order: up to the
	 * distance, between the opening fields and the entry, and after the entry.
	 */
	private record Fragments(IndexedStation station, byte[] head, byte[] middle, byte[] tail) {

		int length() {
			return head.length + middle.length + tail.length;
		}

	}

	/** Schedules compare by identity: each distinct hours text is compiled once. */
	private record EntryKey(EntryMethod method, OpeningSchedule schedule, boolean outOfOrder) {
	}

	private Fragments fragments(IndexedStation station, Crs crs, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		long key = (station.id() * Crs.values().length + crs.ordinal()) * 2 + (english ? 1 : 0);
		Fragments cached = fragments.getIfPresent(key);
		if (cached != null && cached.station() == station) {
			return cached;
		}
		CrsPoint location = CrsPoint.of(station.location(), crs);
		Fragments rendered = new Fragments(station,
				utf8("{\"id\":" + station.id() + ",\"code\":" + string(station.code()) + ",\"name\":"
						+ string(station.name()) + ",\"address\":" + string(station.address()) + ",\"location\":"
						+ string(new LocationJson(round(location.lat()), round(location.lon()), crs.code())) + ","),
				utf8("\"openingHours\":" + string(station.openingHours()) + ",\"openingHoursText\":"
						+ string(hoursText(station, locale)) + ",\"entry\":"),
				utf8(",\"amenities\":" + string(station.amenities().stream().map(Enum::name).toList())
						+ ",\"hostType\":" + string(station.hostType().name()) + ",\"phone\":" + string(station.phone())
						+ ",\"navigation\":" + string(Navigation.links(station))));
		fragments.put(key, rendered);
		return rendered;
	}

	private static String hoursText(IndexedStation station, Locale locale) {
		return OpeningHoursText.describe(station.openingHours(),
				"en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
	}

	private EntryJson entry(IndexedStation station, LocalDateTime at) {
		return finder.entryState(station, at)
			.map(state -> new EntryJson(station.entryMethod().name(),
					state.status() == OpenStatus.OPEN && !finder.entryOutOfOrder(station)))
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
