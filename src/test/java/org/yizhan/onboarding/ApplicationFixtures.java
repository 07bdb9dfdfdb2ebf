package org.yizhan.onboarding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.json.JsonMapper;

import org.yizhan.geo.GeoPoint;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the onboarding tests apply with: fresh credit codes, free sites inside a demo
 * district's boundary, and an application's JSON to change one value of.
 */
public final class ApplicationFixtures {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	public ApplicationFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A valid code no test has used: "91" (an enterprise), a random body, its check
	 * character.
	 */
	public static String randomCreditCode() {
		StringBuilder code = new StringBuilder("91330106");
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; i < 9; i++) {
			code.append(CreditCode.ALPHABET.charAt(random.nextInt(CreditCode.ALPHABET.length())));
		}
		return code.toString() + CreditCode.checkCharacter(code + "0");
	}

	/**
	 * A WGS-84 point inside {@code district}'s boundary, a few hundred metres from one of
	 * its listed stations, with no listed station nor application site within 100 m: a
	 * site no duplicate rule can touch.
	 */
	public GeoPoint freeSite(String district) {
		DistrictBoundary boundary = DistrictBoundary
			.parse(this.jdbc.sql("select geometry from coverage_area where org_code = ?")
				.param(district)
				.query(String.class)
				.single());
		List<double[]> stations = this.jdbc
			.sql("select lat, lon from station where district_code = ? and status = 'LISTED' order by id")
			.param(district)
			.query((rs, n) -> new double[] { rs.getDouble(1), rs.getDouble(2) })
			.list();
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int attempt = 0; attempt < 1000; attempt++) {
			double[] near = stations.get(random.nextInt(stations.size()));
			double meters = 150 + random.nextDouble(350);
			double bearing = random.nextDouble(2 * Math.PI);
			GeoPoint candidate = GeoPoint.of(near[0] + meters * Math.cos(bearing) / 111_320,
					near[1] + meters * Math.sin(bearing) / (111_320 * Math.cos(Math.toRadians(near[0]))));
			if (boundary.covers(candidate) && nothingWithin(candidate, 100)) {
				return candidate;
			}
		}
		throw new IllegalStateException("No free site found in " + district);
	}

	/**
	 * A listed station's position in {@code other} that {@code district}'s boundary does
	 * not cover.
	 */
	public GeoPoint siteOutside(String district, String other) {
		DistrictBoundary boundary = DistrictBoundary
			.parse(this.jdbc.sql("select geometry from coverage_area where org_code = ?")
				.param(district)
				.query(String.class)
				.single());
		return this.jdbc.sql("select lat, lon from station where district_code = ? and status = 'LISTED' order by id")
			.param(other)
			.query((rs, n) -> GeoPoint.of(rs.getDouble(1), rs.getDouble(2)))
			.list()
			.stream()
			.filter(point -> !boundary.covers(point))
			.findFirst()
			.orElseThrow();
	}

	private boolean nothingWithin(GeoPoint point, double meters) {
		double d = meters * 1.5 / 111_000;
		double dLon = d / Math.cos(Math.toRadians(point.lat()));
		List<double[]> near = new ArrayList<>(this.jdbc.sql("""
				select lat, lon from station where lat between :s and :n and lon between :w and :e
				union all select lat, lon from host_site where lat between :s and :n and lon between :w and :e
				""")
			.param("s", point.lat() - d)
			.param("n", point.lat() + d)
			.param("w", point.lon() - dLon)
			.param("e", point.lon() + dLon)
			.query((rs, n) -> new double[] { rs.getDouble(1), rs.getDouble(2) })
			.list());
		return near.stream().allMatch(p -> point.distanceMeters(GeoPoint.of(p[0], p[1])) > meters);
	}

	/** An application to send as it is or to change one value of. */
	public static Map<String, Object> application(String creditCode, String hostName, String district, GeoPoint site) {
		Map<String, Object> host = new LinkedHashMap<>();
		host.put("creditCode", creditCode);
		host.put("name", hostName);
		host.put("kind", "MERCHANT_RESTAURANT");
		Map<String, Object> contact = new LinkedHashMap<>();
		contact.put("name", "王店长");
		contact.put("phone", "13857112345");
		contact.put("email", "wang.dianzhang@example.com");
		Map<String, Object> where = new LinkedHashMap<>();
		where.put("district", district);
		where.put("address", "杭州市西湖区文三路 100 号");
		where.put("lat", site.lat());
		where.put("lon", site.lon());
		where.put("crs", "wgs84");
		where.put("areaM2", 12.5);
		where.put("floor", 1);
		where.put("facingStreet", true);
		Map<String, Object> application = new LinkedHashMap<>();
		application.put("host", host);
		application.put("coBuilders", List.of());
		application.put("contact", contact);
		application.put("site", where);
		application.put("stationName", "一平米温暖爱心驿站（" + hostName + "）");
		application.put("amenities", List.of("DRINKING_WATER", "MICROWAVE", "SEATING", "PHONE_CHARGING"));
		application.put("openingHours", "Mo-Su 09:00-21:00");
		application.put("buildMode", "SELF_BUILT");
		application.put("description", "店内靠窗一角，可坐 4 人");
		return application;
	}

	@SuppressWarnings("unchecked")
	public static Map<String, Object> part(Map<String, Object> application, String name) {
		return (Map<String, Object>) application.get(name);
	}

	public static String json(Map<String, Object> application) {
		return JSON.writeValueAsString(application);
	}

	/** The application as the use case takes it, for tests that submit without HTTP. */
	public static ApplicationInput input(Map<String, Object> application) {
		return OnboardingAccessRows.input(application);
	}

}
