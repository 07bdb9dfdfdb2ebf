package org.yizhan.partner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.platform.privacy.PersonalDataCipher;
import org.yizhan.station.StationDelisted;
import org.yizhan.station.StationId;
import org.yizhan.station.StationListed;
import org.yizhan.station.StationSuspended;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed webhooks to partners on listing, suspension and delisting of their programmes'
 * stations (and on a station joining or being handed over), so that a platform can push a
 * station to its riders' app and take it down.
 *
 * <p>
 * The registry's events reach this module after their commit, from Spring Modulith's
 * outbox: each becomes a row of the feed and one delivery per partner with an endpoint,
 * in one transaction. Deliveries go out from a job, never from the station's transaction:
 * a partner's slow server must not hold a union's change. Each request carries
 * {@code X-Yizhan-Delivery} (the idempotency id: a retry repeats it, the receiver
 * deduplicates on it) and {@code X-Yizhan-Signature: t=<epoch seconds>,v1=<hex>}, the
 * HMAC-SHA256 with the partner's secret of {@code <t>.<body>}, so the receiver can refuse
 * an unsigned, forged or replayed (old {@code t}) request. A delivery is acknowledged by
 * any 2xx; otherwise it is retried after growing pauses ({@link #PAUSES}) and given up
 * after the last.
 */
@Service
public class PartnerWebhooks {

	/**
	 * The pause after the n-th failed attempt; after the last one the delivery is given
	 * up.
	 */
	static final List<Duration> PAUSES = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
			Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(24));

	/** While one instance sends a delivery, the others leave it alone for this long. */
	private static final Duration LEASE = Duration.ofMinutes(2);

	private static final int BATCH = 50;

	private static final Logger log = LoggerFactory.getLogger(PartnerWebhooks.class);

	private final JdbcClient jdbc;

	private final PartnerChanges changes;

	private final PersonalDataCipher cipher;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	PartnerWebhooks(JdbcClient jdbc, PartnerChanges changes, PersonalDataCipher cipher,
			TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.changes = changes;
		this.cipher = cipher;
		this.transactions = transactions;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(StationListed event) {
		record(event.stationId(), "LISTED");
	}

	@ApplicationModuleListener
	void on(StationSuspended event) {
		record(event.stationId(), "SUSPENDED");
	}

	@ApplicationModuleListener
	void on(StationDelisted event) {
		record(event.stationId(), "DELISTED");
	}

	private void record(StationId station, String kind) {
		this.changes.programmeOf(station.value())
			.ifPresent(programme -> this.changes.record(programme, station.value(), kind, this.clock.instant()));
	}

	/**
	 * Sends the deliveries that are due, every half minute, on one instance at a time.
	 */
	@Scheduled(initialDelayString = "${yizhan.partner.webhooks.interval:PT30S}",
			fixedDelayString = "${yizhan.partner.webhooks.interval:PT30S}")
	@SchedulerLock(name = "partner-webhooks", lockAtMostFor = "PT5M")
	public void sendDue() {
		Instant now = this.clock.instant();
		// Claimed in a short transaction of its own: the HTTP calls run outside any.
		List<Due> due = this.transactions.execute(status -> this.jdbc.sql("""
				update partner_webhook_delivery d set next_attempt_at = :lease
				from partner p
				where d.id in (select id from partner_webhook_delivery
				               where delivered_at is null and next_attempt_at <= :now
				               order by next_attempt_at limit :batch for update skip locked)
				  and p.id = d.partner_id
				returning d.id, d.payload, d.attempts, p.webhook_url, p.webhook_secret_sealed
				""")
			.param("lease", Timestamp.from(now.plus(LEASE)))
			.param("now", Timestamp.from(now))
			.param("batch", BATCH)
			.query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getString("payload"), rs.getInt("attempts"),
					rs.getString("webhook_url"), rs.getString("webhook_secret_sealed")))
			.list());
		for (Due delivery : due) {
			send(delivery);
		}
	}

	private record Due(UUID id, String payload, int attempts, String url, String sealedSecret) {
	}

	private void send(Due delivery) {
		Integer status = null;
		String error = null;
		if (delivery.url() == null || delivery.sealedSecret() == null) {
			error = "no endpoint";
		}
		else {
			try {
				long timestamp = this.clock.instant().getEpochSecond();
				HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
					.timeout(Duration.ofSeconds(10))
					.header("Content-Type", "application/json")
					.header("X-Yizhan-Delivery", delivery.id().toString())
					.header("X-Yizhan-Signature",
							signature(this.cipher.open(delivery.sealedSecret()), timestamp, delivery.payload()))
					.POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
					.build();
				status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				error = "interrupted";
			}
			catch (Exception ex) {
				// A partner's server down or unreachable is the ordinary reason for a
				// retry.
				error = ex.getClass().getSimpleName();
			}
		}
		Instant now = this.clock.instant();
		int attempts = delivery.attempts() + 1;
		boolean acknowledged = status != null && status >= 200 && status < 300;
		Instant next = acknowledged || attempts > PAUSES.size() ? null : now.plus(PAUSES.get(attempts - 1));
		if (!acknowledged && next == null) {
			log.warn("Webhook delivery {} given up after {} attempts", delivery.id(), attempts);
		}
		this.jdbc.sql("""
				update partner_webhook_delivery set attempts = :attempts, next_attempt_at = :next,
				  delivered_at = :delivered, last_status = :status, last_error = :error
				where id = :id
				""")
			.param("attempts", attempts)
			.param("next", (next != null) ? Timestamp.from(next) : null)
			.param("delivered", acknowledged ? Timestamp.from(now) : null)
			.param("status", status)
			.param("error", error)
			.param("id", delivery.id())
			.update();
	}

	/**
	 * The signature header of a body sent at {@code timestamp}: what a partner's receiver
	 * recomputes with its copy of the secret.
	 */
	public static String signature(String secret, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
