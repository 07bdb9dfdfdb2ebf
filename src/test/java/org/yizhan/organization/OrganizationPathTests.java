package org.yizhan.organization;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A union finds the child on the way down to a district below it, and no other. */
class OrganizationPathTests {

	static final Organization ZHEJIANG = new Organization("330000", "浙江省总工会", OrganizationKind.PROVINCE, "100000",
			"100000/330000");

	@Test
	void theChildOnTheWayDownIsTheNextCodeOfThePath() {
		assertThat(ZHEJIANG.childTowards("100000/330000/330100/330106")).contains("330100");
		assertThat(ZHEJIANG.childTowards("100000/330000/330100")).contains("330100");
	}

	@Test
	void itsOwnPathAPrefixThatIsNoParentAndAnotherSubtreeHaveNone() {
		assertThat(ZHEJIANG.childTowards("100000/330000")).isEmpty();
		assertThat(ZHEJIANG.childTowards("100000/3300001/330100")).isEmpty();
		assertThat(ZHEJIANG.childTowards("100000/510000/510100")).isEmpty();
	}

}
