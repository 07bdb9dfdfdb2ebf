package org.yizhan.onboarding.web;

import java.util.ArrayList;
import java.util.List;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;

/**
 * The unions the onboarding pages' union filter offers: the caller's union and the unions
 * below it, two levels down (a city's districts, a province's cities and their
 * districts).
 */
final class UnionFilter {

	private UnionFilter() {
	}

	static List<Organization> unionsBelow(OrganizationTree organizations, Actor actor) {
		List<Organization> unions = new ArrayList<>();
		organizations.findByCode(actor.organizationCode()).ifPresent(own -> {
			unions.add(own);
			for (Organization child : organizations.listChildren(own.code())) {
				unions.add(child);
				if (!child.isDistrict()) {
					unions.addAll(organizations.listChildren(child.code())
						.stream()
						.filter(Organization::isDistrict)
						.toList());
				}
			}
		});
		return unions;
	}

}
