package org.yizhan.organization;

/**
 * The tier of a union organisation in the administrative tree it mirrors, or an industry
 * union beside it.
 */
public enum OrganizationKind {

	NATIONAL, PROVINCE, CITY, DISTRICT,

	/** A street or township union (乡镇/街道), nine-digit NBS code, under its district. */
	STREET,

	/**
	 * An industry union (产业/行业工会) under any geographic union, coded like
	 * {@code 330106-I01}.
	 */
	INDUSTRY

}
