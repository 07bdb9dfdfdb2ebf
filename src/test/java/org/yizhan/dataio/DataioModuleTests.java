package org.yizhan.dataio;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Role;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.station.StationQuery;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationSort;
import org.yizhan.station.StationStatus;
import org.yizhan.support.ModuleBeans;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Data in and out starts with the modules it declares, and a ledger goes in as the issue
 * asks: the check names each bad row and column and changes nothing; "everything" is
 * refused while a row is bad; the valid rows go in as drafts; the same ledger checked
 * again changes nothing.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "organization")
class DataioModuleTests {

	private final ApplicationContext context;

	private final StationImports imports;

	private final JdbcClient jdbc;

	private final StationExports exports;

	private final StationRegistry registry;

	DataioModuleTests(ApplicationContext context, StationImports imports, JdbcClient jdbc, StationExports exports,
			StationRegistry registry) {
		this.context = context;
		this.imports = imports;
		this.jdbc = jdbc;
		this.exports = exports;
		this.registry = registry;
	}

	@BeforeEach
	void signInAsTheHangzhouAdmin() {
		// an admin of the city union: 西湖区 is in its subtree, 北京 is not
		Actor actor = new Actor(0, "import-test", "330100", "100000/330000/330100", Set.of(Role.ORG_ADMIN));
		Actor.Principal principal = () -> actor;
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken(principal, null, "ROLE_ORG_ADMIN"));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void startsWithOnlyTheModulesItDeclares() {
		assertThat(ModuleBeans.modulesWithBeans(this.context)).contains("dataio", "station", "organization", "platform")
			.doesNotContain("finder", "rating", "ticket", "onboarding", "supervision");
	}

	@Test
	void aLedgerIsCheckedThenImportedWithoutItsBadRowsAndAReimportChangesNothing() {
		String host = "台账测试银行" + new SecureRandom().nextInt(1_000_000);
		double lat = 30.25 + new SecureRandom().nextInt(1000) / 100_000.0;
		List<List<String>> rows = new ArrayList<>();
		rows.add(Ledgers.HEADINGS);
		rows.add(Ledgers.row("台账一号驿站", host, lat, 120.10));
		List<String> outside = new ArrayList<>(Ledgers.row("台账二号驿站", host, 39.9, 116.4));
		outside.set(2, "110101");
		rows.add(outside);
		List<String> swapped = new ArrayList<>(Ledgers.row("台账三号驿站", host, 120.10, 30.25));
		rows.add(swapped);
		rows.add(Ledgers.row("台账一号驿站重复", host, lat, 120.10));
		byte[] file = Ledgers.xlsx(rows);

		ImportReport check = this.imports.check("台账.xlsx", file);

		assertThat(check.rowCount()).isEqualTo(4);
		assertThat(check.createCount()).isEqualTo(1);
		assertThat(check.invalidCount()).isEqualTo(3);
		assertThat(check.problems()).extracting(ImportProblem::line, ImportProblem::column, ImportProblem::code)
			.contains(org.assertj.core.groups.Tuple.tuple(3, "区县代码", "station.forbidden.district"),
					org.assertj.core.groups.Tuple.tuple(4, "纬度", "validation.range"),
					org.assertj.core.groups.Tuple.tuple(5, null, "station.import.repeatedRow"));
		assertThat(countOf(host)).as("a check changes nothing").isZero();

		assertThatThrownBy(() -> this.imports.importChecked(check.id(), ImportMode.ALL))
			.isInstanceOf(ConflictException.class);
		assertThat(countOf(host)).isZero();

		ImportReport done = this.imports.importChecked(check.id(), ImportMode.VALID_ROWS);
		assertThat(done.status()).isEqualTo(ImportStatus.IMPORTED);
		assertThat(done.createCount()).isEqualTo(1);
		assertThat(countOf(host)).isEqualTo(1);
		assertThat(this.jdbc.sql("select status from station where host_name = ?")
			.param(host)
			.query(String.class)
			.single()).isEqualTo("DRAFT");
		assertThatThrownBy(() -> this.imports.importChecked(check.id(), ImportMode.VALID_ROWS))
			.as("an import is done once")
			.isInstanceOf(ConflictException.class);

		ImportReport again = this.imports.check("台账.xlsx", file);
		assertThat(again.createCount()).isZero();
		assertThat(again.unchangedCount()).isEqualTo(1);
		this.imports.importChecked(again.id(), ImportMode.VALID_ROWS);
		assertThat(countOf(host)).as("re-importing the same ledger changes nothing").isEqualTo(1);
	}

	@Test
	void anExportedListHoldsWhatTheListShowsAndImportsAgainUnchanged() {
		StationQuery listed = new StationQuery("330106", Set.of(StationStatus.LISTED), null, Set.of(), null);
		long shown = this.registry.search(listed, StationSort.CODE, false, 0, 1).totalElements();
		assertThat(shown).as("the demo city has listed stations in 西湖区").isPositive();
		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();

		this.exports.write(listed, ExportFormat.XLSX, Locale.SIMPLIFIED_CHINESE, xlsx);

		StationLedger ledger = StationLedger.read(StationLedger.Format.XLSX, xlsx.toByteArray());
		assertThat(ledger.rows).hasSize((int) shown);
		assertThat(ledger.ignoredColumns).containsExactly("状态");
		ImportReport again = this.imports.check("export.xlsx", xlsx.toByteArray());
		assertThat(again.problemCount()).isZero();
		assertThat(again.unchangedCount()).as("every exported station, matched by its code").isEqualTo((int) shown);

		ByteArrayOutputStream csv = new ByteArrayOutputStream();
		this.exports.write(listed, ExportFormat.CSV, Locale.ENGLISH, csv);
		assertThat(csv.toByteArray()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		assertThat(csv.toString(StandardCharsets.UTF_8)).contains("Code,Name,Address").contains(",Listed");
	}

	@Test
	void aFileThatIsNoLedgerIsRefusedNamingTheFile() {
		assertThatThrownBy(() -> this.imports.check("photo.jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, 1, 2, 3 }))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.violations()).extracting(v -> v.field() + ":" + v.code())
						.containsExactly("file:dataio.import.notSpreadsheet"));
	}

	private long countOf(String host) {
		return this.jdbc.sql("select count(*) from station where host_name = ?").param(host).query(Long.class).single();
	}

}
