package org.yizhan.station;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.yizhan.organization.Actor;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.support.ActingAsNationalAdmin;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: over random union trees, random stations and random accounts, the registry
 * returns exactly the stations an account may see and never another, by every way of
 * reading (search, map markers, by id, by code), and refuses every change to a station it
 * does not see with "not found".
 *
 * <p>
 * Each trial grows a fresh random tree of provinces, cities and districts under the
 * national federation (codes 9xxxxx, which no real division uses), places stations in its
 * districts, and asks as accounts at random nodes with random roles, bindings and host.
 * The expected answer is computed here from the tree's paths, independently of the SQL.
 * The stations stand far from the demo city (near Harbin), so that tests of the finder
 * and of coverage in Hangzhou never meet them.
 */
@SpringBootTest
class StationScopePropertyTests {

	private static final long SEED = 20261123L;

	private static final int TRIALS = 8;

	private static final Role[] ROLES = Role.values();

	@Autowired
	StationRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void noAccountEverReadsOrChangesAStationOutsideItsScope() {
		for (int trial = 0; trial < TRIALS; trial++) {
			long seed = SEED + trial;
			Random random = new Random(seed);
			Tree tree = grow(random, trial);
			List<Placed> stations = place(random, tree, prefix(trial), 12 + random.nextInt(20));
			for (int asker = 0; asker < 10; asker++) {
				Asker who = ask(random, tree, stations, trial, asker);
				Set<String> expected = new TreeSet<>();
				stations.stream().filter(who::sees).forEach(placed -> expected.add(placed.code));
				check(who, stations, expected, prefix(trial), "seed " + seed + ", asker " + asker + " " + who);
			}
		}
	}

	private void check(Asker who, List<Placed> stations, Set<String> expected, String name, String what) {
		signIn(who.actor);
		// Only this trial's stations: earlier trials' and the demo city's are not in the
		// oracle.
		StationQuery mine = new StationQuery(OrganizationTree.NATIONAL_CODE, Set.of(), null, Set.of(), name);
		Set<String> searched = new TreeSet<>();
		registry.search(mine, StationSort.CODE, false, 0, 500).content().forEach(s -> searched.add(s.code().value()));
		Set<String> marked = new TreeSet<>();
		registry.listMarkers(mine, 5000).forEach(marker -> marked.add(marker.code()));
		Set<String> byId = new TreeSet<>();
		Set<String> byCode = new TreeSet<>();
		for (Placed placed : stations) {
			try {
				byId.add(registry.getById(placed.id).code().value());
			}
			catch (StationNotFoundException hidden) {
				// Not in scope: as if it did not exist.
			}
			registry.findByCode(placed.code).ifPresent(station -> byCode.add(station.code().value()));
			if (!expected.contains(placed.code)) {
				boolean hiddenFromChange;
				try {
					registry.suspend(placed.id, null, "属性测试", null);
					hiddenFromChange = false;
				}
				catch (StationNotFoundException hidden) {
					hiddenFromChange = true;
				}
				catch (RuntimeException refusedButSeen) {
					hiddenFromChange = false;
				}
				assertThat(hiddenFromChange).as("suspend of foreign %s, %s", placed.code, what).isTrue();
			}
		}
		assertThat(searched).as("search, %s", what).isEqualTo(expected);
		assertThat(marked).as("markers, %s", what).isEqualTo(expected);
		assertThat(byId).as("by id, %s", what).isEqualTo(expected);
		assertThat(byCode).as("by code, %s", what).isEqualTo(expected);
	}

	/** A random tree of 1–3 provinces, each with 1–3 cities of 1–4 districts. */
	private Tree grow(Random random, int trial) {
		Tree tree = new Tree();
		int provinces = 1 + random.nextInt(3);
		for (int p = 0; p < provinces; p++) {
			String province = code(trial, p, 0, 0);
			String provincePath = OrganizationTree.NATIONAL_CODE + "/" + province;
			insert(province, "PROVINCE", OrganizationTree.NATIONAL_CODE, provincePath);
			tree.nodes.put(province, provincePath);
			int cities = 1 + random.nextInt(3);
			for (int c = 1; c <= cities; c++) {
				String city = code(trial, p, c, 0);
				String cityPath = provincePath + "/" + city;
				insert(city, "CITY", province, cityPath);
				tree.nodes.put(city, cityPath);
				int districts = 1 + random.nextInt(4);
				for (int d = 1; d <= districts; d++) {
					String district = code(trial, p, c, d);
					String districtPath = cityPath + "/" + district;
					insert(district, "DISTRICT", city, districtPath);
					tree.nodes.put(district, districtPath);
					tree.districts.add(district);
				}
			}
		}
		return tree;
	}

	/** 9, the trial in two digits, then the province, city and district numbers. */
	private static String code(int trial, int province, int city, int district) {
		return "9" + String.format("%02d", trial) + province + city + district;
	}

	private void insert(String code, String kind, String parent, String path) {
		jdbc.sql("insert into organization (code, name, kind, parent_code, path) values (?, ?, ?, ?, ?) "
				+ "on conflict (code) do nothing")
			.params(code, "测试工会" + code, kind, parent, path)
			.update();
	}

	private static String prefix(int trial) {
		return "性质驿站T" + trial + "-";
	}

	private List<Placed> place(Random random, Tree tree, String name, int count) {
		ActingAsNationalAdmin.signIn();
		List<Placed> placed = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String district = tree.districts.get(random.nextInt(tree.districts.size()));
			String host = "属性测试单位" + random.nextInt(4);
			Station draft = registry.create(new StationInput(name + i, "测试地址", district, host, "OTHER",
					45.7 + random.nextDouble() / 10, 126.6 + random.nextDouble() / 10, "wgs84", null, null, List.of(),
					"24/7", null, null, false, null, null, null, null));
			Station station = random.nextBoolean() ? registry.list(draft.id(), null) : draft;
			placed.add(new Placed(station.id(), station.code().value(), tree.nodes.get(district), host));
		}
		return placed;
	}

	private Asker ask(Random random, Tree tree, List<Placed> stations, int trial, int asker) {
		List<String> nodes = new ArrayList<>(tree.nodes.keySet());
		nodes.add(OrganizationTree.NATIONAL_CODE);
		String organization = nodes.get(random.nextInt(nodes.size()));
		String path = tree.nodes.getOrDefault(organization, OrganizationTree.NATIONAL_CODE);
		Set<Role> roles = EnumSet.noneOf(Role.class);
		int count = 1 + random.nextInt(2);
		while (roles.size() < count) {
			roles.add(ROLES[random.nextInt(ROLES.length)]);
		}
		String host = roles.contains(Role.HOST) ? "属性测试单位" + random.nextInt(4) : null;
		long account = jdbc.sql("""
				insert into account (username, display_name, organization_code, roles, password_hash,
				    password_changed_at, host_name, created_at, updated_at, version)
				values (:username, '属性测试', :org, cast(:roles as varchar[]), '{noop}x', :now, :host, :now, :now, 0)
				returning id""")
			.param("username", "prop-" + trial + "-" + asker + "-" + System.nanoTime())
			.param("org", organization)
			.param("roles", roles.stream().map(Enum::name).toArray(String[]::new))
			.param("now", Timestamp.from(Instant.now()))
			.param("host", host)
			.query(Long.class)
			.single();
		Set<StationId> bound = new java.util.HashSet<>();
		for (Placed placed : stations) {
			if (random.nextInt(4) == 0) {
				jdbc.sql("insert into account_station (account_id, station_id) values (?, ?)")
					.params(account, placed.id.value())
					.update();
				bound.add(placed.id);
			}
		}
		return new Asker(new Actor(account, "prop", organization, path, roles), bound, host);
	}

	private static void signIn(Actor actor) {
		Actor.Principal principal = () -> actor;
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(principal, null));
	}

	private static final class Tree {

		final Map<String, String> nodes = new HashMap<>();

		final List<String> districts = new ArrayList<>();

	}

	private record Placed(StationId id, String code, String districtPath, String host) {
	}

	/** The oracle: what an account may see, from the tree's paths alone. */
	private record Asker(Actor actor, Set<StationId> bound, String host) {

		private static final Set<Role> UNION_ROLES = EnumSet.of(Role.ORG_ADMIN, Role.REVIEWER, Role.INSPECTOR,
				Role.FINANCE, Role.AUDITOR, Role.EVALUATOR);

		boolean sees(Placed station) {
			boolean inSubtree = station.districtPath.equals(actor.organizationPath())
					|| station.districtPath.startsWith(actor.organizationPath() + "/");
			if (!inSubtree) {
				return false;
			}
			if (actor.roles().stream().anyMatch(UNION_ROLES::contains)) {
				return true;
			}
			boolean runs = (actor.holds(Role.STATION_MASTER) || actor.holds(Role.LIAISON))
					&& bound.contains(station.id);
			boolean hosts = actor.holds(Role.HOST) && station.host.equals(host);
			return runs || hosts;
		}

		@Override
		public String toString() {
			return actor.organizationCode() + " " + actor.roles() + (host != null ? " host " + host : "") + " bound "
					+ bound.size();
		}

	}

}
