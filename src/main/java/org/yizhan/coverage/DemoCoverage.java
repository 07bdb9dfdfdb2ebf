package org.yizhan.coverage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.yizhan.coverage.CoverageRepository.AreaSource;
import org.yizhan.geo.Crs;
import org.yizhan.platform.Csv;
import org.yizhan.platform.DataImports;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the demo city something to measure, once per database: approximate areas for
 * Hangzhou's 13 districts and about 950 OpenStreetMap places of host types as candidate
 * sites (both derived from ODbL data by {@code DeriveDemoAreas}, see
 * {@code demo/README.md}). The areas are marked {@code DERIVED}; uploading a district's
 * real boundary replaces its approximation.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty(name = "yizhan.demo.enabled", matchIfMissing = true)
class DemoCoverage implements ApplicationRunner {

	static final String IMPORT_NAME = "demo-coverage-hangzhou";

	static final String CITY = "330100";

	private static final Logger log = LoggerFactory.getLogger(DemoCoverage.class);

	private final CoverageAnalysis analysis;

	private final CoverageRepository repository;

	private final JdbcClient jdbc;

	private final DataImports imports;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoCoverage(CoverageAnalysis analysis, CoverageRepository repository, JdbcClient jdbc, DataImports imports,
			TransactionTemplate transaction, Clock clock) {
		this.analysis = analysis;
		this.repository = repository;
		this.jdbc = jdbc;
		this.imports = imports;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.transaction.executeWithoutResult(status -> loadOnce());
	}

	void loadOnce() {
		this.imports.lock();
		boolean loaded = this.imports.isLoaded(IMPORT_NAME);
		boolean cityKnown = this.jdbc.sql("select count(*) from organization where code = :code")
			.param("code", CITY)
			.query(Long.class)
			.single() > 0;
		if (loaded || !cityKnown) {
			return;
		}
		long started = System.nanoTime();
		Map<String, Double> areas = this.analysis.storeAreas(read("demo/hangzhou-district-areas.geojson"), Crs.WGS84,
				null, AreaSource.DERIVED);
		List<List<String>> sites = Csv.parse(read("demo/hangzhou-candidate-sites.csv"));
		for (List<String> site : sites.subList(1, sites.size())) {
			this.repository.addCandidate(CITY, CandidateSource.POI.name(), site.get(1), site.get(2),
					Double.parseDouble(site.get(3)), Double.parseDouble(site.get(4)));
		}
		this.imports.recordLoaded(IMPORT_NAME, areas.size() + sites.size() - 1, this.clock.instant());
		log.info("Loaded the demo coverage inputs: {} approximate district areas and {} candidate sites in {} ms",
				areas.size(), sites.size() - 1, (System.nanoTime() - started) / 1_000_000);
	}

	private static String read(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
