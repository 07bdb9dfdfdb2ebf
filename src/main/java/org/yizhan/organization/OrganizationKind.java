package org.yizhan.organization;

/**
 * The tier of a union organisation in the administrative tree it mirrors.
 */
public enum OrganizationKind {

	NATIONAL, PROVINCE, CITY, DISTRICT

}
