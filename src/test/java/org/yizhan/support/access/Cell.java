package org.yizhan.support.access;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.yizhan.support.HttpCaller;

import static org.yizhan.support.access.AccessFixture.FOREIGN;
import static org.yizhan.support.access.AccessFixture.OWN;

/**
 * One cell of the matrix: who calls, and whether the objects in the request are foreign.
 */
public final class Cell {

	private final AccessFixture fixture;

	public final HttpCaller caller;

	public final String role;

	public final boolean foreign;

	Cell(AccessFixture fixture, HttpCaller caller, String role, boolean foreign) {
		this.fixture = fixture;
		this.caller = caller;
		this.role = role;
		this.foreign = foreign;
	}

	public boolean anonymous() {
		return this.role.equals("anonymous");
	}

	public String district() {
		return this.foreign ? FOREIGN : OWN;
	}

	public long station() {
		return this.foreign ? this.fixture.foreignStation() : this.fixture.ownStation();
	}

	public long photo() {
		return this.foreign ? this.fixture.foreignPhoto() : this.fixture.ownPhoto();
	}

	public long account() {
		return this.foreign ? this.fixture.foreignAccount() : this.fixture.ownAccount();
	}

	/** An organisation with history: own district, or the renamed foreign union. */
	public String union() {
		return this.foreign ? this.fixture.foreignUnion() : OWN;
	}

	/**
	 * A throwaway union to rename: the foreign one is never renamed if all is well.
	 */
	public String renamable() {
		return this.foreign ? this.fixture.foreignUnion() : this.fixture.industryUnion("矩阵待改名工会");
	}

	/**
	 * A station a write may change: the bound station for station masters and liaisons
	 * (so a master's own edits succeed), a fresh one in the own district for the others
	 * (shared with the host by name), the foreign one otherwise.
	 */
	public long editable(String status) {
		if (this.foreign) {
			return this.fixture.foreignStation();
		}
		if (this.role.equals("STATION_MASTER") || this.role.equals("LIAISON")) {
			return this.fixture.ownStation();
		}
		return this.fixture.station(OWN, status);
	}

	/**
	 * Like {@link #editable}, for lifecycle steps that need the station in a state.
	 */
	public long managed(String status) {
		return editable(status);
	}

	/**
	 * A token of the caller's to revoke, or the national admin's for the foreign cell.
	 */
	public long token() {
		if (this.foreign || anonymous()) {
			return this.fixture.adminToken();
		}
		return this.fixture.spareToken(this.role);
	}

	public HttpResponse<String> get(String path) {
		return this.caller.get(path);
	}

	public HttpResponse<String> json(String method, String path, String body) {
		return json(method, path, body, null);
	}

	public HttpResponse<String> json(String method, String path, String body, Map<String, String> headers) {
		return this.caller.send(method, path, "application/json", body.getBytes(StandardCharsets.UTF_8), headers);
	}

	public HttpResponse<String> form(String path, Map<String, String> fields) {
		return this.caller.postForm(path, fields);
	}

}
