package org.yizhan.organization.account;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yizhan.support.access.AccessFixture;
import org.yizhan.support.access.AccessRow;
import org.yizhan.support.access.AccessRows;

import static org.yizhan.support.access.AccessFixture.*;
import static org.yizhan.support.access.AccessRow.api;
import static org.yizhan.support.access.AccessRow.basic;
import static org.yizhan.support.access.AccessRow.page;

/**
 * Accounts' rows of the access matrix: the accounts of a subtree for its admins and
 * auditors; one's own profile (password, tokens, notification e-mail address) for every
 * account, over the API with a password only.
 */
final class AccountAccessRows implements AccessRows {

	@Override
	public List<AccessRow> rows(AccessFixture f) {
		List<AccessRow> rows = new ArrayList<>();
		// accounts: admins of the subtree
		rows.add(api("GET", "/api/v1/accounts", c -> c.get("/api/v1/accounts?size=100&org=" + c.district()),
				ACCOUNT_READERS, ACCOUNT_READERS)
			.leaks(() -> List.of(f.foreignUsername())));
		rows.add(api("GET", "/api/v1/accounts/{id}", c -> c.get("/api/v1/accounts/" + c.account()), ACCOUNT_READERS,
				ACCOUNT_READERS_HIDDEN));
		rows.add(api("POST", "/api/v1/accounts", c -> c.json("POST", "/api/v1/accounts", f.accountJson(c.district())),
				ADMIN, NOBODY));
		rows.add(api("PUT", "/api/v1/accounts/{id}",
				c -> c.json(
						"PUT", "/api/v1/accounts/" + c.account(), q("{'displayName':'矩阵','organization':'"
								+ c.district() + "','roles':['HOST'],'hostName':'" + AccessFixture.HOST_NAME + "'}"),
						f.accountMatch(c.account())),
				ADMIN, ADMIN_HIDDEN));
		rows.add(api("PATCH", "/api/v1/accounts/{id}", c -> c.json("PATCH", "/api/v1/accounts/" + c.account(),
				q("{'displayName':'矩阵改'}"), f.accountMatch(c.account())), ADMIN, ACCOUNT_READERS_HIDDEN));
		rows.add(api("POST", "/api/v1/accounts/{id}/disable",
				c -> c.json("POST", "/api/v1/accounts/" + c.account() + "/disable", "{}"), ADMIN, ADMIN_HIDDEN));
		rows.add(api("POST", "/api/v1/accounts/{id}/enable",
				c -> c.json("POST", "/api/v1/accounts/" + c.account() + "/enable", "{}"), ADMIN, ADMIN_HIDDEN));
		rows.add(api("POST", "/api/v1/accounts/{id}/unlock",
				c -> c.json("POST", "/api/v1/accounts/" + c.account() + "/unlock", "{}"), ADMIN, ADMIN_HIDDEN));
		rows.add(api("POST", "/api/v1/accounts/{id}/reset-password",
				c -> c.json("POST", "/api/v1/accounts/" + c.account() + "/reset-password", "{}"), ADMIN, ADMIN_HIDDEN));
		// personal data in clear: with a password, never a token (SignInTests)
		rows.add(basic("GET", "/api/v1/accounts/{id}/personal-data",
				c -> c.get("/api/v1/accounts/" + c.account() + "/personal-data"), ADMIN, ADMIN_HIDDEN));
		rows.add(page("GET", "/console/accounts", c -> c.get("/console/accounts?org=" + c.district()), ACCOUNT_READERS,
				ACCOUNT_READERS)
			.leaks(() -> List.of(f.foreignUsername())));
		rows.add(page("GET", "/console/accounts/new", c -> c.get("/console/accounts/new"), ADMIN, null));
		rows.add(page("GET", "/console/accounts/stations",
				c -> c.get("/console/accounts/stations?q=" + f.foreignStationCode()), ADMIN, null)
			.leaks(() -> List.of(f.foreignStationCode())));
		rows.add(page("POST", "/console/accounts/new",
				c -> c.form("/console/accounts/new", Map.of("username", "mx" + f.serial() + System.nanoTime() % 100000,
						"displayName", "矩阵", "organization", c.district(), "roles", "ORG_ADMIN")),
				ADMIN, NOBODY));
		rows.add(page("GET", "/console/accounts/{id}", c -> c.get("/console/accounts/" + c.account()), ACCOUNT_READERS,
				ACCOUNT_READERS_HIDDEN));
		rows.add(page("GET", "/console/accounts/{id}/edit", c -> c.get("/console/accounts/" + c.account() + "/edit"),
				ACCOUNT_READERS, ACCOUNT_READERS_HIDDEN));
		rows.add(page("POST", "/console/accounts/{id}/edit",
				c -> c.form("/console/accounts/" + c.account() + "/edit",
						Map.of("displayName", "矩阵", "organization", c.district(), "roles", "HOST", "hostName",
								AccessFixture.HOST_NAME, "version", f.accountVersion(c.account()))),
				ADMIN, "UNFFFNFFFF"));
		for (String action : List.of("disable", "enable", "unlock", "reset-password", "personal-data")) {
			rows.add(page("POST", "/console/accounts/{id}/" + action,
					c -> c.form("/console/accounts/" + c.account() + "/" + action, Map.of()),
					action.equals("personal-data") ? ADMIN : ADMIN_OR_REFUSED,
					action.equals("personal-data") ? ADMIN_HIDDEN : HIDDEN_OR_REFUSED));
		}

		// one's own profile: signed in with a password (a token may not manage these)
		rows.add(basic("GET", "/api/v1/me", c -> c.get("/api/v1/me"), SIGNED_IN, null));
		rows.add(basic("POST", "/api/v1/me/password",
				c -> c.json("POST", "/api/v1/me/password",
						q("{'currentPassword':'not-the-password','newPassword':'Another-Pass-2046!'}")),
				"UIIIIIIIII", null));
		rows.add(basic("GET", "/api/v1/me/tokens", c -> c.get("/api/v1/me/tokens"), SIGNED_IN, null));
		rows.add(basic("POST", "/api/v1/me/tokens", c -> c.json("POST", "/api/v1/me/tokens", tokenJson()), SIGNED_IN,
				null));
		rows.add(basic("POST", "/api/v1/me/tokens/{id}/revoke",
				c -> c.json("POST", "/api/v1/me/tokens/" + c.token() + "/revoke", "{}"), SIGNED_IN, HIDDEN));
		rows.add(page("GET", "/console/me/password", c -> c.get("/console/me/password"), SIGNED_IN, null));
		rows.add(page("POST", "/console/me/password",
				c -> c.form("/console/me/password",
						Map.of("currentPassword", "not-the-password", "newPassword", "Another-Pass-2046!")),
				"UIIIIIIIII", null));
		rows.add(page("GET", "/console/me/tokens", c -> c.get("/console/me/tokens"), SIGNED_IN, null));
		rows.add(page("POST", "/console/me/tokens",
				c -> c.form("/console/me/tokens",
						Map.of("name", "矩阵", "scopes", "READ", "expiresOn", LocalDate.now().plusDays(10).toString())),
				SIGNED_IN, null));
		rows.add(page("POST", "/console/me/tokens/{id}/revoke",
				c -> c.form("/console/me/tokens/" + c.token() + "/revoke", Map.of()), SIGNED_IN, "URRRRRRRRR"));
		rows.add(basic("PUT", "/api/v1/me/email",
				c -> c.json("PUT", "/api/v1/me/email",
						q("{'email':'matrix-" + c.role.toLowerCase().replace('_', '-') + "@example.com'}")),
				SIGNED_IN, null));
		rows.add(page("GET", "/console/me/email", c -> c.get("/console/me/email"), SIGNED_IN, null));
		rows.add(page("POST", "/console/me/email",
				c -> c.form("/console/me/email",
						Map.of("email", "matrix-" + c.role.toLowerCase().replace('_', '-') + "@example.com")),
				SIGNED_IN, null));
		return rows;
	}

}
