package org.yizhan.partner;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.security.ForbiddenException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Onboarding's programmes with their partners, their brand and their stations. A station
 * belongs to its district union and, at the same time, to at most one programme: the
 * union supervises, the partner runs, until a hand-over moves the running to the union
 * (the station stays in the programme, and its history keeps who ran it when). Union
 * admins of the programme's subtree manage all of it; union staff read the programmes of
 * their subtree, a partner's accounts the programmes their partner takes part in.
 */
@Service
@Transactional
public class PartnerProgrammes {

	public static final int MAX_BRAND = 60;

	/** The longest period figures are summed over. */
	public static final int MAX_DAYS = 366;

	private final JdbcClient jdbc;

	private final ProgrammeQueries queries;

	private final PartnerChanges changes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PartnerProgrammes(JdbcClient jdbc, ProgrammeQueries queries, PartnerChanges changes,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.changes = changes;
		this.events = events;
		this.clock = clock;
	}

	/** The programmes the caller reaches, newest first. */
	@Transactional(readOnly = true)
	public List<PartnerProgramme> list() {
		PartnerScope scope = scope();
		Map<String, Object> params = new HashMap<>();
		return this.queries.programmes(scope.programmeCondition(params), params);
	}

	/**
	 * A programme the caller reaches.
	 * @throws NotFoundException for one unknown or out of reach
	 */
	@Transactional(readOnly = true)
	public PartnerProgramme get(long id) {
		return visible(scope(), id);
	}

	/**
	 * Makes a partner take part in a programme: an admin of the programme's subtree, for
	 * a partner registered in it. Adding it again changes nothing.
	 */
	public PartnerProgramme addPartner(long programmeId, long partnerId) {
		PartnerScope scope = managing();
		PartnerProgramme programme = visible(scope, programmeId);
		Map<String, Object> params = new HashMap<>();
		String condition = scope.partnerCondition(params);
		params.put("id", partnerId);
		boolean reachable = this.jdbc.sql("select count(*) from partner p where p.id = :id and " + condition)
			.params(params)
			.query(Long.class)
			.single() > 0;
		if (!reachable) {
			throw new NotFoundException("partner.notFound", partnerId);
		}
		int added = this.jdbc.sql("""
				insert into partner_programme (programme_id, partner_id, added_by, added_at)
				values (:programme, :partner, :by, :at) on conflict do nothing
				""")
			.param("programme", programmeId)
			.param("partner", partnerId)
			.param("by", scope.actor().username())
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
		if (added > 0) {
			this.events.publishEvent(new Audited("partner.programme.addPartner", "programme",
					Long.toString(programmeId), programme.unionCode(), null, "partner=" + partnerId));
		}
		return visible(scope, programmeId);
	}

	/**
	 * Sets a programme's brand: an admin of the programme's subtree.
	 * @throws InvalidInputException for a missing or too long name or sign text
	 */
	public PartnerProgramme setBrand(long programmeId, String name, String signText) {
		PartnerScope scope = managing();
		PartnerProgramme programme = visible(scope, programmeId);
		List<Violation> violations = new ArrayList<>();
		String brand = text(name, "brandName", violations);
		String sign = text(signText, "signText", violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		this.jdbc.sql("""
				insert into programme_brand (programme_id, brand_name, sign_text, updated_by, updated_at)
				values (:programme, :brand, :sign, :by, :at)
				on conflict (programme_id) do update set brand_name = excluded.brand_name,
				  sign_text = excluded.sign_text, updated_by = excluded.updated_by, updated_at = excluded.updated_at
				""")
			.param("programme", programmeId)
			.param("brand", brand)
			.param("sign", sign)
			.param("by", scope.actor().username())
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
		ProgrammeBrand before = programme.brand();
		this.events.publishEvent(
				new Audited("partner.programme.brand", "programme", Long.toString(programmeId), programme.unionCode(),
						(before != null) ? before.name() + "; " + before.signText() : null, brand + "; " + sign));
		return visible(scope, programmeId);
	}

	/**
	 * Brings a station into a programme, run by the programme's partners: an admin whose
	 * subtree holds both the programme and the station's district, which must lie in the
	 * programme's union's subtree.
	 * @throws NotFoundException for a programme or station out of reach
	 * @throws ConflictException for a delisted station or one already in a programme
	 */
	public ProgrammeStation addStation(long programmeId, Long stationId) {
		PartnerScope scope = managing();
		PartnerProgramme programme = visible(scope, programmeId);
		if (stationId == null) {
			throw new InvalidInputException(Violation.of("stationId", "validation.required"));
		}
		Map<String, Object> params = new HashMap<>();
		params.put("station", stationId);
		params.put("scopePath", scope.actor().organizationPath());
		params.put("union", programme.unionCode());
		String status = this.jdbc.sql("""
				select s.status from station s join organization d on d.code = s.district_code
				where s.id = :station
				  and (d.path = :scopePath or d.path like :scopePath || '/%')
				  and exists (select 1 from organization u where u.code = :union
				              and (d.path = u.path or d.path like u.path || '/%'))
				for update of s
				""").params(params).query(String.class).optional().orElse(null);
		if (status == null) {
			throw new NotFoundException("partner.station.notFound", stationId);
		}
		if ("DELISTED".equals(status)) {
			throw new ConflictException("stationId", "partner.station.delisted", stationId);
		}
		Instant now = this.clock.instant();
		int joined = this.jdbc.sql("""
				insert into programme_station (station_id, programme_id, run_by, joined_at)
				values (:station, :programme, 'PARTNER', :at) on conflict (station_id) do nothing
				""")
			.param("station", stationId)
			.param("programme", programmeId)
			.param("at", Timestamp.from(now))
			.update();
		if (joined == 0) {
			throw new ConflictException("stationId", "partner.station.inProgramme", stationId);
		}
		history(stationId, programmeId, "JOINED", RunBy.PARTNER, scope, now);
		this.changes.record(programmeId, stationId, "JOINED", now);
		this.events.publishEvent(new Audited("partner.programme.addStation", "station", Long.toString(stationId),
				programme.unionCode(), null, "programme=" + programmeId));
		return station(programmeId, stationId);
	}

	/**
	 * Hands the running of a programme's station over to its union: an admin whose
	 * subtree holds the station's district (the union that supervises it). The station
	 * stays in the programme; its history keeps who ran it when.
	 * @throws NotFoundException for a station in no programme, or one whose district the
	 * caller's union does not supervise
	 * @throws ConflictException for a station its union already runs
	 */
	public ProgrammeStation handOver(long programmeId, long stationId) {
		PartnerScope scope = managing();
		Map<String, Object> params = new HashMap<>();
		params.put("station", stationId);
		params.put("programme", programmeId);
		params.put("scopePath", scope.actor().organizationPath());
		String runBy = this.jdbc.sql("""
				select ps.run_by from programme_station ps
				join station s on s.id = ps.station_id join organization d on d.code = s.district_code
				where ps.station_id = :station and ps.programme_id = :programme
				  and (d.path = :scopePath or d.path like :scopePath || '/%')
				for update of ps
				""").params(params).query(String.class).optional().orElse(null);
		if (runBy == null) {
			throw new NotFoundException("partner.station.notSupervised", stationId);
		}
		if (RunBy.UNION.name().equals(runBy)) {
			throw new ConflictException("partner.station.alreadyHandedOver", stationId);
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				update programme_station set run_by = 'UNION', version = version + 1
				where station_id = :station and run_by = 'PARTNER'
				""").param("station", stationId).update();
		history(stationId, programmeId, "HANDED_OVER", RunBy.UNION, scope, now);
		this.changes.record(programmeId, stationId, "HANDED_OVER", now);
		ProgrammeStation station = station(programmeId, stationId);
		this.events.publishEvent(new Audited("partner.programme.handOver", "station", station.code(),
				station.districtCode(), RunBy.PARTNER.name(), RunBy.UNION.name()));
		return station;
	}

	/** A step of a station's history in its programme. */
	public record HistoryStep(String action, RunBy runBy, String actedBy, Instant actedAt) {
	}

	/**
	 * A programme's stations.
	 * @throws NotFoundException for a programme out of reach
	 */
	@Transactional(readOnly = true)
	public List<ProgrammeStation> stations(long programmeId) {
		visible(scope(), programmeId);
		return this.queries.stations(programmeId);
	}

	/**
	 * Who ran a programme's station when, oldest first.
	 * @throws NotFoundException for a programme out of reach or a station not in it
	 */
	@Transactional(readOnly = true)
	public List<HistoryStep> history(long programmeId, long stationId) {
		visible(scope(), programmeId);
		station(programmeId, stationId);
		return this.jdbc.sql("""
				select action, run_by, acted_by, acted_at from programme_station_history
				where station_id = :station and programme_id = :programme order by acted_at, id
				""")
			.param("station", stationId)
			.param("programme", programmeId)
			.query((rs, n) -> new HistoryStep(rs.getString("action"), RunBy.valueOf(rs.getString("run_by")),
					rs.getString("acted_by"), rs.getTimestamp("acted_at").toInstant()))
			.list();
	}

	/**
	 * A programme's figures over Beijing days {@code from}..{@code to} (the last 30 days
	 * when neither is given).
	 * @throws InvalidInputException for a malformed date, a reversed or too long period
	 */
	@Transactional(readOnly = true)
	public ProgrammeFigures figures(long programmeId, String from, String to) {
		visible(scope(), programmeId);
		LocalDate[] period = period(from, to);
		return this.queries.figures(programmeId, period[0], period[1]);
	}

	/** The period of a figures request, checked. */
	LocalDate[] period(String from, String to) {
		LocalDate today = LocalDate.now(this.clock.withZone(YizhanTime.ZONE));
		List<Violation> violations = new ArrayList<>();
		LocalDate end = date(to, "to", today, violations);
		LocalDate start = date(from, "from", (end != null) ? end.minusDays(29) : today.minusDays(29), violations);
		if (violations.isEmpty() && start.isAfter(end)) {
			violations.add(Violation.of("to", "partner.period.reversed"));
		}
		if (violations.isEmpty() && ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
			violations.add(Violation.of("from", "partner.period.tooLong", MAX_DAYS));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new LocalDate[] { start, end };
	}

	private static LocalDate date(String given, String field, LocalDate otherwise, List<Violation> violations) {
		if (given == null || given.isBlank()) {
			return otherwise;
		}
		try {
			return LocalDate.parse(given.strip());
		}
		catch (DateTimeParseException ex) {
			violations.add(Violation.of(field, "partner.period.date"));
			return null;
		}
	}

	private void history(long stationId, long programmeId, String action, RunBy runBy, PartnerScope scope, Instant at) {
		this.jdbc.sql("""
				insert into programme_station_history (station_id, programme_id, action, run_by, acted_by, acted_at)
				values (:station, :programme, :action, :runBy, :by, :at)
				""")
			.param("station", stationId)
			.param("programme", programmeId)
			.param("action", action)
			.param("runBy", runBy.name())
			.param("by", scope.actor().username())
			.param("at", Timestamp.from(at))
			.update();
	}

	private ProgrammeStation station(long programmeId, long stationId) {
		return this.queries.stations(programmeId)
			.stream()
			.filter(station -> station.stationId() == stationId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("partner.station.notFound", stationId));
	}

	private static String text(String given, String field, List<Violation> violations) {
		String value = (given == null) ? "" : given.strip();
		if (value.isEmpty()) {
			violations.add(Violation.of(field, "validation.required"));
		}
		else if (value.length() > MAX_BRAND) {
			violations.add(Violation.of(field, "validation.tooLong", MAX_BRAND));
		}
		return value;
	}

	private PartnerProgramme visible(PartnerScope scope, long id) {
		Map<String, Object> params = new HashMap<>();
		String condition = scope.programmeCondition(params);
		return this.queries.programme(id, condition, params)
			.orElseThrow(() -> new NotFoundException("partner.programme.notFound", id));
	}

	private PartnerScope managing() {
		PartnerScope scope = scope();
		if (!scope.isUnionAdmin()) {
			throw new ForbiddenException("partner.forbidden.manage");
		}
		return scope;
	}

	private PartnerScope scope() {
		return PartnerScope.of(Actor.required(), this.jdbc);
	}

}
