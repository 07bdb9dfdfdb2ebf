package org.yizhan.organization.administration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.organization.DistrictMerged;
import org.yizhan.organization.OrganizationKind;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.organization.access.Callers;
import org.yizhan.organization.access.OutsideScopeException;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.Csv;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.YizhanTime;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes the union tree: loads a district's streets from the NBS codes or adds one by
 * hand, adds industry unions, renames, and merges a district into another after a
 * re-division. Only an ORG_ADMIN changes anything, and only inside their subtree; every
 * change is one transaction, audited, and renames and merges are kept in the
 * organisation's history.
 *
 * <p>
 * A merge moves the district's stations and child organisations to the successor and
 * keeps the old union as {@code MERGED}, with its successor and end date, so its code
 * still resolves. Station codes keep their old district prefix: they are stable
 * identifiers, printed on signs and QR codes, and stay unique because the old district
 * numbers no new station. Districts of different cities (or provinces) are merged only by
 * a national admin: a re-division across cities is decided above both cities' unions.
 */
@Service
@Transactional
public class OrganizationAdministration {

	static final int MAX_NAME = 100;

	private static final Pattern STREET_CODE = Pattern.compile("\\d{9}");

	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

	private static final String COLUMNS = "code, name, kind, parent_code, path, status, merged_into, ended_on";

	private final JdbcClient jdbc;

	private final OrganizationTree tree;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OrganizationAdministration(JdbcClient jdbc, OrganizationTree tree, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.tree = tree;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * An organisation with its ancestry and successor, readable by every signed-in
	 * account; its history only when it lies in the caller's subtree.
	 */
	@Transactional(readOnly = true)
	public OrganizationDetails get(String code) {
		OrganizationRecord organization = find(code, false);
		List<OrganizationRecord> ancestry = jdbc
			.sql("select " + COLUMNS + " from organization where code in (:codes) order by length(path)")
			.param("codes", Arrays.asList(organization.path().split("/")))
			.query((rs, row) -> map(rs))
			.list();
		String successor = tree.findByCode(organization.code()).map(found -> found.code()).orElse(null);
		if (!Callers.current().map(actor -> actor.sees(organization.path())).orElse(false)) {
			// names and codes of unions are public facts; who changed them, when, is not
			return new OrganizationDetails(organization, ancestry, successor, List.of());
		}
		List<HistoryEntry> history = jdbc.sql("""
				select action, before_summary, after_summary, username, occurred_at from organization_history
				where organization_code = :code order by occurred_at, id
				""")
			.param("code", organization.code())
			.query((rs, row) -> new HistoryEntry(rs.getString("action"), rs.getString("before_summary"),
					rs.getString("after_summary"), rs.getString("username"),
					rs.getTimestamp("occurred_at").toInstant()))
			.list();
		return new OrganizationDetails(organization, ancestry, successor, history);
	}

	/** The active organisations directly below {@code code}, by code. */
	@Transactional(readOnly = true)
	public List<OrganizationRecord> listChildren(String code) {
		OrganizationRecord parent = find(code, false);
		return jdbc
			.sql("select " + COLUMNS
					+ " from organization where parent_code = :code and status = 'ACTIVE' order by kind, code")
			.param("code", parent.code())
			.query((rs, row) -> map(rs))
			.list();
	}

	/**
	 * Adds an industry union under {@code parentCode}, coded {@code parent-Inn} with the
	 * next free number.
	 */
	public OrganizationRecord addIndustryUnion(String parentCode, String name) {
		OrganizationRecord parent = find(parentCode, true);
		admin(parent);
		String validName = name(name);
		active(parent);
		if (parent.kind() == OrganizationKind.INDUSTRY) {
			throw new InvalidInputException(Violation.of("parent", "organization.industryUnderIndustry"));
		}
		nameFree(parent, validName, null);
		int next = jdbc.sql("""
				select coalesce(max(cast(substring(code from length(:parent) + 3) as integer)), 0) + 1
				from organization where parent_code = :parent and kind = 'INDUSTRY' and code ~ '-I[0-9]{2}$'
				""").param("parent", parent.code()).query(Integer.class).single();
		if (next > 99) {
			throw new ConflictException("parent", "organization.industryFull", parent.code());
		}
		String code = parent.code() + "-I" + String.format("%02d", next);
		insert(code, validName, OrganizationKind.INDUSTRY, parent);
		events.publishEvent(new Audited("organization.addIndustryUnion", "organization", code, code, null,
				"name=" + validName + "; parent=" + parent.code()));
		return find(code, false);
	}

	/**
	 * Loads the streets and townships of a district from the NBS codes; those already
	 * there are kept as they are.
	 * @return how many were added
	 */
	public int loadStreets(String districtCode) {
		OrganizationRecord district = find(districtCode, true);
		admin(district);
		active(district);
		streetParent(district);
		int added = 0;
		for (List<String> row : streetRows()) {
			if (row.get(2).equals(district.code())) {
				added += jdbc.sql("""
						insert into organization (code, name, kind, parent_code, path)
						values (:code, :name, 'STREET', :parent, :path) on conflict (code) do nothing
						""")
					.param("code", row.get(0))
					.param("name", row.get(1) + "总工会")
					.param("parent", district.code())
					.param("path", district.path() + "/" + row.get(0))
					.update();
			}
		}
		if (added > 0) {
			events.publishEvent(new Audited("organization.loadStreets", "organization", district.code(),
					district.code(), null, "streetsAdded=" + added));
		}
		return added;
	}

	/** Adds a street by hand: its nine-digit code starts with the district's. */
	public OrganizationRecord addStreet(String districtCode, String code, String name) {
		OrganizationRecord district = find(districtCode, true);
		admin(district);
		List<Violation> violations = new ArrayList<>();
		String validCode = code == null ? "" : code.strip();
		if (validCode.isEmpty()) {
			violations.add(Violation.of("code", "validation.required"));
		}
		else if (!STREET_CODE.matcher(validCode).matches() || !validCode.startsWith(district.code())) {
			violations.add(Violation.of("code", "organization.streetCode", district.code()));
		}
		String validName = null;
		try {
			validName = name(name);
		}
		catch (InvalidInputException ex) {
			violations.addAll(ex.violations());
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		active(district);
		streetParent(district);
		if (jdbc.sql("select count(*) from organization where code = :code")
			.param("code", validCode)
			.query(Long.class)
			.single() > 0) {
			throw new ConflictException("code", "organization.codeTaken", validCode);
		}
		nameFree(district, validName, null);
		insert(validCode, validName, OrganizationKind.STREET, district);
		events.publishEvent(new Audited("organization.addStreet", "organization", validCode, validCode, null,
				"name=" + validName + "; parent=" + district.code()));
		return find(validCode, false);
	}

	public OrganizationRecord rename(String code, String name) {
		OrganizationRecord organization = find(code, true);
		Actor admin = admin(organization);
		String validName = name(name);
		active(organization);
		if (validName.equals(organization.name())) {
			throw new InvalidInputException(Violation.of("name", "organization.nameUnchanged"));
		}
		if (organization.parentCode() != null) {
			nameFree(find(organization.parentCode(), true), validName, organization.code());
		}
		jdbc.sql("update organization set name = :name where code = :code")
			.param("name", validName)
			.param("code", organization.code())
			.update();
		history(organization.code(), "RENAME", "name=" + organization.name(), "name=" + validName, admin);
		events.publishEvent(new Audited("organization.rename", "organization", organization.code(), organization.code(),
				"name=" + organization.name(), "name=" + validName));
		return find(organization.code(), false);
	}

	/**
	 * Merges district {@code code} into district {@code targetCode}: stations and child
	 * organisations move, the old district is kept as history.
	 */
	public OrganizationRecord merge(String code, String targetCode) {
		OrganizationRecord source = find(code, false);
		if (targetCode == null || targetCode.isBlank()) {
			throw new InvalidInputException(Violation.of("target", "validation.required"));
		}
		OrganizationRecord target = findOptional(targetCode.strip(), false).orElseThrow(
				() -> new InvalidInputException(Violation.of("target", "organization.unknown", targetCode.strip())));
		// Lock both rows in code order, so two merges of the same pair cannot deadlock.
		for (String locked : new String[] { min(source.code(), target.code()), max(source.code(), target.code()) }) {
			find(locked, true);
		}
		source = find(source.code(), false);
		target = find(target.code(), false);
		Actor admin = admin(source);
		if (source.code().equals(target.code())) {
			throw new InvalidInputException(Violation.of("target", "organization.mergeIntoSelf"));
		}
		if (target.path().startsWith(source.path() + "/")) {
			throw new InvalidInputException(Violation.of("target", "organization.mergeIntoDescendant"));
		}
		if (source.kind() != OrganizationKind.DISTRICT || target.kind() != OrganizationKind.DISTRICT) {
			throw new InvalidInputException(Violation.of("target", "organization.mergeKinds"));
		}
		active(source);
		if (!target.isActive()) {
			throw new ConflictException("target", "organization.merged", target.code(), target.mergedInto());
		}
		if (!admin.sees(target.path())) {
			throw new OutsideScopeException("target", "organization.outsideSubtree");
		}
		if (!Objects.equals(source.parentCode(), target.parentCode())
				&& !admin.organizationPath().equals(OrganizationTree.NATIONAL_CODE)) {
			throw new OutsideScopeException("target", "organization.mergeAcrossCities");
		}
		int children = jdbc.sql("""
				update organization
				set path = :targetPath || substr(path, length(:sourcePath) + 1),
				    parent_code = case when parent_code = :source then :target else parent_code end
				where path like :sourcePath || '/%'
				""")
			.param("source", source.code())
			.param("target", target.code())
			.param("sourcePath", source.path())
			.param("targetPath", target.path())
			.update();
		LocalDate today = LocalDate.now(clock.withZone(YizhanTime.ZONE));
		jdbc.sql(
				"update organization set status = 'MERGED', merged_into = :target, ended_on = :today where code = :code")
			.param("target", target.code())
			.param("today", today)
			.param("code", source.code())
			.update();
		events.publishEvent(new DistrictMerged(source.code(), target.code()));
		String before = "status=ACTIVE; name=" + source.name() + "; parent=" + source.parentCode();
		String after = "status=MERGED; mergedInto=" + target.code() + "; endedOn=" + today + "; organizationsMoved="
				+ children;
		history(source.code(), "MERGE", before, after, admin);
		history(target.code(), "ABSORB", "name=" + target.name(),
				"absorbed=" + source.code() + " (" + source.name() + "); organizationsMoved=" + children, admin);
		events.publishEvent(
				new Audited("organization.merge", "organization", source.code(), source.code(), before, after));
		return find(source.code(), false);
	}

	private void history(String code, String action, String before, String after, Actor admin) {
		jdbc.sql("""
				insert into organization_history (organization_code, action, before_summary, after_summary, username)
				values (:code, :action, :before, :after, :username)
				""")
			.param("code", code)
			.param("action", action)
			.param("before", before)
			.param("after", after)
			.param("username", admin.username())
			.update();
	}

	private void insert(String code, String name, OrganizationKind kind, OrganizationRecord parent) {
		jdbc.sql("""
				insert into organization (code, name, kind, parent_code, path)
				values (:code, :name, :kind, :parent, :path)
				""")
			.param("code", code)
			.param("name", name)
			.param("kind", kind.name())
			.param("parent", parent.code())
			.param("path", parent.path() + "/" + code)
			.update();
	}

	/** Only an ORG_ADMIN whose subtree holds the organisation changes it. */
	private static Actor admin(OrganizationRecord organization) {
		Actor admin = Callers.require(Role.ORG_ADMIN);
		if (!admin.sees(organization.path())) {
			throw new OutsideScopeException(null, "organization.outsideSubtree");
		}
		return admin;
	}

	private static void active(OrganizationRecord organization) {
		if (!organization.isActive()) {
			// no field: with the code as its first argument the (field, code, args)
			// constructor
			// would take the message key for a field's name
			throw new ConflictException(null, "organization.merged", organization.code(), organization.mergedInto());
		}
	}

	private static void streetParent(OrganizationRecord district) {
		if (district.kind() != OrganizationKind.DISTRICT) {
			throw new InvalidInputException(Violation.of("code", "organization.streetsUnderDistricts"));
		}
	}

	private static String name(String name) {
		String stripped = name == null ? "" : name.strip();
		if (stripped.isEmpty()) {
			throw new InvalidInputException(Violation.of("name", "validation.required"));
		}
		if (stripped.length() > MAX_NAME) {
			throw new InvalidInputException(Violation.of("name", "validation.tooLong", MAX_NAME));
		}
		if (CONTROL.matcher(stripped).find()) {
			throw new InvalidInputException(Violation.of("name", "validation.controlCharacters"));
		}
		return stripped;
	}

	/** No two active organisations under one parent share a name. */
	private void nameFree(OrganizationRecord parent, String name, String except) {
		long taken = jdbc.sql("""
				select count(*) from organization
				where parent_code = :parent and name = :name and status = 'ACTIVE' and code <> :except
				""")
			.param("parent", parent.code())
			.param("name", name)
			.param("except", except == null ? "" : except)
			.query(Long.class)
			.single();
		if (taken > 0) {
			throw new ConflictException("name", "organization.nameTaken", parent.name(), name);
		}
	}

	/**
	 * @param lock whether to lock the row until the transaction ends, so checks made on
	 * it hold when the change is written
	 */
	private OrganizationRecord find(String code, boolean lock) {
		return findOptional(code, lock).orElseThrow(() -> new NotFoundException("organization.notFound", code));
	}

	private Optional<OrganizationRecord> findOptional(String code, boolean lock) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("select " + COLUMNS + " from organization where code = :code" + (lock ? " for update" : ""))
			.param("code", code.strip())
			.query((rs, row) -> map(rs))
			.optional();
	}

	private static OrganizationRecord map(ResultSet rs) throws SQLException {
		return new OrganizationRecord(rs.getString("code"), rs.getString("name"),
				OrganizationKind.valueOf(rs.getString("kind")), rs.getString("parent_code"), rs.getString("path"),
				rs.getString("status"), rs.getString("merged_into"), rs.getObject("ended_on", LocalDate.class));
	}

	private static List<List<String>> streetRows() {
		try (var in = new ClassPathResource("divisions/streets.csv").getInputStream()) {
			List<List<String>> rows = Csv.read(in);
			return rows.subList(1, rows.size());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the street codes", ex);
		}
	}

	private static String min(String a, String b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	private static String max(String a, String b) {
		return a.compareTo(b) <= 0 ? b : a;
	}

}
