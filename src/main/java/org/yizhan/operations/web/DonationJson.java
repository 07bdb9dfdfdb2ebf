package org.yizhan.operations.web;

import java.time.LocalDate;
import java.util.List;

import org.yizhan.operations.Coupon;
import org.yizhan.operations.Donation;
import org.yizhan.operations.OperatorContract;
import org.yizhan.operations.OperatorDuty;

/** The JSON of donations, coupons and operators' contracts. */
final class DonationJson {

	private DonationJson() {
	}

	record DonationItem(long id, long stationId, String donorKind, String donor, String name, String unit, int quantity,
			int claimed, int remaining, LocalDate donatedOn) {

		static DonationItem of(Donation d) {
			return new DonationItem(d.id(), d.stationId(), d.donorKind().name(), d.donor(), d.name(), d.unit(),
					d.quantity(), d.claimed(), d.remaining(), d.donatedOn());
		}

	}

	record CouponItem(long id, long stationId, String funder, String title, LocalDate startsOn, LocalDate endsOn,
			int total, int redeemed, int redeemedToday, int remaining) {

		static CouponItem of(Coupon c) {
			return new CouponItem(c.id(), c.stationId(), c.funder(), c.title(), c.startsOn(), c.endsOn(), c.total(),
					c.redeemed(), c.redeemedToday(), c.remaining());
		}

	}

	record ContractItem(long id, long stationId, String operator, long contactId, String contactName,
			LocalDate startsOn, LocalDate endsOn, List<String> duties) {

		static ContractItem of(OperatorContract c) {
			return new ContractItem(c.id(), c.stationId(), c.operator(), c.contactId(), c.contactName(), c.startsOn(),
					c.endsOn(), c.duties().stream().sorted().map(OperatorDuty::name).toList());
		}

	}

}
