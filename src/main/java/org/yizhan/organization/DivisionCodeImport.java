package org.yizhan.organization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.platform.Csv;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the union tree national → province → city → district from the NBS division
 * codes shipped in {@code divisions/} when the database has none yet.
 *
 * <p>
 * The NBS tables have placeholder "cities" for the municipalities and for counties
 * governed directly by a province (市辖区, 县, 省直辖县级行政区划); no city union exists there, so
 * their districts hang directly under the provincial union. Cities without districts (东莞,
 * 中山, 儋州) list themselves as their only county; their one union is where their stations
 * belong, so it takes the district kind.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DivisionCodeImport implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DivisionCodeImport.class);

	private static final Set<String> PLACEHOLDER_CITIES = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划");

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	DivisionCodeImport(JdbcClient jdbc, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		transaction.executeWithoutResult(status -> importIfEmpty());
	}

	void importIfEmpty() {
		// Serialises two instances starting together on one empty database.
		jdbc.sql("lock table organization in exclusive mode").update();
		if (jdbc.sql("select count(*) from organization").query(Long.class).single() > 0) {
			return;
		}
		List<Organization> tree = readTree();
		for (Organization organization : tree) {
			jdbc.sql(
					"insert into organization (code, name, kind, parent_code, path) values (:code, :name, :kind, :parent, :path)")
				.param("code", organization.code())
				.param("name", organization.name())
				.param("kind", organization.kind().name())
				.param("parent", organization.parentCode())
				.param("path", organization.path())
				.update();
		}
		log.info("Created {} union organisations from the NBS division codes", tree.size());
	}

	static List<Organization> readTree() {
		List<Organization> tree = new ArrayList<>();
		Organization national = new Organization(OrganizationTree.NATIONAL_CODE, "中华全国总工会", OrganizationKind.NATIONAL,
				null, OrganizationTree.NATIONAL_CODE);
		tree.add(national);
		Map<String, Organization> provinces = new HashMap<>();
		for (List<String> row : rows("divisions/provinces.csv")) {
			String code = row.get(0) + "0000";
			Organization province = new Organization(code, row.get(1) + "总工会", OrganizationKind.PROVINCE,
					national.code(), national.path() + "/" + code);
			provinces.put(row.get(0), province);
			tree.add(province);
		}
		Map<String, Organization> cities = new HashMap<>();
		for (List<String> row : rows("divisions/cities.csv")) {
			Organization province = provinces.get(row.get(2));
			if (PLACEHOLDER_CITIES.contains(row.get(1))) {
				cities.put(row.get(0), province);
				continue;
			}
			String code = row.get(0) + "00";
			Organization city = new Organization(code, row.get(1) + "总工会", OrganizationKind.CITY, province.code(),
					province.path() + "/" + code);
			cities.put(row.get(0), city);
			tree.add(city);
		}
		for (List<String> row : rows("divisions/areas.csv")) {
			Organization parent = cities.get(row.get(2));
			String code = row.get(0);
			if (code.equals(parent.code())) {
				tree.set(tree.indexOf(parent), new Organization(parent.code(), parent.name(), OrganizationKind.DISTRICT,
						parent.parentCode(), parent.path()));
				continue;
			}
			tree.add(new Organization(code, row.get(1) + "总工会", OrganizationKind.DISTRICT, parent.code(),
					parent.path() + "/" + code));
		}
		return tree;
	}

	private static List<List<String>> rows(String resource) {
		try (var in = new ClassPathResource(resource).getInputStream()) {
			List<List<String>> rows = Csv.read(in);
			return rows.subList(1, rows.size());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

}
