package org.yizhan.organization;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class OrganizationTreeTests {

	@Autowired
	OrganizationTree tree;

	@Autowired
	DivisionCodeImport divisionCodeImport;

	@Autowired
	JdbcClient jdbc;

	@Test
	void hangzhouIsACityUnionUnderZhejiangUnderTheNationalFederation() {
		assertThat(tree.findByCode("330100")).hasValueSatisfying(hangzhou -> {
			assertThat(hangzhou.name()).isEqualTo("杭州市总工会");
			assertThat(hangzhou.kind()).isEqualTo(OrganizationKind.CITY);
			assertThat(hangzhou.parentCode()).isEqualTo("330000");
			assertThat(hangzhou.path()).isEqualTo("100000/330000/330100");
		});
		assertThat(tree.findByCode("330000")).hasValueSatisfying(zhejiang -> {
			assertThat(zhejiang.name()).isEqualTo("浙江省总工会");
			assertThat(zhejiang.kind()).isEqualTo(OrganizationKind.PROVINCE);
			assertThat(zhejiang.parentCode()).isEqualTo(OrganizationTree.NATIONAL_CODE);
		});
		assertThat(tree.findByCode("100000")).hasValueSatisfying(national -> {
			assertThat(national.name()).isEqualTo("中华全国总工会");
			assertThat(national.kind()).isEqualTo(OrganizationKind.NATIONAL);
			assertThat(national.parentCode()).isNull();
		});
	}

	@Test
	void xihuIsADistrictUnionUnderHangzhou() {
		Organization xihu = tree.findByCode("330106").orElseThrow();

		assertThat(xihu.name()).isEqualTo("西湖区总工会");
		assertThat(xihu.kind()).isEqualTo(OrganizationKind.DISTRICT);
		assertThat(xihu.isDistrict()).isTrue();
		assertThat(xihu.parentCode()).isEqualTo("330100");
		assertThat(tree.listChildren("330100")).extracting(Organization::code)
			.contains("330102", "330106", "330108")
			.isSorted();
		assertThat(tree.listChildren("330100")).allMatch(Organization::isDistrict);
	}

	@Test
	void beijingsDistrictsHangDirectlyUnderTheMunicipalUnion() {
		Organization dongcheng = tree.findByCode("110101").orElseThrow();

		assertThat(dongcheng.name()).isEqualTo("东城区总工会");
		assertThat(dongcheng.kind()).isEqualTo(OrganizationKind.DISTRICT);
		assertThat(dongcheng.parentCode()).isEqualTo("110000");
		assertThat(tree.findByCode("110000")).get().extracting(Organization::name).isEqualTo("北京市总工会");
		// The NBS placeholder "市辖区" (1101) is no union.
		assertThat(tree.findByCode("110100")).isEmpty();
		assertThat(tree.listChildren("110000")).hasSize(16).allMatch(Organization::isDistrict);
	}

	@Test
	void dongguanWithoutDistrictsIsOneDistrictKindUnionUnderGuangdong() {
		Organization dongguan = tree.findByCode("441900").orElseThrow();

		assertThat(dongguan.name()).isEqualTo("东莞市总工会");
		assertThat(dongguan.kind()).isEqualTo(OrganizationKind.DISTRICT);
		assertThat(dongguan.parentCode()).isEqualTo("440000");
		assertThat(dongguan.path()).isEqualTo("100000/440000/441900");
		assertThat(tree.listChildren("441900")).isEmpty();
		assertThat(tree.listChildren("440000")).filteredOn(child -> child.name().startsWith("东莞"))
			.containsExactly(dongguan);
	}

	@Test
	void listsTheAncestryRootFirst() {
		assertThat(tree.listAncestry("330106")).extracting(Organization::code)
			.containsExactly("100000", "330000", "330100", "330106");
		assertThat(tree.listAncestry("110101")).extracting(Organization::code)
			.containsExactly("100000", "110000", "110101");
		assertThat(tree.listAncestry("100000")).extracting(Organization::code).containsExactly("100000");
	}

	@Test
	void theAncestryOfAnUnknownCodeIsEmpty() {
		assertThat(tree.listAncestry("999999")).isEmpty();
		assertThat(tree.findByCode("999999")).isEmpty();
		assertThat(tree.findByCode(" ")).isEmpty();
	}

	@Test
	void aSubtreeContainsItsDescendantsAndNotItsSiblings() {
		Organization hangzhou = tree.findByCode("330100").orElseThrow();

		assertThat(hangzhou.contains(tree.findByCode("330106").orElseThrow())).isTrue();
		assertThat(hangzhou.contains(hangzhou)).isTrue();
		assertThat(hangzhou.contains(tree.findByCode("330200").orElseThrow())).isFalse();
		assertThat(hangzhou.contains(tree.findByCode("330000").orElseThrow())).isFalse();
	}

	@Test
	void everyUnionButTheNationalFederationHasAParentInTheTree() {
		// Every imported union is there; other tests and admins add more (streets,
		// industry
		// unions, test trees), so the table may hold others too.
		List<String> imported = DivisionCodeImport.readTree().stream().map(Organization::code).toList();
		assertThat(jdbc.sql("select count(*) from organization where code in (:codes)")
			.param("codes", imported)
			.query(Long.class)
			.single()).isEqualTo(imported.size());
		for (Organization organization : DivisionCodeImport.readTree()) {
			if (organization.parentCode() != null) {
				assertThat(organization.path()).endsWith("/" + organization.code());
			}
		}
	}

	@Test
	void importingAgainChangesNothing() {
		long before = tree.count();

		divisionCodeImport.run(new DefaultApplicationArguments());

		assertThat(before).isGreaterThan(3000);
		assertThat(tree.count()).isEqualTo(before);
	}

}
