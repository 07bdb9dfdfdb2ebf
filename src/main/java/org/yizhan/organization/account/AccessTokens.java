package org.yizhan.organization.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.security.BearerToken;
import org.yizhan.platform.web.RequestValues;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for integrations ({@code Authorization: Bearer yz_…}): created,
 * listed and revoked by their owner, each with a name, scopes and an expiry. Only the
 * SHA-256 of a token is stored; 32 random bytes make a salt unnecessary. A revoked or
 * expired token, or one whose account is disabled, locked or past its contract, signs
 * nothing in.
 */
@Service
public class AccessTokens implements AuthenticationProvider {

	static final String PREFIX = "yz_";

	static final int MAX_DAYS = 366;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final AccountRepository accounts;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	AccessTokens(JdbcClient jdbc, AccountRepository accounts, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.clock = clock;
		this.events = events;
	}

	/** A new token and its value, which is never shown again. */
	public record Created(AccessToken token, String value) {
	}

	/**
	 * @param name what the token is for, e.g. 数据大屏
	 * @param scopes READ and/or WRITE
	 * @param expiresOn the last day the token works, at most a year ahead
	 */
	@Transactional
	public Created create(Actor owner, String name, List<String> scopes, String expiresOn) {
		List<Violation> violations = new ArrayList<>();
		String cleanName = name == null ? "" : name.strip();
		if (cleanName.isEmpty()) {
			violations.add(Violation.of("name", "validation.required"));
		}
		else if (cleanName.length() > 60) {
			violations.add(Violation.of("name", "validation.tooLong", 60));
		}
		Set<TokenScope> parsedScopes = RequestValues.enumValues(TokenScope.class, scopes, "scopes", violations);
		if (parsedScopes.isEmpty() && violations.stream().noneMatch(v -> v.field().equals("scopes"))) {
			violations.add(Violation.of("scopes", "validation.required"));
		}
		LocalDate today = LocalDate.now(clock.withZone(YizhanTime.ZONE));
		LocalDate lastDay = null;
		if (expiresOn == null || expiresOn.isBlank()) {
			violations.add(Violation.of("expiresOn", "validation.required"));
		}
		else {
			try {
				lastDay = LocalDate.parse(expiresOn.strip());
				if (!lastDay.isAfter(today.minusDays(1)) || lastDay.isAfter(today.plusDays(MAX_DAYS))) {
					violations.add(Violation.of("expiresOn", "account.token.expiry", MAX_DAYS));
				}
			}
			catch (DateTimeParseException ex) {
				violations.add(Violation.of("expiresOn", "validation.type"));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Instant now = clock.instant();
		Instant expiresAt = lastDay.plusDays(1).atStartOfDay(YizhanTime.ZONE).toInstant();
		long id = jdbc.sql("""
				insert into access_token (account_id, name, token_hash, scopes, created_at, expires_at)
				values (:account, :name, :hash, :scopes::varchar(8)[], :now, :expires) returning id
				""")
			.param("account", owner.accountId())
			.param("name", cleanName)
			.param("hash", sha256(value))
			.param("scopes", "{" + String.join(",", parsedScopes.stream().map(Enum::name).toList()) + "}")
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(expiresAt))
			.query(Long.class)
			.single();
		AccessToken token = new AccessToken(id, cleanName, parsedScopes, now, expiresAt, null, null);
		events.publishEvent(new Audited("account.token.create", "access-token", Long.toString(id),
				owner.organizationCode(), null, summary(token)));
		return new Created(token, value);
	}

	@Transactional(readOnly = true)
	public List<AccessToken> list(Actor owner) {
		return jdbc.sql("""
				select id, name, scopes, created_at, expires_at, revoked_at, last_used_at
				from access_token where account_id = :account order by created_at desc, id desc
				""").param("account", owner.accountId()).query((rs, row) -> {
			Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
			for (String scope : (String[]) rs.getArray("scopes").getArray()) {
				scopes.add(TokenScope.valueOf(scope));
			}
			return new AccessToken(rs.getLong("id"), rs.getString("name"), scopes,
					rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
					instant(rs.getTimestamp("revoked_at")), instant(rs.getTimestamp("last_used_at")));
		}).list();
	}

	/** Revokes one of the owner's tokens; someone else's token id is not found. */
	@Transactional
	public void revoke(Actor owner, long tokenId) {
		AccessToken token = list(owner).stream()
			.filter(candidate -> candidate.id() == tokenId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("account.token.notFound", tokenId));
		if (token.revokedAt() != null) {
			return;
		}
		Instant now = clock.instant();
		jdbc.sql("update access_token set revoked_at = :now where id = :id and revoked_at is null")
			.param("now", Timestamp.from(now))
			.param("id", tokenId)
			.update();
		events.publishEvent(new Audited("account.token.revoke", "access-token", Long.toString(tokenId),
				owner.organizationCode(), summary(token), "revokedAt=" + now));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return BearerToken.class.isAssignableFrom(authentication);
	}

	@Override
	public Authentication authenticate(Authentication request) {
		String value = ((BearerToken) request).value();
		if (value == null || !value.startsWith(PREFIX) || value.length() > 100) {
			throw new BadCredentialsException("account.token.invalid");
		}
		Instant now = clock.instant();
		record Found(long id, long accountId, String[] scopes) {
		}
		Found found = jdbc.sql("""
				select id, account_id, scopes from access_token
				where token_hash = :hash and revoked_at is null and expires_at > :now
				""")
			.param("hash", sha256(value))
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new Found(rs.getLong("id"), rs.getLong("account_id"),
					(String[]) rs.getArray("scopes").getArray()))
			.optional()
			.orElseThrow(() -> new BadCredentialsException("account.token.invalid"));
		Account account = accounts.findById(found.accountId())
			.filter(candidate -> candidate.enabled() && !candidate.isLockedAt(now) && !candidate.contractEndedAt(now))
			.orElseThrow(() -> new BadCredentialsException("account.token.invalid"));
		// Written at most once a minute per token: an integration polling every second
		// should not turn each read into a write.
		jdbc.sql("update access_token set last_used_at = :now where id = :id "
				+ "and (last_used_at is null or last_used_at < :minuteAgo)")
			.param("now", Timestamp.from(now))
			.param("minuteAgo", Timestamp.from(now.minusSeconds(60)))
			.param("id", found.id())
			.update();
		Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
		for (String scope : found.scopes()) {
			scopes.add(TokenScope.valueOf(scope));
		}
		return UsernamePasswordAuthenticationToken.authenticated(new AccountPrincipal(account), null,
				AccountPrincipal.authorities(account.roles(), true, scopes));
	}

	static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String summary(AccessToken token) {
		return "name=" + token.name() + ", scopes=" + token.scopes() + ", expiresAt=" + token.expiresAt();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
