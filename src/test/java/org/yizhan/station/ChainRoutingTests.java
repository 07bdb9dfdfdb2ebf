package org.yizhan.station;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.yizhan.organization.AccountSummary;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationKind;
import org.yizhan.organization.Role;
import org.yizhan.ticket.ProblemType;
import org.yizhan.station.ChainRouting.Holder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import org.yizhan.ticket.TicketSettings;

class ChainRoutingTests {

	static final Organization XIHU = new Organization("330106", "西湖区总工会", OrganizationKind.DISTRICT, "330100",
			"100000/330000/330100/330106");

	static final AccountSummary MASTER = person(1, Role.STATION_MASTER, true);

	static final AccountSummary LIAISON = person(2, Role.LIAISON, true);

	static final AccountSummary GENERAL = person(3, Role.STATION_MASTER, true);

	@Test
	void aNewTicketGoesToTheStationMasterWhenOneIsNamed() {
		Holder holder = ChainRouting.first(new ResponsibilityChain(MASTER, LIAISON, GENERAL, XIHU, 1));

		assertThat(holder.level()).isEqualTo(ResponsibleLevel.STATION_MASTER);
		assertThat(holder.accountId()).isEqualTo(1);
		assertThat(holder.unionCode()).isNull();
		assertThat(holder.skipped()).isEmpty();
	}

	@Test
	void missingLevelsAreSkippedAndSaidSo() {
		Holder toGeneral = ChainRouting.first(new ResponsibilityChain(null, null, GENERAL, XIHU, 1));
		Holder toUnion = ChainRouting.first(new ResponsibilityChain(null, null, null, XIHU, 0));

		assertThat(toGeneral.level()).isEqualTo(ResponsibleLevel.GENERAL_STATION_MASTER);
		assertThat(toGeneral.skipped()).containsExactly(ResponsibleLevel.STATION_MASTER, ResponsibleLevel.LIAISON);
		assertThat(toUnion.level()).isEqualTo(ResponsibleLevel.SUPERVISING_UNION);
		assertThat(toUnion.unionCode()).isEqualTo("330106");
		assertThat(toUnion.accountId()).isNull();
		assertThat(toUnion.skipped()).containsExactly(ResponsibleLevel.STATION_MASTER, ResponsibleLevel.LIAISON,
				ResponsibleLevel.GENERAL_STATION_MASTER);
	}

	@Test
	void aDisabledAccountCountsAsNobody() {
		AccountSummary disabled = person(1, Role.STATION_MASTER, false);

		Holder holder = ChainRouting.first(new ResponsibilityChain(disabled, LIAISON, null, XIHU, 1));

		assertThat(holder.level()).isEqualTo(ResponsibleLevel.LIAISON);
		assertThat(holder.skipped()).containsExactly(ResponsibleLevel.STATION_MASTER);
	}

	@Test
	void escalationClimbsFromTheCurrentLevelSkippingGapsAbove() {
		ResponsibilityChain gap = new ResponsibilityChain(MASTER, null, GENERAL, XIHU, 1);

		Holder fromMaster = ChainRouting.above(gap, ResponsibleLevel.STATION_MASTER);
		Holder fromGeneral = ChainRouting.above(gap, ResponsibleLevel.GENERAL_STATION_MASTER);

		assertThat(fromMaster.level()).isEqualTo(ResponsibleLevel.GENERAL_STATION_MASTER);
		assertThat(fromMaster.skipped()).containsExactly(ResponsibleLevel.LIAISON);
		assertThat(fromGeneral.level()).isEqualTo(ResponsibleLevel.SUPERVISING_UNION);
		assertThat(fromGeneral.skipped()).isEmpty();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChainRouting.above(gap, ResponsibleLevel.SUPERVISING_UNION));
	}

	@Test
	void onlyPeopleNamedAboveALevelAreAboveIt() {
		ResponsibilityChain chain = new ResponsibilityChain(MASTER, LIAISON, GENERAL, XIHU, 1);

		assertThat(ChainRouting.namedAbove(chain, ResponsibleLevel.STATION_MASTER, LIAISON.id())).isTrue();
		assertThat(ChainRouting.namedAbove(chain, ResponsibleLevel.STATION_MASTER, GENERAL.id())).isTrue();
		assertThat(ChainRouting.namedAbove(chain, ResponsibleLevel.LIAISON, MASTER.id())).isFalse();
		assertThat(ChainRouting.namedAbove(chain, ResponsibleLevel.LIAISON, LIAISON.id())).isFalse();
		assertThat(ChainRouting.namedAbove(chain, ResponsibleLevel.SUPERVISING_UNION, GENERAL.id())).isFalse();
	}

	@Test
	void anEscalatedLevelGetsItsOwnDeadlineButNeverMoreThanTheProblemTypes() {
		TicketSettings settings = new TicketSettings(null, null, null, null, null, null, null);

		assertThat(settings.firstDeadline(ProblemType.SAFETY)).isEqualTo(Duration.ofHours(4));
		assertThat(settings.firstDeadline(ProblemType.BROKEN_FACILITY)).isEqualTo(Duration.ofDays(3));
		assertThat(settings.deadlineAt(ProblemType.BROKEN_FACILITY, ResponsibleLevel.LIAISON))
			.isEqualTo(Duration.ofDays(1));
		assertThat(settings.deadlineAt(ProblemType.BROKEN_FACILITY, ResponsibleLevel.SUPERVISING_UNION))
			.isEqualTo(Duration.ofDays(3));
		assertThat(settings.deadlineAt(ProblemType.SAFETY, ResponsibleLevel.SUPERVISING_UNION))
			.isEqualTo(Duration.ofHours(4));
		assertThat(settings.needsPhoto(ProblemType.SAFETY)).isTrue();
		assertThat(settings.needsPhoto(ProblemType.MISSING_SUPPLIES)).isFalse();
	}

	@Test
	void configuredDeadlinesReplaceTheDefaultsAndMustBePositive() {
		TicketSettings settings = new TicketSettings(Map.of(ProblemType.SAFETY, Duration.ofMinutes(30)),
				Map.of(ResponsibleLevel.LIAISON, Duration.ofMinutes(10)), null, Set.of(), null, null, null);

		assertThat(settings.firstDeadline(ProblemType.SAFETY)).isEqualTo(Duration.ofMinutes(30));
		assertThat(settings.deadlineAt(ProblemType.SAFETY, ResponsibleLevel.LIAISON)).isEqualTo(Duration.ofMinutes(10));
		assertThat(settings.needsPhoto(ProblemType.SAFETY)).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> new TicketSettings(Map.of(ProblemType.SAFETY, Duration.ZERO),
				null, null, null, null, null, null));
	}

	private static AccountSummary person(long id, Role role, boolean enabled) {
		return new AccountSummary(id, "p" + id, "人" + id, "330106", XIHU.path(), Set.of(role), enabled);
	}

}
