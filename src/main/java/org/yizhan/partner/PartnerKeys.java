package org.yizhan.partner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.security.ForbiddenException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner's API keys: made, listed and revoked by the partner's own admin. A key is 32
 * random bytes shown once; only its SHA-256 is kept, so a copy of the table opens
 * nothing. A key is no account's credential: the security chains never see it, only the
 * partner API's handler looks it up ({@link PartnerFeed}).
 */
@Service
@Transactional
public class PartnerKeys {

	public static final String PREFIX = "yzp_";

	public static final int MAX_LABEL = 60;

	private static final Pattern SHAPE = Pattern.compile("yzp_[A-Za-z0-9_-]{43}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Partners partners;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PartnerKeys(JdbcClient jdbc, Partners partners, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.partners = partners;
		this.events = events;
		this.clock = clock;
	}

	/** A key just made, with its secret: the only time the secret is known. */
	public record CreatedKey(PartnerApiKey key, String secret) {

		@Override
		public String toString() {
			return "CreatedKey[" + this.key + "]";
		}

	}

	/**
	 * Makes an API key for the caller's own partner.
	 * @throws InvalidInputException for a missing or too long label
	 * @throws ForbiddenException for anyone but the partner's admin
	 */
	public CreatedKey create(long partnerId, String label) {
		Partner partner = administered(partnerId);
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
		String by = Actor.required().username();
		long id = this.jdbc.sql("""
				insert into partner_api_key (partner_id, label, key_hash, created_by, created_at)
				values (:partner, :label, :hash, :by, :at) returning id
				""")
			.param("partner", partnerId)
			.param("label", name)
			.param("hash", hash(secret))
			.param("by", by)
			.param("at", Timestamp.from(now))
			.query(Long.class)
			.single();
		this.events.publishEvent(new Audited("partner.key.create", "partner-key", Long.toString(id),
				partner.unionCode(), null, partner.name() + "; " + name));
		return new CreatedKey(new PartnerApiKey(id, partnerId, name, by, now, null, null), secret);
	}

	/** The caller's own partner's keys, newest first. */
	@Transactional(readOnly = true)
	public List<PartnerApiKey> list(long partnerId) {
		administered(partnerId);
		return this.jdbc.sql(SELECT + " where partner_id = :partner order by created_at desc, id desc")
			.param("partner", partnerId)
			.query((rs, n) -> key(rs))
			.list();
	}

	/**
	 * Revokes a key of the caller's own partner; revoking it again changes nothing.
	 * @throws NotFoundException for a key not the partner's
	 */
	public PartnerApiKey revoke(long partnerId, long keyId) {
		Partner partner = administered(partnerId);
		PartnerApiKey key = this.jdbc.sql(SELECT + " where id = :id and partner_id = :partner for update")
			.param("id", keyId)
			.param("partner", partnerId)
			.query((rs, n) -> key(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("partner.key.notFound", keyId));
		if (!key.active()) {
			return key;
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("update partner_api_key set revoked_at = :at where id = :id")
			.param("at", Timestamp.from(now))
			.param("id", keyId)
			.update();
		this.events.publishEvent(new Audited("partner.key.revoke", "partner-key", Long.toString(keyId),
				partner.unionCode(), key.label(), null));
		return new PartnerApiKey(key.id(), key.partnerId(), key.label(), key.createdBy(), key.createdAt(), now,
				key.lastUsedAt());
	}

	/**
	 * The partner a key speaks for, empty for a key that is malformed, unknown or revoked
	 * (all the same to the caller). Notes when it was last used.
	 */
	Optional<Long> partnerOf(String secret) {
		if (secret == null || !SHAPE.matcher(secret).matches()) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				update partner_api_key set last_used_at = :at
				where key_hash = :hash and revoked_at is null returning partner_id
				""")
			.param("at", Timestamp.from(this.clock.instant()))
			.param("hash", hash(secret))
			.query(Long.class)
			.optional();
	}

	private Partner administered(long partnerId) {
		PartnerScope scope = this.partners.scope();
		Partner partner = this.partners.get(partnerId);
		if (!scope.isPartnerAdmin(partnerId)) {
			throw new ForbiddenException("partner.forbidden.partnerAdmin");
		}
		return partner;
	}

	/** The SHA-256 of a secret, as kept. */
	public static byte[] hash(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	private static final String SELECT = """
			select id, partner_id, label, created_by, created_at, revoked_at, last_used_at from partner_api_key""";

	private static PartnerApiKey key(ResultSet rs) throws SQLException {
		Timestamp revoked = rs.getTimestamp("revoked_at");
		Timestamp used = rs.getTimestamp("last_used_at");
		return new PartnerApiKey(rs.getLong("id"), rs.getLong("partner_id"), rs.getString("label"),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				(revoked != null) ? revoked.toInstant() : null, (used != null) ? used.toInstant() : null);
	}

}
