package org.yizhan.partner;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yizhan.onboarding.Programmes;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.platform.DataImports;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.MutableClockConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo city's partner, written in a transaction that is rolled back (the tests'
 * stations share one database): 饿了么 in the Hangzhou union's programme, branded 一平米温暖爱心驿站,
 * running twelve listed stations of 西湖区 whose pages then carry the brand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
@ExtendWith(ActingAsNationalAdmin.class)
class DemoPartnersTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataImports imports;

	@Autowired
	Programmes programmes;

	@Autowired
	OrganizationTree organizations;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	Clock clock;

	@Autowired
	ProgrammeBrands brands;

	@Test
	void theDemoPartnerRunsTwelveBrandedStationsOfXihu() {
		DemoPartners demo = new DemoPartners(this.jdbc, this.imports, this.programmes, this.organizations,
				this.transaction, this.clock);
		this.transaction.executeWithoutResult(status -> {
			status.setRollbackOnly();
			assertThat(demo.generate(this.clock.instant())).isEqualTo(12);
			long programme = this.jdbc.sql("""
					select pp.programme_id from partner_programme pp join partner p on p.id = pp.partner_id
					where p.name = '饿了么'""").query(Long.class).single();
			var stations = this.jdbc
				.sql("select station_id from programme_station where programme_id = :p and run_by = 'PARTNER'")
				.param("p", programme)
				.query(Long.class)
				.list();
			assertThat(stations).hasSize(12);
			assertThat(this.brands.brandOf(stations.get(0)))
				.hasValueSatisfying(brand -> assertThat(brand.name()).isEqualTo(DemoPartners.BRAND));
		});
	}

}
