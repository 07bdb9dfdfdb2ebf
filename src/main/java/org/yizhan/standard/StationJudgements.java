package org.yizhan.standard;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.station.Station;
import org.yizhan.station.StationId;
import org.yizhan.station.StationRegistry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Judging stations against the standard in force for their district: what a field visit
 * or an inspection records (the API later modules call), the assessment the listing gate
 * makes, and the report of listed stations that fall short.
 *
 * <p>
 * An item's evidence comes from the station where the registry holds it (an amenity, the
 * floor area or seats for a measured number item) and otherwise from what someone
 * recorded: the newest recorded answer per item counts. A stored judgement names the
 * checklist version in force when it was made and keeps its evidence, so a later version
 * changes nothing in it.
 */
@Service
@Transactional
public class StationJudgements {

	static final String RECORDED = "RECORDED";

	static final String LISTING = "LISTING";

	static final String ASSESSED = "ASSESSED";

	private static final Set<Role> JUDGES = Set.of(Role.ORG_ADMIN, Role.INSPECTOR, Role.REVIEWER);

	private final Checklists checklists;

	private final JudgementRepository repository;

	private final StationRegistry registry;

	private final OrganizationTree organizations;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StationJudgements(Checklists checklists, JudgementRepository repository, StationRegistry registry,
			OrganizationTree organizations, ApplicationEventPublisher events, Clock clock) {
		this.checklists = checklists;
		this.repository = repository;
		this.registry = registry;
		this.organizations = organizations;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records what someone found at a station, item by item, against the standard in
	 * force for its district: a union admin, inspector or reviewer who sees the station.
	 * Items the station's own data decide (amenities, measured figures) are taken from
	 * it; an item left out is recorded as unanswered, not met.
	 * @throws ConflictException when no standard is in force for the station's district
	 */
	public StationJudgement judge(StationId id, List<ItemEvidence> evidence) {
		Actor actor = Actor.required();
		Station station = registry.getById(id);
		if (JUDGES.stream().noneMatch(actor::holds)) {
			throw new ForbiddenException("standard.forbidden.judge");
		}
		String district = station.details().districtCode();
		ChecklistInForce standard = checklists.findInForce(district)
			.orElseThrow(() -> new ConflictException("station", "standard.judge.noStandard",
					organizations.findByCode(district).map(Organization::name).orElse(district)));
		Map<String, JudgementRepository.Recorded> found = validate(evidence, standard, station);
		StationJudgement judged = judgeFacts(standard, facts(station), found, RECORDED, clock.instant(),
				actor.username());
		long judgementId = repository.insert(judged);
		events.publishEvent(new Audited("standard.station.judge", "station", station.code().toString(), district, null,
				"judgement=" + judgementId + "; " + verdict(judged)));
		return repository.listFor(id.value()).stream().filter(j -> j.id() == judgementId).findFirst().orElseThrow();
	}

	/** A station's stored judgements, newest first: whoever sees the station. */
	@Transactional(readOnly = true)
	public List<StationJudgement> listFor(StationId id) {
		registry.getById(id);
		return repository.listFor(id.value());
	}

	/**
	 * How a station stands against the standard in force for its district now, from its
	 * own data and the newest recorded evidence, without storing anything; empty where no
	 * standard is in force.
	 */
	@Transactional(readOnly = true)
	public Optional<StationJudgement> assess(Station station) {
		return checklists.findInForce(station.details().districtCode())
			.map(standard -> judgeFacts(standard, facts(station),
					repository.listRecorded(List.of(station.id().value())).getOrDefault(station.id().value(), Map.of()),
					ASSESSED, clock.instant(), Actor.current().map(Actor::username).orElse("system")));
	}

	/** Keeps the assessment a station was listed under. */
	void recordListing(StationJudgement assessed) {
		StationJudgement listing = new StationJudgement(null, assessed.stationId(), assessed.against(), LISTING,
				assessed.judgedAt(), assessed.judgedBy(), assessed.items());
		repository.insert(listing);
	}

	/**
	 * The listed stations the caller sees in a union's subtree that do not meet the
	 * standard in force for their district, by code. Listed before the standard (or
	 * before the version that raised the bar), they are reported, never delisted here.
	 */
	@Transactional(readOnly = true)
	public List<StationShortfall> listShortfalls(String unionCode) {
		Actor actor = Actor.required();
		String code = unionCode == null || unionCode.isBlank() ? actor.organizationCode() : unionCode.strip();
		Organization union = organizations.findByCode(code)
			.orElseThrow(() -> new InvalidInputException(Violation.of("union", "standard.unknownUnion", code)));
		List<JudgementRepository.StationFacts> stations = repository.listListedUnderStandards(union.path(),
				registry.visibleStations());
		Map<Long, Map<String, JudgementRepository.Recorded>> recorded = repository
			.listRecorded(stations.stream().map(JudgementRepository.StationFacts::stationId).toList());
		Map<String, Optional<ChecklistInForce>> byDistrict = new HashMap<>();
		Instant now = clock.instant();
		List<StationShortfall> shortfalls = new ArrayList<>();
		for (JudgementRepository.StationFacts station : stations) {
			Optional<ChecklistInForce> standard = byDistrict.computeIfAbsent(station.districtCode(),
					checklists::findInForce);
			if (standard.isEmpty()) {
				continue;
			}
			StationJudgement judged = judgeFacts(standard.get(), station,
					recorded.getOrDefault(station.stationId(), Map.of()), ASSESSED, now, actor.username());
			if (!judged.met()) {
				shortfalls.add(new StationShortfall(station.stationId(), station.code(), station.name(),
						station.districtCode(), judged.against(),
						judged.unmetRequired().stream().map(StationJudgement.JudgedItem::item).toList()));
			}
		}
		return shortfalls;
	}

	// ------------------------------------------------------------------ judging

	static StationJudgement judgeFacts(ChecklistInForce standard, JudgementRepository.StationFacts station,
			Map<String, JudgementRepository.Recorded> recorded, String purpose, Instant now, String by) {
		List<StationJudgement.JudgedItem> items = new ArrayList<>();
		for (ChecklistInForce.Item inForce : standard.items()) {
			ChecklistItem item = inForce.item();
			JudgementRepository.Recorded answer = recorded.get(item.code());
			items.add(switch (item.evidence()) {
				case AMENITY -> {
					boolean present = station.amenities().contains(item.amenity());
					yield new StationJudgement.JudgedItem(item, inForce.versionId(), null, null, null, present,
							present);
				}
				case NUMBER -> {
					BigDecimal value = item.measure() != null ? item.measure().of(station.areaM2(), station.seats())
							: answer == null ? null : answer.number();
					yield new StationJudgement.JudgedItem(item, inForce.versionId(), null, value, null, null,
							value != null && value.compareTo(item.minimum()) >= 0);
				}
				case YES_NO -> {
					Boolean yes = answer == null ? null : answer.yes();
					yield new StationJudgement.JudgedItem(item, inForce.versionId(), yes, null, null, null,
							Boolean.TRUE.equals(yes));
				}
				case PHOTO -> {
					Long photo = answer == null ? null : answer.photoId();
					yield new StationJudgement.JudgedItem(item, inForce.versionId(), null, null, photo, null,
							photo != null);
				}
			});
		}
		Checklist checklist = standard.checklist();
		return new StationJudgement(
				null, station.stationId(), new StationJudgement.JudgedAgainst(checklist.id(), checklist.nameZh(),
						checklist.nameEn(), standard.version().id(), standard.version().number()),
				purpose, now, by, items);
	}

	static JudgementRepository.StationFacts facts(Station station) {
		return new JudgementRepository.StationFacts(station.id().value(), station.code().toString(),
				station.details().name(), station.details().districtCode(), station.details().amenities(),
				station.details().areaM2(), station.details().seats());
	}

	private static Map<String, JudgementRepository.Recorded> validate(List<ItemEvidence> evidence,
			ChecklistInForce standard, Station station) {
		Map<String, ChecklistItem> items = new HashMap<>();
		standard.items().forEach(item -> items.put(item.item().code(), item.item()));
		List<Violation> violations = new ArrayList<>();
		Map<String, JudgementRepository.Recorded> found = new HashMap<>();
		Set<String> seen = new HashSet<>();
		List<ItemEvidence> given = evidence == null ? List.of() : evidence;
		for (int i = 0; i < given.size(); i++) {
			String field = "evidence[" + i + "].";
			ItemEvidence answer = given.get(i);
			String code = answer == null || answer.code() == null ? null : answer.code().strip();
			ChecklistItem item = code == null ? null : items.get(code);
			if (code == null || code.isEmpty()) {
				violations.add(Violation.of(field + "code", "validation.required"));
				continue;
			}
			if (item == null) {
				violations.add(Violation.of(field + "code", "standard.judge.unknownItem", code,
						String.join(", ", items.keySet().stream().sorted().toList())));
				continue;
			}
			if (!seen.add(code)) {
				violations.add(Violation.of(field + "code", "standard.item.duplicateCode", code));
				continue;
			}
			if (item.derivedFromStation()) {
				violations.add(Violation.of(field + "code", "standard.judge.derived", code));
				continue;
			}
			switch (item.evidence()) {
				case YES_NO -> {
					if (answer.yes() == null) {
						violations.add(Violation.of(field + "yes", "validation.required"));
					}
				}
				case NUMBER -> {
					if (answer.number() == null) {
						violations.add(Violation.of(field + "number", "validation.required"));
					}
					else if (answer.number().signum() < 0
							|| answer.number().compareTo(BigDecimal.valueOf(10_000_000)) >= 0
							|| answer.number().scale() > 2) {
						violations.add(Violation.of(field + "number", "standard.item.minimumRange"));
					}
				}
				case PHOTO -> {
					if (answer.photoId() == null) {
						violations.add(Violation.of(field + "photoId", "validation.required"));
					}
					else if (station.findPhoto(answer.photoId()).isEmpty()) {
						violations
							.add(Violation.of(field + "photoId", "standard.judge.notStationPhoto", answer.photoId()));
					}
				}
				default -> {
				}
			}
			found.put(code,
					new JudgementRepository.Recorded(item.evidence() == Evidence.YES_NO ? answer.yes() : null,
							item.evidence() == Evidence.NUMBER ? answer.number() : null,
							item.evidence() == Evidence.PHOTO ? answer.photoId() : null));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return found;
	}

	static String verdict(StationJudgement judged) {
		return "checklist=" + judged.against().checklistId() + "; version=" + judged.against().versionNumber()
				+ "; met=" + judged.met() + "; unmet="
				+ judged.unmetRequired().stream().map(item -> item.item().code()).collect(Collectors.joining(" "));
	}

}
