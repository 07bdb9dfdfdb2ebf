package org.yizhan.organization;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What an account may do inside its organisation's subtree. An account holds one or more
 * roles; none of them reaches above the account's organisation.
 */
public enum Role {

	/** Manages the subtree: accounts, organisations, stations. */
	ORG_ADMIN,

	/** Reviews host applications. */
	REVIEWER,

	/** Inspects stations and orders rectification. */
	INSPECTOR,

	/** Subsidies and payments. */
	FINANCE,

	/** Reads everything in the subtree, including the audit log; changes nothing. */
	AUDITOR,

	/** Runs the stations bound to the account (站长). */
	STATION_MASTER,

	/** Liaison for the stations bound to the account (联络员). */
	LIAISON,

	/** A host (承建单位): its applications and stations. */
	HOST,

	/** A third-party evaluator, for the scope and period of its contract. */
	EVALUATOR,

	/**
	 * Speaks for a programme partner (a delivery platform, a bank's head office): its API
	 * keys and webhooks, and what its programmes hold. The partner module binds the
	 * account to its partner; without that binding it sees nothing, as every scope
	 * outside the partner module treats an account that is not union staff.
	 */
	PARTNER_ADMIN,

	/**
	 * A programme partner's reviewer: reads its programmes, their stations and figures.
	 */
	PARTNER_REVIEWER;

	/**
	 * The roles of a union's own staff, who see the whole subtree of their organisation;
	 * the others (station masters, liaisons, hosts) see only some stations.
	 */
	public static final Set<Role> UNION_ROLES = Collections
		.unmodifiableSet(EnumSet.of(ORG_ADMIN, REVIEWER, INSPECTOR, FINANCE, AUDITOR, EVALUATOR));

}
