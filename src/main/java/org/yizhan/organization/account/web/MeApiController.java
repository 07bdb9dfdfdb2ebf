package org.yizhan.organization.account.web;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yizhan.organization.Actor;
import org.yizhan.organization.account.AccessToken;
import org.yizhan.organization.account.AccessTokens;
import org.yizhan.organization.account.OwnEmail;
import org.yizhan.organization.account.OwnPassword;
import org.yizhan.platform.privacy.Masks;
import org.yizhan.platform.web.ApiController;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * The signed-in account's own things: who it is, its password, its notification e-mail
 * address and its access tokens. Reached by signing in with a password only; a token
 * cannot mint tokens or redirect mail.
 */
@ApiController("/api/v1/me")
class MeApiController {

	private final OwnPassword ownPassword;

	private final AccessTokens tokens;

	private final OwnEmail ownEmail;

	MeApiController(OwnPassword ownPassword, AccessTokens tokens, OwnEmail ownEmail) {
		this.ownPassword = ownPassword;
		this.tokens = tokens;
		this.ownEmail = ownEmail;
	}

	record EmailChange(String email) {
	}

	record PasswordChange(String currentPassword, String newPassword) {
	}

	record TokenRequest(String name, List<String> scopes, String expiresOn) {
	}

	record TokenJson(long id, String name, List<String> scopes, Instant createdAt, Instant expiresAt, Instant revokedAt,
			Instant lastUsedAt) {

		static TokenJson of(AccessToken token) {
			return new TokenJson(token.id(), token.name(), token.scopes().stream().map(Enum::name).sorted().toList(),
					token.createdAt(), token.expiresAt(), token.revokedAt(), token.lastUsedAt());
		}

	}

	@GetMapping
	Map<String, Object> me() {
		Actor actor = AccountApiController.actor();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", actor.accountId());
		body.put("username", actor.username());
		body.put("organization", actor.organizationCode());
		body.put("roles", actor.roles().stream().map(Enum::name).sorted().toList());
		body.put("email", ownEmail.find(actor).map(Masks::email).orElse(null));
		return body;
	}

	/** Sets the address notifications are e-mailed to; an empty one removes it. */
	@PutMapping("/email")
	Map<String, Object> changeEmail(@RequestBody EmailChange change) {
		Actor actor = AccountApiController.actor();
		ownEmail.change(actor, change.email());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("email", ownEmail.find(actor).map(Masks::email).orElse(null));
		return body;
	}

	@PostMapping("/password")
	ResponseEntity<Void> changePassword(@RequestBody PasswordChange change) {
		ownPassword.change(AccountApiController.actor(), change.currentPassword(), change.newPassword());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/tokens")
	List<TokenJson> listTokens() {
		return tokens.list(AccountApiController.actor()).stream().map(TokenJson::of).toList();
	}

	/** The token's value is in this answer and nowhere else, ever. */
	@PostMapping("/tokens")
	ResponseEntity<Map<String, Object>> createToken(@RequestBody TokenRequest request) {
		AccessTokens.Created created = tokens.create(AccountApiController.actor(), request.name(), request.scopes(),
				request.expiresOn());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("token", TokenJson.of(created.token()));
		body.put("value", created.value());
		return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + created.token().id()))
			.header("Cache-Control", "no-store")
			.body(body);
	}

	@PostMapping("/tokens/{id}/revoke")
	ResponseEntity<Void> revokeToken(@PathVariable long id) {
		tokens.revoke(AccountApiController.actor(), id);
		return ResponseEntity.noContent().build();
	}

}
