package org.yizhan.onboarding;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Programmes of new stations and their progress. A union admin sets one for a union of
 * the subtree; union admins and reviewers read those of their subtree and of the unions
 * above it, with the counts of the unions they see.
 */
@Service
@Transactional
public class Programmes {

	public static final int MAX_TARGET = 1_000_000;

	private final ProgrammeRepository repository;

	private final OrganizationTree organizations;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Programmes(ProgrammeRepository repository, OrganizationTree organizations, ApplicationEventPublisher events,
			Clock clock) {
		this.repository = repository;
		this.organizations = organizations;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A programme as a client sends it.
	 *
	 * @param startsOn {@code yyyy-MM-dd}, a Beijing date
	 * @param endsOn {@code yyyy-MM-dd}, included
	 */
	public record ProgrammeInput(String name, String union, Integer targetCount, String startsOn, String endsOn) {
	}

	/**
	 * Sets a programme: a union admin, for a union of the subtree.
	 * @throws InvalidInputException naming every wrong field
	 */
	public Programme create(ProgrammeInput input) {
		Actor actor = Actor.required();
		if (!actor.holds(Role.ORG_ADMIN)) {
			throw new ForbiddenException("onboarding.forbidden.programme");
		}
		List<Violation> violations = new ArrayList<>();
		String name = input.name() == null ? "" : input.name().strip();
		if (name.isEmpty()) {
			violations.add(Violation.of("name", "validation.required"));
		}
		else if (name.length() > 100) {
			violations.add(Violation.of("name", "onboarding.note.tooLong", 100));
		}
		Organization union = null;
		if (input.union() == null || input.union().isBlank()) {
			violations.add(Violation.of("union", "validation.required"));
		}
		else {
			union = this.organizations.findByCode(input.union().strip())
				.filter(org -> actor.sees(org.path()))
				.orElse(null);
			if (union == null) {
				violations.add(Violation.of("union", "onboarding.organization.notFound", input.union()));
			}
		}
		if (input.targetCount() == null || input.targetCount() < 1 || input.targetCount() > MAX_TARGET) {
			violations.add(Violation.of("targetCount", "onboarding.programme.target", MAX_TARGET));
		}
		LocalDate starts = date(input.startsOn(), "startsOn", violations);
		LocalDate ends = date(input.endsOn(), "endsOn", violations);
		if (starts != null && ends != null && ends.isBefore(starts)) {
			violations.add(Violation.of("endsOn", "onboarding.programme.endsBeforeStart"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		long id = this.repository.insert(name, union.code(), input.targetCount(), starts, ends, this.clock.instant());
		this.events.publishEvent(new Audited("onboarding.programme.create", "programme", Long.toString(id),
				union.code(), null, name + "; target=" + input.targetCount() + "; " + starts + ".." + ends));
		return this.repository.findVisible(id, actor.organizationPath()).orElseThrow();
	}

	/** The programmes the caller works on or towards. */
	@Transactional(readOnly = true)
	public List<Programme> list() {
		return this.repository.listVisible(Applications.reader().organizationPath());
	}

	/**
	 * A programme's progress: the total over the part of its subtree the caller sees, and
	 * one row per union directly below its union that the caller sees.
	 * @throws NotFoundException for a programme neither in nor above the caller's subtree
	 */
	@Transactional(readOnly = true)
	public ProgrammeProgress progress(long id) {
		Actor actor = Applications.reader();
		Programme programme = this.repository.findVisible(id, actor.organizationPath())
			.orElseThrow(() -> new NotFoundException("onboarding.programme.notFound", id));
		Organization union = this.organizations.findByCode(programme.unionCode()).orElseThrow();
		// Below the programme's union the caller counts its own part only.
		String totalPath = actor.sees(union.path()) ? union.path() : actor.organizationPath();
		ProgrammeProgress.Counts total = this.repository.count(totalPath, programme.startsOn(), programme.endsOn());
		List<ProgrammeProgress.UnionCounts> rows = new ArrayList<>();
		for (Organization child : this.organizations.listChildren(union.code())) {
			if (actor.sees(child.path())) {
				rows.add(new ProgrammeProgress.UnionCounts(child.code(), child.name(),
						this.repository.count(child.path(), programme.startsOn(), programme.endsOn())));
			}
		}
		return new ProgrammeProgress(programme, total, rows);
	}

	private static LocalDate date(String given, String field, List<Violation> violations) {
		if (given == null || given.isBlank()) {
			violations.add(Violation.of(field, "validation.required"));
			return null;
		}
		try {
			return LocalDate.parse(given.strip());
		}
		catch (DateTimeParseException ex) {
			violations.add(Violation.of(field, "onboarding.programme.date"));
			return null;
		}
	}

}
