package org.yizhan.station;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.platform.Csv;
import org.yizhan.platform.DataImports;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo city, about 800 Hangzhou stations at real host sites from OpenStreetMap
 * ({@code demo/hangzhou-stations.csv}, see its README), the first time the application
 * starts on a database without stations. Each row passes the same validation as a station
 * typed into the console. Loading happens once per database: a marker row remembers it,
 * so restarts, and admins editing or delisting demo stations, never bring rows back.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty(name = "yizhan.demo.enabled", matchIfMissing = true)
class DemoCity implements ApplicationRunner {

	static final String IMPORT_NAME = "demo-city-hangzhou";

	private static final Logger log = LoggerFactory.getLogger(DemoCity.class);

	private static final List<String> SUSPENSION_REASONS = List.of("场地装修改造", "设施维修", "承建单位搬迁，新址筹备中");

	private final StationRepository stations;

	private final StationInputValidator validator;

	private final DataImports imports;

	private final TransactionTemplate transaction;

	private final Clock clock;

	/**
	 * With the generated rating history ({@code rating.DemoRatingHistory}) the stations
	 * are dated {@value #LISTED_DAYS_BEFORE_HISTORY} days back, as if listed before it
	 * began: a station then counts as silent when the history leaves it without ratings
	 * (the silent-station check judges only stations listed for its whole window).
	 * Without the history (the tests) they are dated now, so no check finds the demo city
	 * silent.
	 */
	private final boolean datedBeforeHistory;

	static final int LISTED_DAYS_BEFORE_HISTORY = 180;

	DemoCity(StationRepository stations, StationInputValidator validator, DataImports imports,
			TransactionTemplate transaction, Clock clock,
			@Value("${yizhan.demo.history.enabled:true}") boolean datedBeforeHistory) {
		this.datedBeforeHistory = datedBeforeHistory;
		this.stations = stations;
		this.validator = validator;
		this.imports = imports;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		transaction.executeWithoutResult(status -> loadOnce());
	}

	void loadOnce() {
		imports.lock();
		if (imports.isLoaded(IMPORT_NAME)) {
			return;
		}
		if (stations.count() > 0) {
			log.info("Not loading the demo city: the database already holds stations");
			return;
		}
		long started = System.nanoTime();
		List<Map<String, String>> rows = read();
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock);
		for (int i = 0; i < rows.size(); i++) {
			stations.save(station(rows.get(i), i, now, today));
		}
		imports.recordLoaded(IMPORT_NAME, rows.size(), now);
		log.info("Loaded the demo city: {} Hangzhou stations in {} ms", rows.size(),
				(System.nanoTime() - started) / 1_000_000);
	}

	private Station station(Map<String, String> row, int index, Instant now, LocalDate today) {
		StationDetails details = validator.validate(new StationInput(row.get("name"), row.get("address"),
				row.get("district"), row.get("host_name"), row.get("host_type"), Double.valueOf(row.get("lat")),
				Double.valueOf(row.get("lon")), "wgs84", decimal(row.get("area_m2")), integer(row.get("seats")),
				row.get("amenities").isBlank() ? List.of() : Arrays.asList(row.get("amenities").split(";")),
				row.get("opening_hours"), row.get("smart_entry_method"), row.get("smart_entry_hours"),
				Boolean.valueOf(row.get("mobile")), blankToNull(row.get("phone")), row.get("description"),
				row.get("level"), integer(row.get("stars"))));
		StationCode code = StationCode.of(details.districtCode(), stations.nextNumberIn(details.districtCode()));
		StationStatus status = StationStatus.valueOf(row.get("status"));
		Instant since = datedBeforeHistory ? now.minus(Duration.ofDays(LISTED_DAYS_BEFORE_HISTORY)) : now;
		Station.Suspension suspension = status == StationStatus.SUSPENDED ? new Station.Suspension(
				SUSPENSION_REASONS.get(index % SUSPENSION_REASONS.size()), today.plusDays(14 + index % 45)) : null;
		return new Station(null, code, details, status, suspension, null, List.of(),
				status == StationStatus.LISTED ? since : now, since, now, 0);
	}

	private static List<Map<String, String>> read() {
		try (InputStream in = new ClassPathResource("demo/hangzhou-stations.csv").getInputStream()) {
			List<List<String>> table = Csv.read(in);
			List<String> header = table.get(0);
			return table.subList(1, table.size()).stream().map(values -> {
				Map<String, String> row = new HashMap<>();
				for (int i = 0; i < header.size(); i++) {
					row.put(header.get(i), i < values.size() ? values.get(i) : "");
				}
				return row;
			}).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private static BigDecimal decimal(String value) {
		return value == null || value.isBlank() ? null : new BigDecimal(value);
	}

	private static Integer integer(String value) {
		return value == null || value.isBlank() ? null : Integer.valueOf(value);
	}

}
