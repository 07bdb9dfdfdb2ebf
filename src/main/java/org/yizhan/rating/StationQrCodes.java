package org.yizhan.rating;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Assignments;
import org.yizhan.organization.Audited;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationKind;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.station.StationTokens.Rotation;
import org.yizhan.station.Station;
import org.yizhan.station.StationId;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationStatus;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yizhan.station.StationTokens;

/**
 * The QR codes printed in the stations: what a code says
 * ({@code <public base>/r/<token>}, the token signed by {@link StationTokens}) and who
 * may print it.
 *
 * <p>
 * A code is printed by the union admins whose subtree holds the station and by its own
 * station master, who runs the station and hangs the poster; anyone else who sees the
 * station is refused (403), and a station outside the caller's scope does not exist
 * (404). Only a listed or suspended station has a code worth printing: a draft is not on
 * the map yet and a delisted station is off it for good, and scanning either would refuse
 * the worker's rating, so both are answered with a conflict (409) that says so.
 *
 * <p>
 * A station's code changes only when the token key rotates: the token is computed, not
 * stored, so nothing here writes to the database except the audit entry of a bulk export,
 * which hands out the codes of a whole district at once.
 */
@Service
@Transactional(readOnly = true)
public class StationQrCodes {

	private final StationRegistry registry;

	private final StationTokens tokens;

	private final OrganizationTree organizations;

	private final Assignments assignments;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final int bulkLimit;

	private final ObjectProvider<PosterBrands> brands;

	StationQrCodes(StationRegistry registry, StationTokens tokens, OrganizationTree organizations,
			Assignments assignments, JdbcClient jdbc, ApplicationEventPublisher events,
			@Value("${yizhan.rating.qr.bulk-limit:1000}") int bulkLimit, ObjectProvider<PosterBrands> brands) {
		this.brands = brands;
		this.registry = registry;
		this.tokens = tokens;
		this.organizations = organizations;
		this.assignments = assignments;
		this.jdbc = jdbc;
		this.events = events;
		this.bulkLimit = bulkLimit;
	}

	/**
	 * The code of a station, for the caller to print.
	 * @param publicBaseUrl where the public pages are reached, without a trailing slash
	 * @throws org.yizhan.station.StationNotFoundException outside the caller's scope
	 * @throws ForbiddenException when the caller sees the station but may not print its
	 * code
	 * @throws ConflictException for a draft or delisted station
	 */
	public Code get(StationId id, String publicBaseUrl) {
		Station station = this.registry.getById(id);
		if (!mayPrint(station)) {
			throw new ForbiddenException("qr.forbidden.station");
		}
		requirePrintable(station);
		return code(station, publicBaseUrl, new HashMap<>());
	}

	/**
	 * What the console's QR section of a station shows the caller: the code when they may
	 * print it, otherwise why not (without the code).
	 * @throws org.yizhan.station.StationNotFoundException outside the caller's scope
	 */
	public Section describe(StationId id, String publicBaseUrl) {
		Station station = this.registry.getById(id);
		if (!mayPrint(station)) {
			return new Section(station.id(), station.code().value(), station.status(), false, Optional.empty(),
					this.tokens.lastRotation());
		}
		Optional<Code> code = printable(station.status()) ? Optional.of(code(station, publicBaseUrl, new HashMap<>()))
				: Optional.empty();
		return new Section(station.id(), station.code().value(), station.status(), true, code,
				this.tokens.lastRotation());
	}

	/**
	 * How many posters a bulk download for the organisation {@code code} would hold, and
	 * whether the caller may have it: for the console's organisation page, which offers
	 * the download only to those who may.
	 * @throws NotFoundException for an unknown organisation
	 */
	public PosterCount countPosters(String code) {
		Organization organization = this.organizations.findByCode(code)
			.orElseThrow(() -> new NotFoundException("qr.organization.notFound", code));
		Actor actor = actor();
		boolean mayPrint = actor.holds(Role.ORG_ADMIN) && actor.sees(organization.path());
		long count = mayPrint ? countListed(organization, new HashMap<>()) : 0;
		return new PosterCount(organization, mayPrint, count, this.bulkLimit);
	}

	/**
	 * The codes of every listed station of an organisation's subtree that the caller sees
	 * (a district's, or a city's with all its districts), in the order of their station
	 * codes, for one bulk download of posters; recorded in the audit log as an export,
	 * since it hands out many codes at once. Suspended stations are left out: a campaign
	 * prints for the stations open now, and one poster can be fetched for a reopened
	 * station.
	 * @throws NotFoundException for an unknown organisation
	 * @throws ForbiddenException for an organisation outside the caller's subtree (its
	 * code is public, its stations are not) or a caller who is not an admin
	 * @throws InvalidInputException when the subtree has more listed stations than one
	 * download may hold ({@code yizhan.rating.qr.bulk-limit})
	 * @throws ConflictException when it has no listed station
	 */
	@Transactional
	public Batch preparePosters(String code, String paper, String publicBaseUrl) {
		Organization organization = this.organizations.findByCode(code)
			.orElseThrow(() -> new NotFoundException("qr.organization.notFound", code));
		Actor actor = actor();
		if (!actor.holds(Role.ORG_ADMIN)) {
			throw new ForbiddenException("qr.forbidden.posters");
		}
		if (!actor.sees(organization.path())) {
			throw new ForbiddenException("qr.forbidden.organization", organization.code());
		}
		Map<String, Object> params = new HashMap<>();
		long count = countListed(organization, params);
		if (count > this.bulkLimit) {
			throw new InvalidInputException(
					Violation.of("code", "qr.posters.tooMany", organization.name(), count, this.bulkLimit));
		}
		if (count == 0) {
			throw new ConflictException("code", "qr.posters.none", organization.name());
		}
		List<Listed> listed = this.jdbc
			.sql("select s.id, s.code, s.name, s.district_code " + listedIn(params)
					+ " order by left(s.code, 6), length(s.code), s.code")
			.params(params)
			.query((rs, row) -> new Listed(StationId.of(rs.getLong("id")), rs.getString("code"), rs.getString("name"),
					rs.getString("district_code")))
			.list();
		Map<String, String> unionLines = new HashMap<>();
		List<Code> codes = listed.stream()
			.map((station) -> code(station.id(), station.code(), station.name(), station.districtCode(), publicBaseUrl,
					unionLines))
			.toList();
		this.events.publishEvent(new Audited("qr.exportPosters", "organization", organization.code(),
				organization.code(), null, "paper=" + paper + "; posters=" + codes.size() + "; first="
						+ codes.get(0).stationCode() + "; last=" + codes.get(codes.size() - 1).stationCode()));
		return new Batch(organization, codes);
	}

	private long countListed(Organization organization, Map<String, Object> params) {
		params.put("qrOrganizationPath", organization.path());
		return this.jdbc.sql("select count(*) " + listedIn(params)).params(params).query(Long.class).single();
	}

	/**
	 * The listed stations of the organisation's subtree the caller sees, as a
	 * {@code from ... where} clause; the organisation's path is already in
	 * {@code params}.
	 */
	private String listedIn(Map<String, Object> params) {
		String visible = this.registry.visibleStations().condition(params);
		return """
				from station s
				where s.status = 'LISTED'
				  and s.district_code in (select code from organization
				    where path = :qrOrganizationPath or path like :qrOrganizationPath || '/%')
				  and\s""" + visible;
	}

	private Code code(Station station, String publicBaseUrl, Map<String, String> unionLines) {
		return code(station.id(), station.code().value(), station.details().name(), station.details().districtCode(),
				publicBaseUrl, unionLines);
	}

	/** Signed with the active key: after a rotation, the new code. */
	private Code code(StationId id, String stationCode, String name, String districtCode, String publicBaseUrl,
			Map<String, String> unionLines) {
		String token = this.tokens.issue(id);
		String band = this.brands.orderedStream()
			.flatMap((brand) -> brand.bandOf(id.value()).stream())
			.findFirst()
			.orElse(null);
		return new Code(id, stationCode, name, unionLine(districtCode, unionLines), token,
				publicBaseUrl + "/r/" + token, band);
	}

	/**
	 * The unions a poster names: the district's and the one above it (杭州市总工会 · 西湖区总工会),
	 * since a district's name alone is not unique in China.
	 */
	private String unionLine(String districtCode, Map<String, String> known) {
		return known.computeIfAbsent(districtCode, (code) -> {
			List<String> names = this.organizations.listAncestry(code)
				.stream()
				.filter((organization) -> organization.kind() != OrganizationKind.NATIONAL)
				.map(Organization::name)
				.toList();
			return String.join(" · ", names.subList(Math.max(0, names.size() - 2), names.size()));
		});
	}

	private boolean mayPrint(Station station) {
		Actor actor = actor();
		if (actor.holds(Role.ORG_ADMIN)) {
			return true;
		}
		return actor.holds(Role.STATION_MASTER) && this.assignments.stationsOf(actor).contains(station.id().value());
	}

	private static boolean printable(StationStatus status) {
		return status == StationStatus.LISTED || status == StationStatus.SUSPENDED;
	}

	private static void requirePrintable(Station station) {
		switch (station.status()) {
			case DRAFT -> throw new ConflictException("status", "qr.notPrintable.draft", station.code().value());
			case DELISTED -> throw new ConflictException("status", "qr.notPrintable.delisted", station.code().value());
			default -> {
			}
		}
	}

	private static Actor actor() {
		return Actor.required();
	}

	private record Listed(StationId id, String code, String name, String districtCode) {
	}

	/**
	 * What a poster of one station prints.
	 *
	 * @param station the station's id
	 * @param stationCode its public code, e.g. 330106-0007
	 * @param stationName its name
	 * @param unionLine the unions it belongs to, e.g. 杭州市总工会 · 西湖区总工会
	 * @param token the signed station token
	 * @param url {@code <public base>/r/<token>}, what the QR code holds
	 * @param band the text of the poster's band when the station carries a brand
	 * ({@link PosterBrands}), {@code null} for the generic one
	 */
	public record Code(StationId station, String stationCode, String stationName, String unionLine, String token,
			String url, String band) {

		/** A code with the generic band. */
		public Code(StationId station, String stationCode, String stationName, String unionLine, String token,
				String url) {
			this(station, stationCode, stationName, unionLine, token, url, null);
		}

	}

	/**
	 * The QR section of a station's console page.
	 *
	 * @param station the station's id
	 * @param stationCode its public code
	 * @param status where it is in its lifecycle
	 * @param mayPrint whether the caller may print its code
	 * @param code the code, when the caller may print it and the station is listed or
	 * suspended
	 * @param lastRotation the key ring's last rotation, when one is configured
	 */
	public record Section(StationId station, String stationCode, StationStatus status, boolean mayPrint,
			Optional<Code> code, Optional<Rotation> lastRotation) {
	}

	/**
	 * What a bulk download of an organisation's posters would hold for the caller.
	 *
	 * @param organization the organisation
	 * @param mayPrint whether the caller may download it (an admin of its subtree)
	 * @param listed how many listed stations it has that the caller sees (0 when
	 * {@code mayPrint} is false: nothing is counted for those who may not print)
	 * @param limit the most posters one download holds
	 */
	public record PosterCount(Organization organization, boolean mayPrint, long listed, int limit) {
	}

	/**
	 * The posters of one bulk download, in station-code order.
	 *
	 * @param organization whose stations they are
	 * @param codes one per listed station
	 */
	public record Batch(Organization organization, List<Code> codes) {
	}

}
