package org.yizhan.onboarding;

import java.time.Instant;
import java.util.List;

import org.yizhan.geo.GeoPoint;
import org.yizhan.station.HostType;

/**
 * A host (承建单位 / 爱心商家 / 共建单位) as union staff see it: one per credit code, with its
 * contacts (masked) and its sites in the caller's subtree.
 *
 * @param organizationCode the union that first met it
 */
public record Host(long id, CreditCode creditCode, String name, HostType kind, String organizationCode,
		Instant createdAt, List<Contact> contacts, List<Site> sites) {

	public record Contact(String name, String phoneMasked, String emailMasked) {
	}

	public record Site(long id, String districtCode, String address, GeoPoint location, double areaM2, int floor,
			boolean facingStreet) {
	}

}
