package org.yizhan.organization.account;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.DataImports;
import org.yizhan.platform.YizhanTime;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo city's accounts: the national {@code admin}, Hangzhou's city admin, two
 * district admins, a reviewer, an inspector, an auditor, two station masters bound to
 * demo stations, a host and an evaluator. Created once per database (a
 * {@code data_import} row remembers it), after the demo stations.
 *
 * <p>
 * {@code admin} signs in with {@code yizhan.demo.admin-password}, the others with
 * {@code yizhan.demo.password}; an unset password is generated and printed once. The
 * admin password, when configured, is applied at every start, so the README's way of
 * choosing it works on an existing database too. The national admin is always created:
 * without it no one could sign in to create the others.
 */
@Component
@Order(20)
class DemoAccounts implements ApplicationRunner {

	static final String IMPORT_NAME = "demo-accounts";

	static final String ADMIN = "admin";

	static final String CHAIN_IMPORT_NAME = "demo-chain-accounts";

	static final int STATIONS_PER_MASTER = 8;

	/** The station registry's record of the demo city's stations ({@code DemoCity}). */
	static final String DEMO_CITY_IMPORT_NAME = "demo-city-hangzhou";

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	private final JdbcClient jdbc;

	private final DataImports imports;

	private final PasswordEncoder encoder;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final String adminPassword;

	private final String password;

	private final boolean demo;

	DemoAccounts(JdbcClient jdbc, DataImports imports, PasswordEncoder encoder, TransactionTemplate transaction,
			Clock clock, @Value("${yizhan.demo.admin-password:}") String adminPassword,
			@Value("${yizhan.demo.password:}") String password, @Value("${yizhan.demo.enabled:true}") boolean demo) {
		this.jdbc = jdbc;
		this.imports = imports;
		this.encoder = encoder;
		this.transaction = transaction;
		this.clock = clock;
		this.adminPassword = adminPassword;
		this.password = password;
		this.demo = demo;
	}

	record DemoAccount(String username, String displayName, String organization, Set<Role> roles, String district,
			String hostName, boolean evaluator) {
	}

	/**
	 * The host of the demo HOST account {@code xihu-host}: the name two listed demo
	 * stations of 西湖区 carry, which is how the account reaches them.
	 */
	static final String DEMO_HOST = "杭州银行";

	static final List<DemoAccount> OTHERS = List.of(
			new DemoAccount("hangzhou-admin", "杭州市总工会管理员", "330100",
					EnumSet.of(Role.ORG_ADMIN, Role.REVIEWER, Role.INSPECTOR, Role.AUDITOR), null, null, false),
			new DemoAccount("xihu-admin", "西湖区总工会管理员", "330106",
					EnumSet.of(Role.ORG_ADMIN, Role.REVIEWER, Role.INSPECTOR), null, null, false),
			new DemoAccount("shangcheng-admin", "上城区总工会管理员", "330102",
					EnumSet.of(Role.ORG_ADMIN, Role.REVIEWER, Role.INSPECTOR), null, null, false),
			new DemoAccount("hangzhou-reviewer", "杭州市总工会审核员", "330100", EnumSet.of(Role.REVIEWER), null, null, false),
			new DemoAccount("xihu-inspector", "西湖区总工会检查员", "330106", EnumSet.of(Role.INSPECTOR), null, null, false),
			new DemoAccount("hangzhou-auditor", "杭州市总工会审计员", "330100", EnumSet.of(Role.AUDITOR), null, null, false),
			new DemoAccount("xihu-master", "西湖区驿站站长", "330106", EnumSet.of(Role.STATION_MASTER), "330106", null, false),
			new DemoAccount("shangcheng-master", "上城区驿站站长", "330102", EnumSet.of(Role.STATION_MASTER, Role.LIAISON),
					"330102", null, false),
			new DemoAccount("xihu-host", "西湖区爱心商家", "330106", EnumSet.of(Role.HOST), null, DEMO_HOST, false),
			new DemoAccount("hangzhou-evaluator", "第三方评估机构", "330100", EnumSet.of(Role.EVALUATOR), null, null, true));

	@Override
	public void run(ApplicationArguments args) {
		transaction.executeWithoutResult(status -> createOnce());
	}

	void createOnce() {
		imports.lock();
		Instant now = clock.instant();
		if (jdbc.sql("select count(*) from account where lower(username) = :name")
			.param("name", ADMIN)
			.query(Long.class)
			.single() == 0) {
			String chosen = chosenOrRandom(adminPassword, "yizhan.demo.admin-password", ADMIN);
			insert(ADMIN, "全国总工会管理员", OrganizationTree.NATIONAL_CODE,
					EnumSet.of(Role.ORG_ADMIN, Role.REVIEWER, Role.INSPECTOR, Role.FINANCE, Role.AUDITOR), chosen,
					Set.of(), null, null, now);
		}
		else if (!adminPassword.isBlank()) {
			String hash = jdbc.sql("select password_hash from account where lower(username) = :name")
				.param("name", ADMIN)
				.query(String.class)
				.single();
			if (!encoder.matches(adminPassword, hash)) {
				jdbc.sql("update account set password_hash = :hash, password_changed_at = :now, "
						+ "must_change_password = false, version = version + 1 where lower(username) = :name")
					.param("hash", encoder.encode(adminPassword))
					.param("now", Timestamp.from(now))
					.param("name", ADMIN)
					.update();
				log.info("Set the password of {} from yizhan.demo.admin-password", ADMIN);
			}
		}
		if (demo) {
			renameDemoHost();
		}
		if (!demo || (imports.isLoaded(IMPORT_NAME) && imports.isLoaded(CHAIN_IMPORT_NAME))) {
			return;
		}
		String chosen = chosenOrRandom(password, "yizhan.demo.password",
				String.join(", ", OTHERS.stream().map(DemoAccount::username).toList())
						+ " and the stations' chains (e.g. 330106-master-1)");
		if (!imports.isLoaded(IMPORT_NAME)) {
			createOthers(chosen, now);
		}
		createChainPeopleOnce(chosen);
	}

	/**
	 * The demo host's account was first made for "杭州银行西湖支行", a name no demo station has,
	 * so it saw nothing; a HOST account reaches the stations of its host's name in its
	 * district, and the demo city's 西湖区 has two of 杭州银行. Only that old name is changed,
	 * so an operator's own choice stays.
	 */
	private void renameDemoHost() {
		jdbc.sql("update account set host_name = :host, version = version + 1 "
				+ "where lower(username) = 'xihu-host' and host_name = '杭州银行西湖支行'")
			.param("host", DEMO_HOST)
			.update();
	}

	private void createOthers(String chosen, Instant now) {
		LocalDate contractEnd = LocalDate.now(clock.withZone(YizhanTime.ZONE)).plusYears(1);
		int created = 0;
		for (DemoAccount account : OTHERS) {
			if (jdbc.sql("select count(*) from account where lower(username) = lower(:name)")
				.param("name", account.username())
				.query(Long.class)
				.single() > 0) {
				continue;
			}
			Set<Long> stations = account.district() == null ? Set.of()
					: new TreeSet<>(jdbc
						.sql("select id from station where district_code = :district and status = 'LISTED' "
								+ "order by id limit 2")
						.param("district", account.district())
						.query(Long.class)
						.list());
			if (account.district() != null && stations.isEmpty()) {
				continue;
			}
			insert(account.username(), account.displayName(), account.organization(), account.roles(), chosen, stations,
					account.hostName(), account.evaluator() ? contractEnd : null, now);
			created++;
		}
		imports.recordLoaded(IMPORT_NAME, created, now);
		log.info("Created {} demo accounts", created);
	}

	/**
	 * The people of the demo city's responsibility chains, district by district: a
	 * general station master (总站长) and a liaison (联络员) at the district union, the liaison
	 * bound to every station of the district, and station masters (站长) each bound to up
	 * to {@value #STATIONS_PER_MASTER} of its stations that no station master runs yet.
	 * The station registry then names them in the chains ({@code DemoChains}), so that a
	 * demo ticket goes to a person first, not straight to the union. A station master
	 * runs several stations so that the account list stays readable.
	 */
	void createChainPeopleOnce(String chosenPassword) {
		// Only the demo city's stations: a database that held its own stations before the
		// demo was switched on gets no made-up people.
		if (imports.isLoaded(CHAIN_IMPORT_NAME) || !imports.isLoaded(DEMO_CITY_IMPORT_NAME)) {
			return;
		}
		Instant now = clock.instant();
		// One hash for all: they share the demo password, and a hundred bcrypt rounds
		// would add seconds to the first start.
		String hash = encoder.encode(chosenPassword);
		List<String> districts = jdbc.sql("""
				select distinct s.district_code from station s join organization o on o.code = s.district_code
				where s.status <> 'DELISTED' order by s.district_code
				""").query(String.class).list();
		int created = 0;
		int person = 0;
		for (String district : districts) {
			List<Long> stations = jdbc
				.sql("select id from station where district_code = :district " + "and status <> 'DELISTED' order by id")
				.param("district", district)
				.query(Long.class)
				.list();
			String union = jdbc.sql("select name from organization where code = :code")
				.param("code", district)
				.query(String.class)
				.single();
			String area = union.replace("总工会", "");
			created += insertIfAbsent(district + "-general", personName(person++) + "（" + area + "总站长）", district,
					EnumSet.of(Role.STATION_MASTER), hash, Set.of(), now);
			created += insertIfAbsent(district + "-liaison", personName(person++) + "（" + area + "联络员）", district,
					EnumSet.of(Role.LIAISON), hash, new TreeSet<>(stations), now);
			List<Long> unrun = jdbc.sql("""
					select s.id from station s where s.district_code = :district and s.status <> 'DELISTED'
					  and not exists (select 1 from account_station b join account a on a.id = b.account_id
					                  where b.station_id = s.id and 'STATION_MASTER' = any(a.roles))
					order by s.id
					""").param("district", district).query(Long.class).list();
			for (int from = 0, n = 1; from < unrun.size(); from += STATIONS_PER_MASTER, n++) {
				Set<Long> run = new TreeSet<>(unrun.subList(from, Math.min(unrun.size(), from + STATIONS_PER_MASTER)));
				created += insertIfAbsent(district + "-master-" + n, personName(person++) + "（站长）", district,
						EnumSet.of(Role.STATION_MASTER), hash, run, now);
			}
		}
		imports.recordLoaded(CHAIN_IMPORT_NAME, created, now);
		log.info("Created {} demo accounts of the stations' responsibility chains", created);
	}

	private int insertIfAbsent(String username, String displayName, String organization, Set<Role> roles, String hash,
			Set<Long> stations, Instant now) {
		if (jdbc.sql("select count(*) from account where lower(username) = lower(:name)")
			.param("name", username)
			.query(Long.class)
			.single() > 0) {
			return 0;
		}
		insertHashed(username, displayName, organization, roles, hash, stations, null, null, now);
		return 1;
	}

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高";

	private static final String[] GIVEN_NAMES = { "建国", "秀英", "志强", "丽华", "海涛", "静", "晓明", "玉兰", "伟", "红梅", "国平", "敏",
			"卫东", "春燕", "小军", "慧" };

	/** A made-up person's name, different for each index up to 320. */
	static String personName(int index) {
		return SURNAMES.charAt(index % SURNAMES.length())
				+ GIVEN_NAMES[(index / SURNAMES.length() + index) % GIVEN_NAMES.length];
	}

	private void insert(String username, String displayName, String organization, Set<Role> roles, String password,
			Set<Long> stations, String hostName, LocalDate contractEndsOn, Instant now) {
		insertHashed(username, displayName, organization, roles, encoder.encode(password), stations, hostName,
				contractEndsOn, now);
	}

	private void insertHashed(String username, String displayName, String organization, Set<Role> roles, String hash,
			Set<Long> stations, String hostName, LocalDate contractEndsOn, Instant now) {
		long id = jdbc.sql("""
				insert into account (username, display_name, organization_code, roles, password_hash,
				    password_changed_at, host_name, contract_ends_on, created_at, updated_at, version)
				values (:username, :displayName, :org, :roles::varchar(32)[], :hash, :now, :host, :contract,
				    :now, :now, 0)
				returning id
				""")
			.param("username", username)
			.param("displayName", displayName)
			.param("org", organization)
			.param("roles", "{" + String.join(",", roles.stream().map(Role::name).toList()) + "}")
			.param("hash", hash)
			.param("now", Timestamp.from(now))
			.param("host", hostName)
			.param("contract", contractEndsOn)
			.query(Long.class)
			.single();
		for (Long station : stations) {
			jdbc.sql("insert into account_station (account_id, station_id) values (:account, :station)")
				.param("account", id)
				.param("station", station)
				.update();
		}
	}

	private static String chosenOrRandom(String configured, String property, String who) {
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		byte[] random = new byte[12];
		new SecureRandom().nextBytes(random);
		String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		log.warn("No {} set: {} signs in with the password {} (shown only now, when created)", property, who,
				generated);
		return generated;
	}

}
