package org.yizhan.organization.account;

/**
 * A station an account is (or may be) bound to, as a person names it: by its code and
 * name, never by its internal id alone.
 *
 * @param id the station's id, for links
 * @param code the station's code, e.g. {@code 330106-0001}
 * @param name the station's name
 */
public record BoundStation(long id, String code, String name) {

}
