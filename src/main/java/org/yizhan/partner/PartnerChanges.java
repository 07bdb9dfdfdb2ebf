package org.yizhan.partner;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends a change at a programme's station to the partners' feed and queues one signed
 * webhook for each of the programme's partners that has an endpoint, in the caller's
 * transaction: the change and its deliveries are written together or not at all. The
 * delivery's id is the idempotency id its receiver deduplicates retries by.
 */
@Component
class PartnerChanges {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	PartnerChanges(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Records the change; returns its cursor. */
	long record(long programmeId, long stationId, String kind, Instant at) {
		long cursor = this.jdbc.sql("""
				insert into partner_change (programme_id, station_id, kind, occurred_at)
				values (:programme, :station, :kind, :at) returning id
				""")
			.param("programme", programmeId)
			.param("station", stationId)
			.param("kind", kind)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
		String code = this.jdbc.sql("select code from station where id = :id")
			.param("id", stationId)
			.query(String.class)
			.single();
		for (Long partner : this.jdbc.sql("""
				select p.id from partner_programme pp join partner p on p.id = pp.partner_id
				where pp.programme_id = :programme and p.webhook_url is not null order by p.id
				""").param("programme", programmeId).query(Long.class).list()) {
			UUID delivery = UUID.randomUUID();
			ObjectNode body = this.json.createObjectNode();
			body.put("id", delivery.toString());
			body.put("cursor", cursor);
			body.put("kind", kind);
			body.put("programmeId", programmeId);
			body.put("stationId", stationId);
			body.put("stationCode", code);
			body.put("occurredAt", at.toString());
			this.jdbc.sql("""
					insert into partner_webhook_delivery (id, partner_id, change_id, payload, next_attempt_at)
					values (:id, :partner, :change, :payload, :at)
					""")
				.param("id", delivery)
				.param("partner", partner)
				.param("change", cursor)
				.param("payload", body.toString())
				.param("at", Timestamp.from(at))
				.update();
		}
		return cursor;
	}

	/** The programme a station belongs to, if any. */
	Optional<Long> programmeOf(long stationId) {
		return this.jdbc.sql("select programme_id from programme_station where station_id = :station")
			.param("station", stationId)
			.query(Long.class)
			.optional();
	}

}
