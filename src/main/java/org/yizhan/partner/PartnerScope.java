package org.yizhan.partner;

import java.util.Map;
import java.util.Optional;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Role;
import org.yizhan.platform.security.ForbiddenException;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a signed-in account reaches in this module, as a condition its SQL carries. Union
 * staff reach the partners registered by a union of their subtree and the programmes of
 * their subtree; a partner's account (PARTNER_ADMIN, PARTNER_REVIEWER) reaches its own
 * partner and the programmes that partner takes part in, and nothing at all until a union
 * admin has bound it to a partner. Every other account is refused.
 *
 * @param partnerId the partner a partner's account speaks for, {@code null} for union
 * staff
 */
record PartnerScope(Actor actor, Long partnerId) {

	static PartnerScope of(Actor actor, JdbcClient jdbc) {
		if (actor.isUnionStaff()) {
			return new PartnerScope(actor, null);
		}
		if (actor.holds(Role.PARTNER_ADMIN) || actor.holds(Role.PARTNER_REVIEWER)) {
			Optional<Long> partner = jdbc.sql("select partner_id from partner_account where account_id = :id")
				.param("id", actor.accountId())
				.query(Long.class)
				.optional();
			if (partner.isPresent()) {
				return new PartnerScope(actor, partner.get());
			}
		}
		throw new ForbiddenException("partner.forbidden");
	}

	boolean isPartner() {
		return this.partnerId != null;
	}

	/** The condition on a {@code partner} row aliased {@code p}. */
	String partnerCondition(Map<String, Object> params) {
		if (isPartner()) {
			params.put("scopePartner", this.partnerId);
			return "p.id = :scopePartner";
		}
		params.put("scopePath", this.actor.organizationPath());
		return "p.union_code in (select code from organization where path = :scopePath or path like :scopePath || '/%')";
	}

	/** The condition on a {@code programme} row aliased {@code g}. */
	String programmeCondition(Map<String, Object> params) {
		if (isPartner()) {
			params.put("scopePartner", this.partnerId);
			return "exists (select 1 from partner_programme pp where pp.programme_id = g.id and pp.partner_id = :scopePartner)";
		}
		params.put("scopePath", this.actor.organizationPath());
		return "g.organization_code in (select code from organization where path = :scopePath or path like :scopePath || '/%')";
	}

	/** Union admins manage partners, programmes' partners, brands and stations. */
	boolean isUnionAdmin() {
		return !isPartner() && this.actor.holds(Role.ORG_ADMIN);
	}

	/** A partner's admin manages its API keys and webhooks. */
	boolean isPartnerAdmin(long partner) {
		return isPartner() && this.partnerId == partner && this.actor.holds(Role.PARTNER_ADMIN);
	}

}
