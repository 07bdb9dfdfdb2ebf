package org.yizhan.onboarding;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The review's rows: the application's lock and state, visits, votes. */
@Repository
class ApplicationReviewRepository {

	private final JdbcClient jdbc;

	ApplicationReviewRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What a decision needs of an application, its row locked. */
	record Locked(long id, String token, long hostId, String hostName, String creditCode, String hostKind,
			Long hostAccountId, String districtCode, ApplicationStatus status, boolean committee, int round,
			String emailSealed) {
	}

	Optional<Locked> lock(long id, String scopePath) {
		return jdbc.sql("""
				select a.id, a.token, h.id, h.name, h.credit_code, h.kind, h.account_id, a.district_code, a.status,
				    a.committee, a.review_round, c.email_sealed
				from application a
				join host h on h.id = a.host_id
				join host_contact c on c.id = a.contact_id
				join organization o on o.code = a.district_code
				where a.id = :id and (cast(:scope as varchar) is null or o.path = :scope or o.path like :scope || '/%')
				for update of a, h
				""")
			.param("id", id)
			.param("scope", scopePath)
			.query((rs, n) -> new Locked(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getString(5), rs.getString(6), (Long) rs.getObject(7), rs.getString(8),
					ApplicationStatus.valueOf(rs.getString(9)), rs.getBoolean(10), rs.getInt(11), rs.getString(12)))
			.optional();
	}

	Optional<Locked> lockByToken(String token) {
		Optional<Long> id = jdbc.sql("select id from application where token = :t")
			.param("t", token)
			.query(Long.class)
			.optional();
		// The token is the applicant's key: no subtree applies.
		return id.flatMap(value -> lock(value, null));
	}

	void changeStatus(long id, ApplicationStatus status, Instant now, boolean newRound, Boolean committee) {
		jdbc.sql("""
				update application set status = :status, status_changed_at = :now, version = version + 1,
				    review_round = review_round + :round, committee = coalesce(:committee, committee)
				where id = :id
				""")
			.param("status", status.name())
			.param("now", Timestamp.from(now))
			.param("round", newRound ? 1 : 0)
			.param("committee", committee)
			.param("id", id)
			.update();
	}

	boolean isCommittee(long id) {
		return jdbc.sql("select committee from application where id = :id")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	void linkStation(long id, long stationId) {
		jdbc.sql("update application set station_id = :s where id = :id")
			.param("s", stationId)
			.param("id", id)
			.update();
	}

	void linkHostAccount(long hostId, long accountId) {
		jdbc.sql("update host set account_id = :a, updated_at = now() where id = :id")
			.param("a", accountId)
			.param("id", hostId)
			.update();
	}

	Optional<Long> findStationId(long id) {
		return jdbc.sql("select station_id from application where id = :id and station_id is not null")
			.param("id", id)
			.query(Long.class)
			.optional();
	}

	boolean insertVote(long id, int round, long accountId, String username, Decision decision, String reason,
			Instant now) {
		return jdbc.sql("""
				insert into application_vote (application_id, review_round, account_id, username, decision, reason,
				    voted_at)
				values (:a, :round, :account, :username, :decision, :reason, :now)
				on conflict do nothing
				""")
			.param("a", id)
			.param("round", round)
			.param("account", accountId)
			.param("username", username)
			.param("decision", decision.name())
			.param("reason", reason)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	List<Vote> listVotes(long id) {
		return jdbc.sql("""
				select v.review_round, v.username, v.decision, v.reason, v.voted_at
				from application_vote v join application a on a.id = v.application_id
				where v.application_id = :a and v.review_round = a.review_round
				order by v.voted_at, v.username
				""")
			.param("a", id)
			.query((rs, n) -> new Vote(rs.getInt(1), rs.getString(2), Decision.valueOf(rs.getString(3)),
					rs.getString(4), rs.getTimestamp(5).toInstant()))
			.list();
	}

	long insertVisit(long id, long checklistId, long versionId, int versionNumber, long accountId, String note,
			Instant now) {
		return jdbc.sql("""
				insert into application_visit (application_id, checklist_id, checklist_version_id, version_number,
				    visited_at, account_id, note)
				values (:a, :c, :v, :n, :now, :account, :note) returning id
				""")
			.param("a", id)
			.param("c", checklistId)
			.param("v", versionId)
			.param("n", versionNumber)
			.param("now", Timestamp.from(now))
			.param("account", accountId)
			.param("note", note)
			.query(Long.class)
			.single();
	}

	void insertVisitItem(long visitId, String code, Boolean yes, BigDecimal number, String photoKey) {
		jdbc.sql("""
				insert into application_visit_item (visit_id, item_code, yes, number, photo_key)
				values (:v, :code, :yes, :number, :photo)
				""")
			.param("v", visitId)
			.param("code", code)
			.param("yes", yes)
			.param("number", number)
			.param("photo", photoKey)
			.update();
	}

	/** The newest visit of an application, if any. */
	Optional<FieldVisit> findLatestVisit(long id) {
		return jdbc.sql("""
				select id, checklist_id, version_number, visited_at, note from application_visit
				where application_id = :a order by visited_at desc, id desc limit 1
				""")
			.param("a", id)
			.query((rs, n) -> new FieldVisit(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getTimestamp(4).toInstant(),
					rs.getString(5), listVisitItems(rs.getLong(1))))
			.optional();
	}

	private List<FieldVisit.Answer> listVisitItems(long visitId) {
		return jdbc.sql("""
				select item_code, yes, number, photo_key is not null from application_visit_item
				where visit_id = :v order by item_code
				""")
			.param("v", visitId)
			.query((rs, n) -> new FieldVisit.Answer(rs.getString(1), (Boolean) rs.getObject(2), rs.getBigDecimal(3),
					rs.getBoolean(4)))
			.list();
	}

	Optional<String> findVisitPhotoKey(long applicationId, long visitId, String itemCode) {
		return jdbc.sql("""
				select i.photo_key from application_visit_item i join application_visit v on v.id = i.visit_id
				where v.application_id = :a and v.id = :v and i.item_code = :code and i.photo_key is not null
				""")
			.param("a", applicationId)
			.param("v", visitId)
			.param("code", itemCode)
			.query(String.class)
			.optional();
	}

	boolean isPhotoInUse(String key) {
		return jdbc.sql("""
				select exists (select 1 from application_visit_item where photo_key = :k)
				    or exists (select 1 from application_photo where photo_key = :k)
				""").param("k", key).query(Boolean.class).single();
	}

}
