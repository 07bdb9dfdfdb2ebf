package org.yizhan.finder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.yizhan.geo.Crs;
import org.yizhan.geo.CrsPoint;
import org.yizhan.station.Amenity;
import org.yizhan.station.StationDetails;
import org.yizhan.station.StationRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * Listed stations as files for map platforms and open data: GeoJSON (RFC 7946: WGS-84,
 * longitude first) and CSV for the bulk POI uploads of Amap (GCJ-02) and Baidu (BD-09).
 *
 * <p>
 * A feed is built from the database, not the index, because it carries descriptions the
 * index does not keep; it is cached for {@code yizhan.finder.feed-ttl} and identified by
 * the SHA-256 of its bytes (the ETag), so clients and CDNs re-download only what changed.
 */
@Service
public class StationFeeds {

	/** A built feed: its bytes, their ETag, and when its newest station last changed. */
	public record Feed(byte[] body, String etag, Instant lastModified, Instant builtAt) {
	}

	public enum Format {

		GEOJSON, AMAP_CSV, BAIDU_CSV

	}

	private final StationRegistry registry;

	private final JsonMapper json;

	private final Clock clock;

	private final Duration ttl;

	private final Map<Format, Feed> cache = new ConcurrentHashMap<>();

	StationFeeds(StationRegistry registry, JsonMapper json, Clock clock,
			@Value("${yizhan.finder.feed-ttl:5m}") Duration ttl) {
		this.registry = registry;
		this.json = json;
		this.clock = clock;
		this.ttl = ttl;
	}

	public Feed feed(Format format) {
		Feed cached = cache.get(format);
		if (cached != null && cached.builtAt().plus(ttl).isAfter(clock.instant())) {
			return cached;
		}
		Feed built = build(format);
		cache.put(format, built);
		return built;
	}

	private Feed build(Format format) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
		Instant[] newest = { Instant.EPOCH };
		try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
			switch (format) {
				case GEOJSON -> writeGeoJson(out, newest);
				case AMAP_CSV -> writeCsv(out, Crs.GCJ02, newest);
				case BAIDU_CSV -> writeCsv(out, Crs.BD09, newest);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] body = bytes.toByteArray();
		return new Feed(body, "\"" + sha256(body) + "\"", newest[0], clock.instant());
	}

	private void writeGeoJson(Writer out, Instant[] newest) throws IOException {
		out.write("{\"type\":\"FeatureCollection\",\"features\":[");
		boolean[] first = { true };
		registry.forEachListed(station -> {
			StationDetails d = station.details();
			newest[0] = max(newest[0], station.updatedAt());
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("id", station.id().value());
			properties.put("code", station.code().value());
			properties.put("name", d.name());
			properties.put("address", d.address());
			properties.put("district", d.districtCode());
			properties.put("hostType", d.hostType().name());
			properties.put("amenities", d.amenities().stream().map(Amenity::name).toList());
			properties.put("openingHours", d.openingHours().value());
			properties.put("smartEntry", d.smartEntry() == null ? null : d.smartEntry().method().name());
			properties.put("phone", d.phone());
			properties.put("level", d.level().name());
			properties.put("stars", d.stars());
			properties.put("updatedAt", station.updatedAt().toString());
			// RFC 7946: positions are [longitude, latitude] in WGS-84; the crs member is
			// not
			// part of the RFC, it is repeated per feature only to say so to readers.
			Map<String, Object> feature = Map
				.of("type", "Feature", "id", station.id().value(), "geometry",
						Map.of("type", "Point", "coordinates",
								List.of(round(d.location().lon()), round(d.location().lat()))),
						"properties", properties);
			try {
				if (!first[0]) {
					out.write(',');
				}
				first[0] = false;
				out.write(json.writeValueAsString(feature));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		out.write("],\"crs\":\"wgs84\"}");
	}

	private void writeCsv(Writer out, Crs crs, Instant[] newest) throws IOException {
		// The byte order mark lets spreadsheet programs read the Chinese text as UTF-8.
		out.write('\uFEFF');
		out.write("name,address,lon,lat,phone,category,hours,description,code\r\n");
		registry.forEachListed(station -> {
			StationDetails d = station.details();
			newest[0] = max(newest[0], station.updatedAt());
			CrsPoint point = CrsPoint.of(d.location(), crs);
			try {
				out.write(String.join(",", cell(d.name()), cell(d.address()),
						String.format(Locale.ROOT, "%.6f", point.lon()),
						String.format(Locale.ROOT, "%.6f", point.lat()), cell(d.phone()),
						cell("工会驿站;" + d.hostType().labelZh()), cell(d.openingHours().value()), cell(d.description()),
						cell(station.code().value())));
				out.write("\r\n");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/**
	 * Quotes a CSV cell and defuses formula injection: a cell a spreadsheet would
	 * evaluate ({@code = + - @}, tab, carriage return, NUL first) is prefixed with an
	 * apostrophe.
	 */
	static String cell(String value) {
		if (value == null) {
			return "";
		}
		String text = value;
		if (!text.isEmpty() && "=+-@\t\r\0".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		return "\"" + text.replace("\0", "").replace("\"", "\"\"") + "\"";
	}

	private static double round(double degrees) {
		return Math.round(degrees * 1e7) / 1e7;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static String sha256(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
