package org.yizhan.organization.account;

/** What an access token may do through the API: read (GET), or also change things. */
public enum TokenScope {

	READ, WRITE

}
