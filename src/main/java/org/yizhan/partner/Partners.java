package org.yizhan.partner;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.privacy.PersonalDataCipher;
import org.yizhan.platform.security.ForbiddenException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Programme partners and their accounts. A union admin registers a partner for a union of
 * the subtree and binds accounts holding a partner role to it; the partner's admin sets
 * where its webhooks go. Union staff read the partners of their subtree, a partner's
 * account its own partner only; any other partner is not found for it.
 */
@Service
@Transactional
public class Partners {

	public static final int MAX_NAME = 100;

	public static final int MAX_URL = 500;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final OrganizationTree organizations;

	private final PersonalDataCipher cipher;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final boolean loopbackWebhooks;

	Partners(JdbcClient jdbc, OrganizationTree organizations, PersonalDataCipher cipher,
			ApplicationEventPublisher events, Clock clock,
			@Value("${yizhan.partner.webhooks.allow-loopback:false}") boolean loopbackWebhooks) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.cipher = cipher;
		this.events = events;
		this.clock = clock;
		this.loopbackWebhooks = loopbackWebhooks;
	}

	/** A partner as a client sends it. */
	public record PartnerInput(String name, String kind, String union) {
	}

	/**
	 * Registers a partner for a union of the caller's subtree: union admins only.
	 * @throws InvalidInputException naming every wrong field
	 * @throws ConflictException for a name another partner has
	 */
	public Partner create(PartnerInput input) {
		PartnerScope scope = scope();
		if (!scope.isUnionAdmin()) {
			throw new ForbiddenException("partner.forbidden.manage");
		}
		List<Violation> violations = new ArrayList<>();
		String name = (input.name() == null) ? "" : input.name().strip();
		if (name.isEmpty()) {
			violations.add(Violation.of("name", "validation.required"));
		}
		else if (name.length() > MAX_NAME) {
			violations.add(Violation.of("name", "validation.tooLong", MAX_NAME));
		}
		PartnerKind kind = null;
		try {
			kind = PartnerKind.valueOf((input.kind() == null) ? "" : input.kind().strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			violations.add(Violation.of("kind", "partner.kind.invalid"));
		}
		Organization union = null;
		if (input.union() == null || input.union().isBlank()) {
			violations.add(Violation.of("union", "validation.required"));
		}
		else {
			union = this.organizations.findByCode(input.union().strip())
				.filter(org -> scope.actor().sees(org.path()))
				.orElse(null);
			if (union == null) {
				violations.add(Violation.of("union", "partner.union.notFound", input.union().strip()));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		if (this.jdbc.sql("select count(*) from partner where lower(name) = lower(:name)")
			.param("name", name)
			.query(Long.class)
			.single() > 0) {
			throw new ConflictException("name", "partner.name.taken", name);
		}
		long id = this.jdbc.sql("""
				insert into partner (name, kind, union_code, created_by, created_at)
				values (:name, :kind, :union, :by, :at) returning id
				""")
			.param("name", name)
			.param("kind", kind.name())
			.param("union", union.code())
			.param("by", scope.actor().username())
			.param("at", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
		this.events.publishEvent(new Audited("partner.create", "partner", Long.toString(id), union.code(), null,
				name + "; " + kind.name()));
		return get(id);
	}

	/** The partners the caller reaches, by name. */
	@Transactional(readOnly = true)
	public List<Partner> list() {
		PartnerScope scope = scope();
		Map<String, Object> params = new HashMap<>();
		String condition = scope.partnerCondition(params);
		return this.jdbc.sql(SELECT + " where " + condition + " order by p.name")
			.params(params)
			.query((rs, n) -> partner(rs))
			.list();
	}

	/**
	 * A partner the caller reaches.
	 * @throws NotFoundException for one unknown or out of reach
	 */
	@Transactional(readOnly = true)
	public Partner get(long id) {
		PartnerScope scope = scope();
		Map<String, Object> params = new HashMap<>();
		String condition = scope.partnerCondition(params);
		params.put("id", id);
		return this.jdbc.sql(SELECT + " where p.id = :id and " + condition)
			.params(params)
			.query((rs, n) -> partner(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("partner.notFound", id));
	}

	/**
	 * Binds an account holding a partner role to a partner: an admin of the partner's
	 * union subtree, for an enabled account of that subtree not yet bound to any partner.
	 * @throws InvalidInputException for an account unknown, out of reach or holding no
	 * partner role
	 * @throws ConflictException for an account already bound
	 */
	public void bindAccount(long partnerId, Long accountId) {
		PartnerScope scope = scope();
		if (!scope.isUnionAdmin()) {
			throw new ForbiddenException("partner.forbidden.manage");
		}
		Partner partner = get(partnerId);
		if (accountId == null) {
			throw new InvalidInputException(Violation.of("accountId", "validation.required"));
		}
		Map<String, Object> params = new HashMap<>();
		params.put("id", accountId);
		params.put("scopePath", scope.actor().organizationPath());
		boolean eligible = this.jdbc.sql("""
				select count(*) from account a join organization o on o.code = a.organization_code
				where a.id = :id and a.enabled
				  and (o.path = :scopePath or o.path like :scopePath || '/%')
				  and a.roles && array['PARTNER_ADMIN', 'PARTNER_REVIEWER']::varchar(32)[]
				""").params(params).query(Long.class).single() > 0;
		if (!eligible) {
			throw new InvalidInputException(Violation.of("accountId", "partner.account.notEligible", accountId));
		}
		int inserted = this.jdbc.sql("""
				insert into partner_account (account_id, partner_id, bound_by, bound_at)
				values (:account, :partner, :by, :at) on conflict (account_id) do nothing
				""")
			.param("account", accountId)
			.param("partner", partnerId)
			.param("by", scope.actor().username())
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
		if (inserted == 0) {
			throw new ConflictException("accountId", "partner.account.bound", accountId);
		}
		this.events.publishEvent(new Audited("partner.bindAccount", "partner", Long.toString(partnerId),
				partner.unionCode(), null, "account=" + accountId));
	}

	/** A webhook endpoint just set, with the secret its deliveries are signed with. */
	public record WebhookEndpoint(String url, String secret) {

		@Override
		public String toString() {
			// Kept out of any log line that prints the record.
			return "WebhookEndpoint[url=" + this.url + "]";
		}

	}

	/**
	 * Sets where a partner's webhooks go and makes a new signing secret, shown once: the
	 * partner's admin only. An {@code https} address, or a loopback one where the
	 * configuration allows it (a developer's machine, the tests).
	 * @throws InvalidInputException for a missing, too long or refused address
	 */
	public WebhookEndpoint setWebhook(long partnerId, String url) {
		PartnerScope scope = scope();
		if (!scope.isPartnerAdmin(partnerId)) {
			get(partnerId);
			throw new ForbiddenException("partner.forbidden.partnerAdmin");
		}
		String given = (url == null) ? "" : url.strip();
		if (given.isEmpty()) {
			throw new InvalidInputException(Violation.of("url", "validation.required"));
		}
		if (given.length() > MAX_URL || !acceptable(given)) {
			throw new InvalidInputException(Violation.of("url", "partner.webhook.url"));
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String secret = "yzw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Partner partner = get(partnerId);
		this.jdbc.sql("update partner set webhook_url = :url, webhook_secret_sealed = :secret where id = :id")
			.param("url", given)
			.param("secret", this.cipher.seal(secret))
			.param("id", partnerId)
			.update();
		this.events.publishEvent(new Audited("partner.webhook", "partner", Long.toString(partnerId),
				partner.unionCode(), partner.webhookUrl(), given));
		return new WebhookEndpoint(given, secret);
	}

	private boolean acceptable(String url) {
		try {
			URI uri = new URI(url);
			if (uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
				return false;
			}
			if ("https".equals(uri.getScheme())) {
				return true;
			}
			boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
			return this.loopbackWebhooks && loopback && "http".equals(uri.getScheme());
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	PartnerScope scope() {
		return PartnerScope.of(Actor.required(), this.jdbc);
	}

	private static final String SELECT = """
			select p.id, p.name, p.kind, p.union_code, o.name as union_name, p.created_at, p.webhook_url
			from partner p join organization o on o.code = p.union_code""";

	private static Partner partner(ResultSet rs) throws SQLException {
		Timestamp created = rs.getTimestamp("created_at");
		return new Partner(rs.getLong("id"), rs.getString("name"), PartnerKind.valueOf(rs.getString("kind")),
				rs.getString("union_code"), rs.getString("union_name"), created.toInstant(),
				rs.getString("webhook_url"));
	}

}
