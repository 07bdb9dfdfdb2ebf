package org.yizhan.ticket;

import java.nio.ByteBuffer;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yizhan.platform.Paging;
import org.yizhan.platform.privacy.Masks;
import org.yizhan.platform.privacy.PersonalDataCipher;
import org.yizhan.station.ResponsibleLevel;
import org.yizhan.station.ChainRouting.Holder;
import org.yizhan.ticket.ProblemTicket.Event;
import org.yizhan.ticket.ProblemTicket.Person;
import org.yizhan.ticket.ProblemTicket.Step;
import org.yizhan.ticket.ProblemTicket.Union;
import org.yizhan.station.StationId;
import org.yizhan.station.StationStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code problem_ticket} and {@code problem_ticket_history} tables. Lists and reads
 * for a caller carry the caller's {@link TicketScope} in their SQL, so no code path can
 * return a ticket from outside it. The station's code, name, district and status, the
 * names of accounts and unions are joined from the tables of the station and organisation
 * modules, as the scope condition itself is ({@code station s}).
 */
@Repository
public class TicketRepository {

	private static final String COLUMNS = """
			select t.id, t.number, t.station_id, s.code as station_code, s.name as station_name,
			    s.district_code, t.problem, t.description, t.status, t.responsible_level,
			    t.assignee_id, a.username as assignee_username, a.display_name as assignee_name,
			    t.assignee_union_code, u.name as union_name, t.created_at, t.due_at, t.resolved_at,
			    t.resolved_by, r.username as resolver_username, r.display_name as resolver_name,
			    t.resolution_note, t.resolution_photo_key, t.version, t.report_count, m.number as merged_into,
			    t.source, t.severity, t.opened_by, o.username as opener_username, o.display_name as opener_name,
			    t.caller_phone_sealed, t.item_code, t.item_text, t.reference, t.before_photo_key,
			    t.rectified_at, t.rectified_by, rb.username as rectifier_username, rb.display_name as rectifier_name,
			    t.rectification_note, t.after_photo_key, t.reopen_count
			from problem_ticket t
			join station s on s.id = t.station_id
			left join problem_ticket m on m.id = t.merged_into_id
			left join account a on a.id = t.assignee_id
			left join organization u on u.code = t.assignee_union_code
			left join account r on r.id = t.resolved_by
			left join account o on o.id = t.opened_by
			left join account rb on rb.id = t.rectified_by
			""";

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	TicketRepository(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	/** What reporting needs to know of a station, whoever reports. */
	public record StationFacts(StationId id, String code, String name, String districtCode, StationStatus status) {
	}

	public Optional<StationFacts> findStation(StationId id) {
		return jdbc.sql("select id, code, name, district_code, status from station where id = :id")
			.param("id", id.value())
			.query((rs, n) -> new StationFacts(StationId.of(rs.getLong(1)), rs.getString(2), rs.getString(3),
					rs.getString(4), StationStatus.valueOf(rs.getString(5))))
			.optional();
	}

	/**
	 * Serialises the reports of one device until the transaction ends, so that its
	 * duplicate check and limit count cannot both pass for two requests at once.
	 */
	public void lockDevice(byte[] deviceHash) {
		jdbc.sql("select pg_advisory_xact_lock(:key)")
			.param("key", ByteBuffer.wrap(deviceHash).getLong())
			.query((rs, n) -> 1)
			.single();
	}

	/**
	 * Serialises the reports that may open or join the one case of a station's problem,
	 * so that two at once open one case between them.
	 */
	public void lockStationProblem(StationId station, ProblemType problem) {
		jdbc.sql("select pg_advisory_xact_lock(:station, :problem)")
			.param("station", (int) (station.value() ^ (station.value() >>> 32)))
			.param("problem", 0x7469_0000 | problem.ordinal())
			.query((rs, n) -> 1)
			.single();
	}

	/** The oldest open case of the station about the problem, whoever reported it. */
	public Optional<TicketNumber> findOpenCase(StationId station, ProblemType problem) {
		return jdbc.sql("""
				select number from problem_ticket
				where station_id = :station and problem = :problem and status = 'OPEN'
				order by created_at, id limit 1
				""")
			.param("station", station.value())
			.param("problem", problem.name())
			.query((rs, n) -> new TicketNumber(rs.getString(1)))
			.optional();
	}

	/**
	 * The number of an open ticket of this device for the same problem of the station.
	 */
	public Optional<TicketNumber> findOpenDuplicate(StationId station, ProblemType problem, byte[] deviceHash) {
		return jdbc.sql("""
				select number from problem_ticket
				where station_id = :station and problem = :problem and device_hash = :device and status = 'OPEN'
				""")
			.param("station", station.value())
			.param("problem", problem.name())
			.param("device", deviceHash)
			.query((rs, n) -> new TicketNumber(rs.getString(1)))
			.optional();
	}

	/** The reports of a device since an instant, and the oldest of them. */
	public record RecentReports(int count, Instant oldest) {
	}

	public RecentReports countReportsSince(byte[] deviceHash, Instant since) {
		return jdbc.sql("""
				select count(*), min(created_at) from problem_ticket
				where device_hash = :device and created_at > :since
				""")
			.param("device", deviceHash)
			.param("since", Timestamp.from(since))
			.query((rs, n) -> new RecentReports(rs.getInt(1), instant(rs, 2)))
			.single();
	}

	/**
	 * How a new case was opened, as stored.
	 *
	 * @param source who opened it
	 * @param severity its severity, {@code null} for a worker's report
	 * @param openedBy the account, or {@code null}
	 * @param callerPhoneSealed the hotline caller's phone, sealed, or {@code null}
	 * @param itemCode an inspection's failed item, or {@code null}
	 * @param itemText its words, or {@code null}
	 * @param reference the inspection or campaign, or {@code null}
	 * @param beforePhotoKey the stored "before" photo, or {@code null}
	 */
	public record Opening(TicketSource source, Severity severity, Long openedBy, String callerPhoneSealed,
			String itemCode, String itemText, String reference, String beforePhotoKey) {

		static final Opening QR_REPORT = new Opening(TicketSource.QR_REPORT, null, null, null, null, null, null, null);

	}

	/**
	 * Inserts a worker's report; empty when the number is taken (the caller draws
	 * another).
	 */
	public Optional<Long> insert(TicketNumber number, StationId station, ProblemType problem, String description,
			byte[] deviceHash, Holder holder, Instant createdAt, Instant dueAt) {
		return insert(number, station, problem, description, deviceHash, holder, createdAt, dueAt, Opening.QR_REPORT);
	}

	/**
	 * Inserts a new case of any source; empty when the number is taken (the caller draws
	 * another).
	 */
	public Optional<Long> insert(TicketNumber number, StationId station, ProblemType problem, String description,
			byte[] deviceHash, Holder holder, Instant createdAt, Instant dueAt, Opening opening) {
		return jdbc.sql("""
				insert into problem_ticket (number, station_id, problem, description, device_hash, status,
				    responsible_level, assignee_id, assignee_union_code, created_at, due_at, version, source,
				    severity, opened_by, caller_phone_sealed, item_code, item_text, reference, before_photo_key)
				values (:number, :station, :problem, :description, :device, 'OPEN', :level, :assignee, :union,
				    :createdAt, :dueAt, 0, :source, :severity, :openedBy, :phone, :itemCode, :itemText, :reference,
				    :beforePhoto)
				on conflict (number) do nothing
				returning id
				""")
			.param("source", opening.source().name())
			.param("severity", (opening.severity() != null) ? opening.severity().name() : null)
			.param("openedBy", opening.openedBy())
			.param("phone", opening.callerPhoneSealed())
			.param("itemCode", opening.itemCode())
			.param("itemText", opening.itemText())
			.param("reference", opening.reference())
			.param("beforePhoto", opening.beforePhotoKey())
			.param("number", number.value())
			.param("station", station.value())
			.param("problem", problem.name())
			.param("description", description)
			.param("device", deviceHash)
			.param("level", holder.level().name())
			.param("assignee", holder.accountId())
			.param("union", holder.unionCode())
			.param("createdAt", Timestamp.from(createdAt))
			.param("dueAt", Timestamp.from(dueAt))
			.query(Long.class)
			.optional();
	}

	public void insertStep(long ticketId, Instant at, Event event, Holder holder, Long actorId, Instant dueAt,
			String note) {
		insertStep(ticketId, at, event, holder.level(), holder.accountId(), holder.unionCode(), actorId, dueAt,
				holder.skipped(), note);
	}

	public void insertStep(long ticketId, Instant at, Event event, ResponsibleLevel level, Long assigneeId,
			String unionCode, Long actorId, Instant dueAt, List<ResponsibleLevel> skipped, String note) {
		jdbc.sql("""
				insert into problem_ticket_history (ticket_id, at, event, responsible_level, assignee_id,
				    assignee_union_code, actor_id, due_at, skipped_levels, note)
				values (:ticket, :at, :event, :level, :assignee, :union, :actor, :dueAt, :skipped, :note)
				""")
			.param("ticket", ticketId)
			.param("at", Timestamp.from(at))
			.param("event", event.name())
			.param("level", level.name())
			.param("assignee", assigneeId)
			.param("union", unionCode)
			.param("actor", actorId)
			.param("dueAt", (dueAt != null) ? Timestamp.from(dueAt) : null)
			.param("skipped", skipped.stream().map(Enum::name).toArray(String[]::new))
			.param("note", note)
			.update();
	}

	/** A ticket by number, for its reporter: no scope, no staff. */
	public Optional<PublicTicketStatus> findStatus(TicketNumber number) {
		return jdbc.sql("""
				select t.number, s.code, s.name, t.problem, t.status, t.created_at, t.due_at, t.resolved_at,
				    t.resolution_note, m.number, t.source, t.reopen_count
				from problem_ticket t join station s on s.id = t.station_id
				left join problem_ticket m on m.id = t.merged_into_id
				where t.number = :number
				""")
			.param("number", number.value())
			.query((rs, n) -> new PublicTicketStatus(new TicketNumber(rs.getString(1)), rs.getString(2),
					rs.getString(3), ProblemType.valueOf(rs.getString(4)), TicketStatus.valueOf(rs.getString(5)),
					instant(rs, 6), instant(rs, 7), instant(rs, 8), rs.getString(9),
					(rs.getString(10) != null) ? new TicketNumber(rs.getString(10)) : null,
					TicketSource.valueOf(rs.getString(11)), rs.getInt(12)))
			.optional();
	}

	/** A ticket the scope sees, optionally locked for a change. */
	public Optional<ProblemTicket> findVisible(TicketNumber number, TicketScope scope, boolean lock) {
		Map<String, Object> params = new HashMap<>();
		String sql = COLUMNS + " where t.number = :number and " + scope.condition(params)
				+ (lock ? " for update of t" : "");
		params.put("number", number.value());
		return jdbc.sql(sql).params(params).query(this::ticket).optional().map(this::withHistory);
	}

	/**
	 * A case by number whoever asks: for a module's own use right after opening it, when
	 * nobody may be signed in.
	 */
	public Optional<ProblemTicket> findAny(TicketNumber number) {
		return jdbc.sql(COLUMNS + " where t.number = :number")
			.param("number", number.value())
			.query(this::ticket)
			.optional()
			.map(this::withHistory);
	}

	/** A page of the tickets the scope sees that match the query, most urgent first. */
	public TicketPage search(TicketQuery query, TicketScope scope, Instant now, int page, int size) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(" where ").append(scope.condition(params));
		if (query.view() == TicketQuery.View.MINE) {
			where.append(" and ").append(scope.heldCondition(params));
		}
		switch (query.state()) {
			case OPEN -> where.append(" and t.status <> 'RESOLVED'");
			case OVERDUE -> where.append(" and t.status = 'OPEN' and t.due_at <= :now");
			case AWAITING_RECHECK -> where.append(" and t.status = 'RECTIFIED'");
			case RESOLVED -> where.append(" and t.status = 'RESOLVED'");
			case ALL -> {
			}
		}
		params.put("now", Timestamp.from(now));
		if (query.organizationPath() != null) {
			where.append(" and s.district_code in (select code from organization"
					+ " where path = :orgPath or path like :orgPath || '/%')");
			params.put("orgPath", query.organizationPath());
		}
		if (query.source() != null) {
			where.append(" and t.source = :source");
			params.put("source", query.source().name());
		}
		if (query.problem() != null) {
			where.append(" and t.problem = :problem");
			params.put("problem", query.problem().name());
		}
		if (query.station() != null) {
			where.append(" and t.station_id = :stationId");
			params.put("stationId", query.station().value());
		}
		long total = jdbc.sql("select count(*) from problem_ticket t join station s on s.id = t.station_id" + where)
			.params(params)
			.query(Long.class)
			.single();
		params.put("limit", size);
		params.put("offset", Paging.offset(page, size));
		List<ProblemTicket> content = jdbc.sql(COLUMNS + where + """
				 order by (t.status = 'OPEN') desc, (t.status = 'RECTIFIED') desc,
				    case when t.status = 'OPEN' then t.due_at end, t.rectified_at, t.resolved_at desc, t.id desc
				limit :limit offset :offset
				""").params(params).query(this::ticket).list();
		return new TicketPage(content, page, size, total);
	}

	/**
	 * Where an open ticket stands now: its level, its station's name and code, and how
	 * often it was reopened (each reopening starts a new round of notices).
	 */
	public record Standing(ResponsibleLevel level, String stationCode, String stationName, int reopenCount) {
	}

	/** Where the ticket stands now; empty once it is resolved. */
	public Optional<Standing> findOpenStanding(long id) {
		return jdbc.sql("""
				select t.responsible_level, s.code, s.name, t.reopen_count
				from problem_ticket t join station s on s.id = t.station_id
				where t.id = :id and t.status = 'OPEN'
				""")
			.param("id", id)
			.query((rs, n) -> new Standing(ResponsibleLevel.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
					rs.getInt(4)))
			.optional();
	}

	/** How often a ticket was reopened; 0 for a number that is no ticket. */
	public int findReopenCount(String number) {
		return jdbc.sql("select reopen_count from problem_ticket where number = :number")
			.param("number", number)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/** The name of a ticket's holder: the account's display name, or the union's name. */
	public Optional<String> findHolderName(Long assigneeId, String unionCode) {
		if (assigneeId != null) {
			return jdbc.sql("select display_name from account where id = :id")
				.param("id", assigneeId)
				.query(String.class)
				.optional();
		}
		if (unionCode != null) {
			return jdbc.sql("select name from organization where code = :code")
				.param("code", unionCode)
				.query(String.class)
				.optional();
		}
		return Optional.empty();
	}

	/** An open ticket whose deadline passed, below the top of its chain. */
	public record Overdue(long id, TicketNumber number, StationId station, String districtCode, ProblemType problem,
			Severity severity, ResponsibleLevel level, long version) {
	}

	/**
	 * Locks the next overdue tickets to escalate, in id order (so concurrent runs wait on
	 * each other rather than deadlock). A run that waited on a row another run has just
	 * escalated reads its new deadline and leaves it out: each deadline escalates once.
	 */
	public List<Overdue> lockOverdue(Instant now, int limit) {
		return jdbc.sql("""
				select t.id, t.number, t.station_id, s.district_code, t.problem, t.responsible_level, t.version,
				    t.severity
				from problem_ticket t join station s on s.id = t.station_id
				where t.status = 'OPEN' and t.due_at <= :now and t.responsible_level <> 'SUPERVISING_UNION'
				order by t.id
				limit :limit
				for update of t
				""")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query((rs, n) -> new Overdue(rs.getLong(1), new TicketNumber(rs.getString(2)), StationId.of(rs.getLong(3)),
					rs.getString(4), ProblemType.valueOf(rs.getString(5)),
					(rs.getString(8) != null) ? Severity.valueOf(rs.getString(8)) : null,
					ResponsibleLevel.valueOf(rs.getString(6)), rs.getLong(7)))
			.list();
	}

	/** Moves a ticket to its new holder; 0 when it changed meanwhile. */
	public int escalate(long id, long version, Holder holder, Instant dueAt) {
		return jdbc.sql("""
				update problem_ticket set responsible_level = :level, assignee_id = :assignee,
				    assignee_union_code = :union, due_at = :dueAt, version = version + 1
				where id = :id and version = :version and status = 'OPEN'
				""")
			.param("level", holder.level().name())
			.param("assignee", holder.accountId())
			.param("union", holder.unionCode())
			.param("dueAt", Timestamp.from(dueAt))
			.param("id", id)
			.param("version", version)
			.update();
	}

	/** Resolves a ticket; 0 when it changed meanwhile. */
	public int resolve(long id, long version, long resolvedBy, Instant at, String note, String photoKey) {
		return jdbc.sql("""
				update problem_ticket set status = 'RESOLVED', resolved_at = :at, resolved_by = :by,
				    resolution_note = :note, resolution_photo_key = :photo, version = version + 1
				where id = :id and version = :version and status = 'OPEN'
				""")
			.param("at", Timestamp.from(at))
			.param("by", resolvedBy)
			.param("note", note)
			.param("photo", photoKey)
			.param("id", id)
			.param("version", version)
			.update();
	}

	/**
	 * Another ticket of the same station, as a ticket's page lists it: a likely duplicate
	 * or one merged into it.
	 */
	public record Related(TicketNumber number, ProblemType problem, Instant createdAt, int reportCount) {
	}

	/**
	 * The open tickets the scope sees of the same station and problem reported within
	 * {@code window} of the ticket: likely the same problem from another phone.
	 */
	public List<Related> listLikelyDuplicates(ProblemTicket ticket, TicketScope scope, java.time.Duration window) {
		Map<String, Object> params = new HashMap<>();
		String sql = """
				select t.number, t.problem, t.created_at, t.report_count
				from problem_ticket t join station s on s.id = t.station_id
				where t.station_id = :station and t.problem = :problem and t.status = 'OPEN' and t.id <> :id
				  and t.created_at between :from and :until and """ + scope.condition(params)
				+ " order by t.created_at, t.id limit 20";
		params.put("station", ticket.station().value());
		params.put("problem", ticket.problem().name());
		params.put("id", ticket.id());
		params.put("from", Timestamp.from(ticket.createdAt().minus(window)));
		params.put("until", Timestamp.from(ticket.createdAt().plus(window)));
		return jdbc.sql(sql).params(params).query(TicketRepository::related).list();
	}

	/** The tickets merged into this one, oldest first. */
	public List<Related> listMergedInto(long ticketId) {
		return jdbc.sql("""
				select t.number, t.problem, t.created_at, t.report_count from problem_ticket t
				where t.merged_into_id = :id order by t.created_at, t.id
				""").param("id", ticketId).query(TicketRepository::related).list();
	}

	/**
	 * Closes a ticket as merged into another; 0 when it changed meanwhile. Its reports
	 * move to the surviving ticket's count, in the same statement's transaction.
	 */
	public int merge(long id, long version, long intoId, long mergedBy, Instant at) {
		int merged = jdbc.sql("""
				update problem_ticket set status = 'RESOLVED', resolved_at = :at, resolved_by = :by,
				    merged_into_id = :into, version = version + 1
				where id = :id and version = :version and status = 'OPEN'
				""")
			.param("at", Timestamp.from(at))
			.param("by", mergedBy)
			.param("into", intoId)
			.param("id", id)
			.param("version", version)
			.update();
		if (merged == 1) {
			jdbc.sql("""
					update problem_ticket set report_count = report_count
					    + (select report_count from problem_ticket where id = :id), version = version + 1
					where id = :into
					""").param("id", id).param("into", intoId).update();
		}
		return merged;
	}

	private static Related related(ResultSet rs, int row) throws SQLException {
		return new Related(new TicketNumber(rs.getString(1)), ProblemType.valueOf(rs.getString(2)), instant(rs, 3),
				rs.getInt(4));
	}

	/**
	 * Marks an inspection's open case rectified, waiting for its re-check; 0 when it
	 * changed meanwhile.
	 */
	public int rectify(long id, long version, long by, Instant at, String note, String afterPhotoKey) {
		return jdbc.sql("""
				update problem_ticket set status = 'RECTIFIED', rectified_at = :at, rectified_by = :by,
				    rectification_note = :note, after_photo_key = :photo, version = version + 1
				where id = :id and version = :version and status = 'OPEN'
				""")
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("note", note)
			.param("photo", afterPhotoKey)
			.param("id", id)
			.param("version", version)
			.update();
	}

	/** Closes a rectified case its re-check passed; 0 when it changed meanwhile. */
	public int passRecheck(long id, long version, long by, Instant at, String note) {
		return jdbc.sql("""
				update problem_ticket set status = 'RESOLVED', resolved_at = :at, resolved_by = :by,
				    resolution_note = :note, resolution_photo_key = after_photo_key, version = version + 1
				where id = :id and version = :version and status = 'RECTIFIED'
				""")
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("note", note)
			.param("id", id)
			.param("version", version)
			.update();
	}

	/**
	 * Sends a rectified case its re-check failed back to its holder with a new deadline;
	 * the rectification it had stays in its history. 0 when it changed meanwhile.
	 */
	public int failRecheck(long id, long version, Instant dueAt) {
		return jdbc.sql("""
				update problem_ticket set status = 'OPEN', due_at = :dueAt, rectified_at = null, rectified_by = null,
				    rectification_note = null, after_photo_key = null, version = version + 1
				where id = :id and version = :version and status = 'RECTIFIED'
				""").param("dueAt", Timestamp.from(dueAt)).param("id", id).param("version", version).update();
	}

	/**
	 * Opens a resolved case again at the holder given, with a new deadline; its
	 * resolution stays in its history. 0 when it changed meanwhile.
	 */
	public int reopen(long id, long version, Holder holder, Instant dueAt) {
		return jdbc.sql("""
				update problem_ticket set status = 'OPEN', responsible_level = :level, assignee_id = :assignee,
				    assignee_union_code = :union, due_at = :dueAt, resolved_at = null, resolved_by = null,
				    resolution_note = null, resolution_photo_key = null, reopen_count = reopen_count + 1,
				    version = version + 1
				where id = :id and version = :version and status = 'RESOLVED' and merged_into_id is null
				""")
			.param("level", holder.level().name())
			.param("assignee", holder.accountId())
			.param("union", holder.unionCode())
			.param("dueAt", Timestamp.from(dueAt))
			.param("id", id)
			.param("version", version)
			.update();
	}

	/**
	 * What reopening needs of a case, locked: no caller's scope (its reporter has none).
	 */
	public record Reopenable(long id, TicketNumber number, StationId station, String districtCode, ProblemType problem,
			Severity severity, TicketSource source, TicketStatus status, Instant resolvedAt, boolean merged,
			byte[] deviceHash, long version) {
	}

	public Optional<Reopenable> lockForReopening(TicketNumber number) {
		return jdbc.sql("""
				select t.id, t.number, t.station_id, s.district_code, t.problem, t.source, t.status, t.resolved_at,
				    t.merged_into_id is not null, t.device_hash, t.version, t.severity
				from problem_ticket t join station s on s.id = t.station_id
				where t.number = :number
				for update of t
				""")
			.param("number", number.value())
			.query((rs, n) -> new Reopenable(rs.getLong(1), new TicketNumber(rs.getString(2)),
					StationId.of(rs.getLong(3)), rs.getString(4), ProblemType.valueOf(rs.getString(5)),
					(rs.getString(12) != null) ? Severity.valueOf(rs.getString(12)) : null,
					TicketSource.valueOf(rs.getString(6)), TicketStatus.valueOf(rs.getString(7)), instant(rs, 8),
					rs.getBoolean(9), rs.getBytes(10), rs.getLong(11)))
			.optional();
	}

	/** Whether a ticket's resolution shows this stored photo. */
	public boolean isPhotoInUse(String key) {
		return jdbc.sql("""
				select exists (select 1 from problem_ticket where resolution_photo_key = :key
				    or before_photo_key = :key or after_photo_key = :key)
				""").param("key", key).query(Boolean.class).single();
	}

	private ProblemTicket withHistory(ProblemTicket ticket) {
		List<Step> steps = jdbc.sql("""
				select h.at, h.event, h.responsible_level, h.assignee_id, a.username, a.display_name,
				    h.assignee_union_code, u.name, h.actor_id, x.username, x.display_name, h.due_at,
				    h.skipped_levels, h.note
				from problem_ticket_history h
				left join account a on a.id = h.assignee_id
				left join organization u on u.code = h.assignee_union_code
				left join account x on x.id = h.actor_id
				where h.ticket_id = :ticket
				order by h.at, h.id
				""").param("ticket", ticket.id()).query((rs, n) -> {
			List<ResponsibleLevel> skipped = new ArrayList<>();
			Array array = rs.getArray(13);
			for (String level : (String[]) array.getArray()) {
				skipped.add(ResponsibleLevel.valueOf(level));
			}
			return new Step(instant(rs, 1), Event.valueOf(rs.getString(2)), ResponsibleLevel.valueOf(rs.getString(3)),
					person(rs, 4), union(rs, 7), person(rs, 9), instant(rs, 12), skipped, rs.getString(14));
		}).list();
		return ticket.withHistory(steps);
	}

	private ProblemTicket ticket(ResultSet rs, int row) throws SQLException {
		String sealedPhone = rs.getString("caller_phone_sealed");
		ProblemTicket.Origin origin = new ProblemTicket.Origin(TicketSource.valueOf(rs.getString("source")),
				(rs.getString("severity") != null) ? Severity.valueOf(rs.getString("severity")) : null,
				person(rs, rs.findColumn("opened_by")),
				(sealedPhone != null) ? Masks.phone(this.cipher.open(sealedPhone)) : null, rs.getString("item_code"),
				rs.getString("item_text"), rs.getString("reference"), rs.getString("before_photo_key"));
		Instant rectifiedAt = instant(rs, rs.findColumn("rectified_at"));
		ProblemTicket.Rectification rectification = (rectifiedAt != null)
				? new ProblemTicket.Rectification(rectifiedAt, person(rs, rs.findColumn("rectified_by")),
						rs.getString("rectification_note"), rs.getString("after_photo_key"))
				: null;
		return ticket(rs, origin, rectification);
	}

	private static ProblemTicket ticket(ResultSet rs, ProblemTicket.Origin origin,
			ProblemTicket.Rectification rectification) throws SQLException {
		return new ProblemTicket(rs.getLong("id"), new TicketNumber(rs.getString("number")),
				StationId.of(rs.getLong("station_id")), rs.getString("station_code"), rs.getString("station_name"),
				rs.getString("district_code"), ProblemType.valueOf(rs.getString("problem")),
				rs.getString("description"), TicketStatus.valueOf(rs.getString("status")),
				ResponsibleLevel.valueOf(rs.getString("responsible_level")), person(rs, rs.findColumn("assignee_id")),
				union(rs, rs.findColumn("assignee_union_code")), instant(rs, rs.findColumn("created_at")),
				instant(rs, rs.findColumn("due_at")), instant(rs, rs.findColumn("resolved_at")),
				person(rs, rs.findColumn("resolved_by")), rs.getString("resolution_note"),
				rs.getString("resolution_photo_key"), rs.getLong("version"), rs.getInt("report_count"),
				(rs.getString("merged_into") != null) ? new TicketNumber(rs.getString("merged_into")) : null, origin,
				rectification, rs.getInt("reopen_count"), List.of());
	}

	/** A person from three columns: id, username, display name. */
	private static Person person(ResultSet rs, int idColumn) throws SQLException {
		long id = rs.getLong(idColumn);
		return rs.wasNull() ? null : new Person(id, rs.getString(idColumn + 1), rs.getString(idColumn + 2));
	}

	/** A union from two columns: code, name. */
	private static Union union(ResultSet rs, int codeColumn) throws SQLException {
		String code = rs.getString(codeColumn);
		return (code == null) ? null : new Union(code, rs.getString(codeColumn + 1));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * The inspection cases of the references, by reference: one pass over the partial
	 * index on {@code reference}, however many inspections a campaign has.
	 */
	Map<String, RectificationTally> tallyInspectionCases(java.util.Collection<String> references, Instant now) {
		Map<String, RectificationTally> tallies = new HashMap<>();
		jdbc.sql("""
				select reference, count(*) as cases,
				    count(*) filter (where status = 'OPEN' and due_at > :now) as open,
				    count(*) filter (where status = 'OPEN' and due_at <= :now) as overdue,
				    count(*) filter (where status = 'RECTIFIED') as awaiting,
				    count(*) filter (where status = 'RESOLVED') as rectified
				from problem_ticket
				where source = 'INSPECTION' and reference = any(:references)
				group by reference""")
			.param("references", references.toArray(String[]::new))
			.param("now", Timestamp.from(now))
			.query((ResultSet rs) -> {
				tallies.put(rs.getString("reference"), new RectificationTally(rs.getLong("cases"), rs.getLong("open"),
						rs.getLong("overdue"), rs.getLong("awaiting"), rs.getLong("rectified")));
			});
		return tallies;
	}

}
