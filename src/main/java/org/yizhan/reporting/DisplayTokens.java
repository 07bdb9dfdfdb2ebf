package org.yizhan.reporting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.security.ForbiddenException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only display tokens for a union's control-room screen (大屏): a token opens that
 * union's display page and nothing else, so a screen left on all day needs no console
 * session (which would time out, and would carry an account's rights).
 *
 * <p>
 * A union's admins create, list and revoke the tokens of the unions in their subtree. The
 * secret (32 random bytes) is shown once; only its SHA-256 is kept, so a copy of the
 * table opens no display. A token is not an account's and is no credential anywhere else:
 * the security chains never see it, only the display's own handler looks it up.
 */
@Service
public class DisplayTokens {

	/** What a secret looks like: the prefix, then 43 base64url characters. */
	public static final String PREFIX = "yzd_";

	public static final int MAX_LABEL = 60;

	private static final Pattern SHAPE = Pattern.compile("yzd_[A-Za-z0-9_-]{43}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final OrganizationTree organizations;

	private final UnionDashboards dashboards;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DisplayTokens(JdbcClient jdbc, OrganizationTree organizations, UnionDashboards dashboards,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.dashboards = dashboards;
		this.events = events;
		this.clock = clock;
	}

	/** A token just created, with its secret: the only time the secret is known. */
	public record Created(DisplayToken token, String secret) {
	}

	/**
	 * Creates a display token for a union of the caller's subtree.
	 * @throws InvalidInputException for a missing or too long label
	 * @throws ForbiddenException for a caller who is not a union admin
	 * @throws NotFoundException for a union unknown or outside the caller's subtree
	 */
	@Transactional
	public Created create(String unionCode, String label) {
		Organization union = administered(unionCode);
		String name = (label == null) ? "" : label.strip();
		if (name.isEmpty()) {
			throw new InvalidInputException(Violation.of("label", "validation.required"));
		}
		if (name.length() > MAX_LABEL) {
			throw new InvalidInputException(Violation.of("label", "validation.tooLong", MAX_LABEL));
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Instant now = this.clock.instant();
		String createdBy = Actor.required().username();
		long id = this.jdbc.sql("""
				insert into reporting_display_token (union_code, label, token_hash, created_by, created_at)
				values (:union, :label, :hash, :by, :at) returning id
				""")
			.param("union", union.code())
			.param("label", name)
			.param("hash", hash(secret))
			.param("by", createdBy)
			.param("at", Timestamp.from(now))
			.query(Long.class)
			.single();
		this.events.publishEvent(
				new Audited("reporting.display.create", "display-token", String.valueOf(id), union.code(), null, name));
		return new Created(new DisplayToken(id, union.code(), name, createdBy, now, null, null), secret);
	}

	/**
	 * The display tokens of a union of the caller's subtree, newest first.
	 * @throws ForbiddenException for a caller who is not a union admin
	 * @throws NotFoundException for a union unknown or outside the caller's subtree
	 */
	@Transactional(readOnly = true)
	public List<DisplayToken> list(String unionCode) {
		Organization union = administered(unionCode);
		return this.jdbc.sql("""
				select id, union_code, label, created_by, created_at, revoked_at, last_used_at
				from reporting_display_token where union_code = :union order by created_at desc, id desc
				""").param("union", union.code()).query((rs, n) -> token(rs)).list();
	}

	/**
	 * Revokes a token of a union of the caller's subtree; revoking it again changes
	 * nothing.
	 * @throws NotFoundException for a token unknown or of a union outside the subtree
	 */
	@Transactional
	public DisplayToken revoke(String unionCode, long id) {
		Organization union = administered(unionCode);
		DisplayToken token = this.jdbc.sql("""
				select id, union_code, label, created_by, created_at, revoked_at, last_used_at
				from reporting_display_token where id = :id and union_code = :union for update
				""")
			.param("id", id)
			.param("union", union.code())
			.query((rs, n) -> token(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("reporting.display.notFound", id));
		if (!token.active()) {
			return token;
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("update reporting_display_token set revoked_at = :at where id = :id")
			.param("at", Timestamp.from(now))
			.param("id", id)
			.update();
		this.events.publishEvent(new Audited("reporting.display.revoke", "display-token", String.valueOf(id),
				union.code(), token.label(), null));
		return new DisplayToken(token.id(), token.unionCode(), token.label(), token.createdBy(), token.createdAt(), now,
				token.lastUsedAt());
	}

	/**
	 * The dashboard a display token opens, empty for a secret that is malformed, unknown
	 * or revoked (all the same to the caller). Notes when it was last used.
	 */
	@Transactional
	public Optional<Dashboard> readDisplay(String secret) {
		if (secret == null || !SHAPE.matcher(secret).matches()) {
			return Optional.empty();
		}
		Optional<String> union = this.jdbc.sql("""
				update reporting_display_token set last_used_at = :at
				where token_hash = :hash and revoked_at is null returning union_code
				""")
			.param("at", Timestamp.from(this.clock.instant()))
			.param("hash", hash(secret))
			.query(String.class)
			.optional();
		return union.flatMap(this.organizations::findByCode).map(this.dashboards::assemble);
	}

	private Organization administered(String unionCode) {
		Actor actor = Actor.required();
		if (!actor.holds(Role.ORG_ADMIN)) {
			throw new ForbiddenException("reporting.display.forbidden");
		}
		return this.organizations.findByCode((unionCode == null) ? "" : unionCode.strip())
			.filter(found -> actor.sees(found.path()))
			.orElseThrow(() -> new NotFoundException("reporting.union.notFound", unionCode));
	}

	private static DisplayToken token(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new DisplayToken(rs.getLong("id"), rs.getString("union_code"), rs.getString("label"),
				rs.getString("created_by"), instant(rs.getTimestamp("created_at")),
				instant(rs.getTimestamp("revoked_at")), instant(rs.getTimestamp("last_used_at")));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp == null) ? null : timestamp.toInstant();
	}

	static byte[] hash(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

}
