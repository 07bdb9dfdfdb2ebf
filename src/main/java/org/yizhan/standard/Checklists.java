package org.yizhan.standard;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.station.Amenity;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The standards unions set: reading checklists and the one in force for a union or
 * district, and the changes an admin of the owning union makes (a new checklist, a new
 * version, the assignment to a subtree).
 *
 * <p>
 * The rule that keeps a standard from being weakened from below: a union's assignment
 * must be the checklist in force above it or one that extends it, and an extension may
 * add items and tighten inherited ones but never drop them, make them optional, change
 * their evidence or lower their minimum (409 naming the item). Each change is one
 * transaction, published as {@link Audited}.
 */
@Service
@Transactional
public class Checklists {

	static final Pattern ITEM_CODE = Pattern.compile("[a-z][a-z0-9-]{0,39}");

	static final int MAX_ITEMS = 50;

	private final ChecklistRepository repository;

	private final OrganizationTree organizations;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Checklists(ChecklistRepository repository, OrganizationTree organizations, ApplicationEventPublisher events,
			Clock clock) {
		this.repository = repository;
		this.organizations = organizations;
		this.events = events;
		this.clock = clock;
	}

	/** Every checklist with its versions; standards are no secret to any account. */
	@Transactional(readOnly = true)
	public List<Checklist> listChecklists() {
		Actor.required();
		return repository.listAll();
	}

	/**
	 * One checklist with all its versions.
	 * @throws NotFoundException when there is none
	 */
	@Transactional(readOnly = true)
	public Checklist getById(long id) {
		Actor.required();
		return repository.findById(id).orElseThrow(() -> new NotFoundException("standard.notFound", id));
	}

	/** Which union has set which checklist, down the tree. */
	@Transactional(readOnly = true)
	public List<ChecklistAssignment> listAssignments() {
		Actor.required();
		Map<Long, Checklist> byId = repository.listAll()
			.stream()
			.collect(Collectors.toMap(Checklist::id, c -> c, (a, b) -> a, LinkedHashMap::new));
		return repository.listAssignments().stream().map(a -> {
			Checklist checklist = byId.get(a.checklistId());
			return new ChecklistAssignment(a.unionCode(), a.unionName(), a.checklistId(), checklist.nameZh(),
					checklist.nameEn(), a.assignedAt(), a.assignedBy());
		}).toList();
	}

	/**
	 * The standard in force for a union or district: the nearest assignment up the tree,
	 * its checklist's current items merged onto the ones it inherits. Empty where no
	 * union up the tree has set one (or the code is no union's). For the registry's gate
	 * and other modules' work without a caller as much as for people.
	 */
	@Transactional(readOnly = true)
	public Optional<ChecklistInForce> findInForce(String unionCode) {
		return organizations.findByCode(unionCode).flatMap(union -> inForceAt(union.path()));
	}

	Optional<ChecklistInForce> inForceAt(String path) {
		return repository.findNearestAbove(path).map(assignment -> {
			Checklist checklist = repository.findById(assignment.checklistId()).orElseThrow();
			return new ChecklistInForce(assignment.unionCode(), assignment.unionName(), checklist,
					itemsInForce(checklist, 0));
		});
	}

	/** The items a checklist puts in force: its base's (recursively), then its own. */
	private List<ChecklistInForce.Item> itemsInForce(Checklist checklist, int depth) {
		if (depth > 20) {
			throw new IllegalStateException("checklist " + checklist.id() + " extends too deep");
		}
		ChecklistVersion own = checklist.current();
		List<ChecklistInForce.Item> items = new ArrayList<>();
		Map<String, ChecklistItem> ownByCode = new LinkedHashMap<>();
		own.items().forEach(item -> ownByCode.put(item.code(), item));
		if (checklist.extendsId() != null) {
			Checklist base = repository.findById(checklist.extendsId()).orElseThrow();
			for (ChecklistInForce.Item inherited : itemsInForce(base, depth + 1)) {
				ChecklistItem tightened = ownByCode.remove(inherited.item().code());
				// an extension only ever tightens; should the base have become stricter
				// since,
				// the base's item stands
				if (tightened != null && tightened.weakens(inherited.item()).isEmpty()) {
					items.add(new ChecklistInForce.Item(tightened, own.id(), checklist.id()));
				}
				else {
					items.add(inherited);
				}
			}
		}
		ownByCode.values().forEach(item -> items.add(new ChecklistInForce.Item(item, own.id(), checklist.id())));
		return items;
	}

	/**
	 * A new checklist owned by {@code input.ownerCode()}, an admin's union or one below
	 * it. Where a standard is already in force there, the new one extends it: its items
	 * are additions, or tighten inherited ones (409 naming an item that would weaken
	 * one). It is in force nowhere until assigned.
	 */
	public Checklist create(ChecklistInput input) {
		Actor actor = requireAdmin();
		List<Violation> violations = new ArrayList<>();
		String ownerCode = trim(input.ownerCode());
		Optional<Organization> owner = ownerCode == null ? Optional.empty() : organizations.findByCode(ownerCode);
		if (ownerCode == null) {
			violations.add(Violation.of("ownerCode", "validation.required"));
		}
		else if (owner.isEmpty()) {
			violations.add(Violation.of("ownerCode", "standard.unknownUnion", ownerCode));
		}
		String nameZh = text(input.nameZh(), "nameZh", 100, violations);
		String nameEn = text(input.nameEn(), "nameEn", 100, violations);
		String source = text(input.source(), "source", 1000, violations);
		String note = optionalText(input.note(), "note", 500, violations);
		List<ChecklistItem> items = validate(input.items(), violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		Organization union = owner.orElseThrow();
		if (!actor.sees(union.path())) {
			throw new ForbiddenException("standard.forbidden.owner", union.code());
		}
		Optional<ChecklistInForce> base = inForceAt(union.path());
		base.ifPresent(standard -> requireNotWeakening(items, standard.items()));
		var now = clock.instant();
		long id = repository.insertChecklist(union.code(), nameZh, nameEn, source,
				base.map(standard -> standard.checklist().id()).orElse(null), now);
		repository.insertVersion(id, note, items, now, actor.username());
		Checklist created = repository.findById(id).orElseThrow();
		events.publishEvent(new Audited("standard.checklist.create", "checklist", String.valueOf(id), union.code(),
				null, summary(created)));
		return created;
	}

	/**
	 * A new version of a checklist with the full list of its own items: an admin of the
	 * owner's subtree. The owner may revise its own items as it sees fit; an extension
	 * may still not weaken what it inherits (409 naming the item).
	 * @param expectedNumber the version number the caller read, {@code null} not to check
	 */
	public Checklist addVersion(long id, Integer expectedNumber, List<ItemInput> itemInputs, String noteInput) {
		Actor actor = requireAdmin();
		Checklist checklist = lockForChange(id, actor);
		List<Violation> violations = new ArrayList<>();
		String note = optionalText(noteInput, "note", 500, violations);
		List<ChecklistItem> items = validate(itemInputs, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return saveVersion(checklist, expectedNumber, items, note, actor);
	}

	/**
	 * A new version with one item more: the console's "add an item", the current items
	 * kept as they are.
	 */
	public Checklist addItem(long id, Integer expectedNumber, ItemInput itemInput) {
		Actor actor = requireAdmin();
		Checklist checklist = lockForChange(id, actor);
		List<Violation> violations = new ArrayList<>();
		ChecklistItem item = validateItem(itemInput, "", violations);
		if (item != null && checklist.current().items().stream().anyMatch(i -> i.code().equals(item.code()))) {
			violations.add(Violation.of("code", "standard.item.duplicateCode", item.code()));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		List<ChecklistItem> items = new ArrayList<>(checklist.current().items());
		items.add(item);
		if (items.size() > MAX_ITEMS) {
			throw new InvalidInputException(Violation.of("items", "standard.items.tooMany", MAX_ITEMS));
		}
		return saveVersion(checklist, expectedNumber, items, null, actor);
	}

	private Checklist lockForChange(long id, Actor actor) {
		repository.lock(id);
		Checklist checklist = repository.findById(id).orElseThrow(() -> new NotFoundException("standard.notFound", id));
		String ownerPath = organizations.findByCode(checklist.ownerCode())
			.map(Organization::path)
			.orElse(checklist.ownerCode());
		if (!actor.sees(ownerPath)) {
			throw new ForbiddenException("standard.forbidden.owner", checklist.ownerCode());
		}
		return checklist;
	}

	private Checklist saveVersion(Checklist checklist, Integer expectedNumber, List<ChecklistItem> items, String note,
			Actor actor) {
		int current = checklist.current().number();
		if (expectedNumber != null && expectedNumber != current) {
			throw new ConflictException("version", "problem.staleVersion.detail", expectedNumber, current);
		}
		if (checklist.extendsId() != null) {
			Checklist base = repository.findById(checklist.extendsId()).orElseThrow();
			requireNotWeakening(items, itemsInForce(base, 0));
		}
		repository.insertVersion(checklist.id(), note, items, clock.instant(), actor.username());
		Checklist saved = repository.findById(checklist.id()).orElseThrow();
		events.publishEvent(new Audited("standard.checklist.addVersion", "checklist", String.valueOf(checklist.id()),
				checklist.ownerCode(), summary(checklist), summary(saved)));
		return saved;
	}

	/**
	 * Sets the checklist a union's subtree uses: an admin of the union's subtree. The
	 * checklist must be owned by the union or one above it, and must be (or extend) the
	 * standard in force above the union; the assignments below must still extend it.
	 */
	public ChecklistInForce assign(String unionCode, long checklistId) {
		Actor actor = requireAdmin();
		Organization union = organizations.findByCode(unionCode)
			.orElseThrow(() -> new NotFoundException("standard.unknownUnion", unionCode));
		if (!actor.sees(union.path())) {
			throw new ForbiddenException("standard.forbidden.union", union.code());
		}
		Checklist checklist = repository.findById(checklistId)
			.orElseThrow(() -> new NotFoundException("standard.notFound", checklistId));
		String ownerPath = organizations.findByCode(checklist.ownerCode())
			.map(Organization::path)
			.orElse(checklist.ownerCode());
		if (!(union.path().equals(ownerPath) || union.path().startsWith(ownerPath + "/"))) {
			throw new ConflictException("checklistId", "standard.assign.ownedElsewhere", checklist.nameZh(),
					checklist.nameEn(), union.name());
		}
		String parentPath = union.path().contains("/") ? union.path().substring(0, union.path().lastIndexOf('/'))
				: null;
		Optional<ChecklistInForce> above = parentPath == null ? Optional.empty() : inForceAt(parentPath);
		if (above.isPresent() && !lineage(checklist).contains(above.get().checklist().id())) {
			Checklist standing = above.get().checklist();
			throw new ConflictException("checklistId", "standard.assign.replaces", standing.nameZh(),
					above.get().assignedAtName(), standing.nameEn());
		}
		for (ChecklistRepository.Assignment below : repository.listBelow(union.path())) {
			Checklist lower = repository.findById(below.checklistId()).orElseThrow();
			if (!lineage(lower).contains(checklist.id())) {
				throw new ConflictException("checklistId", "standard.assign.strandsBelow", below.unionName(),
						lower.nameZh(), lower.nameEn());
			}
		}
		String before = repository.findNearestAbove(union.path())
			.filter(a -> a.unionCode().equals(union.code()))
			.map(a -> "checklist=" + a.checklistId())
			.orElse(null);
		repository.assign(union.code(), checklist.id(), clock.instant(), actor.username());
		events.publishEvent(new Audited("standard.checklist.assign", "checklist_assignment", union.code(), union.code(),
				before, "checklist=" + checklist.id() + "; name=" + checklist.nameZh()));
		return inForceAt(union.path()).orElseThrow();
	}

	/** The checklist's id and those of every checklist it extends. */
	private Set<Long> lineage(Checklist checklist) {
		Set<Long> ids = new HashSet<>();
		Checklist current = checklist;
		while (current != null && ids.add(current.id())) {
			current = current.extendsId() == null ? null : repository.findById(current.extendsId()).orElse(null);
		}
		return ids;
	}

	private static void requireNotWeakening(List<ChecklistItem> items, List<ChecklistInForce.Item> inherited) {
		Map<String, ChecklistItem> byCode = new LinkedHashMap<>();
		inherited.forEach(item -> byCode.put(item.item().code(), item.item()));
		for (ChecklistItem item : items) {
			ChecklistItem above = byCode.get(item.code());
			if (above != null) {
				item.weakens(above).ifPresent(way -> {
					throw new ConflictException("items", way, above.code(), above.textZh(), above.textEn(),
							plain(above.minimum()), plain(item.minimum()), above.unit() == null ? "" : above.unit());
				});
			}
		}
	}

	private static String plain(BigDecimal value) {
		return value == null ? "" : value.stripTrailingZeros().toPlainString();
	}

	private static Actor requireAdmin() {
		Actor actor = Actor.required();
		if (!actor.holds(Role.ORG_ADMIN)) {
			throw new ForbiddenException("standard.forbidden.manage");
		}
		return actor;
	}

	// ------------------------------------------------------------------ validation

	private static List<ChecklistItem> validate(List<ItemInput> inputs, List<Violation> violations) {
		if (inputs == null || inputs.isEmpty()) {
			violations.add(Violation.of("items", "standard.items.empty"));
			return List.of();
		}
		if (inputs.size() > MAX_ITEMS) {
			violations.add(Violation.of("items", "standard.items.tooMany", MAX_ITEMS));
			return List.of();
		}
		List<ChecklistItem> items = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < inputs.size(); i++) {
			String prefix = "items[" + i + "].";
			ChecklistItem item = validateItem(inputs.get(i), prefix, violations);
			if (item != null) {
				if (!codes.add(item.code())) {
					violations.add(Violation.of(prefix + "code", "standard.item.duplicateCode", item.code()));
				}
				items.add(item);
			}
		}
		return items;
	}

	/**
	 * One item, or {@code null} with its violations (fields named with {@code prefix}).
	 */
	static ChecklistItem validateItem(ItemInput input, String prefix, List<Violation> violations) {
		if (input == null) {
			violations.add(Violation.of(prefix.isEmpty() ? "item" : prefix.substring(0, prefix.length() - 1),
					"validation.required"));
			return null;
		}
		int before = violations.size();
		String code = trim(input.code());
		if (code == null) {
			violations.add(Violation.of(prefix + "code", "validation.required"));
		}
		else if (!ITEM_CODE.matcher(code).matches()) {
			violations.add(Violation.of(prefix + "code", "standard.item.code", code));
		}
		String textZh = text(input.textZh(), prefix + "textZh", 200, violations);
		String textEn = text(input.textEn(), prefix + "textEn", 200, violations);
		Evidence evidence = enumValue(Evidence.class, input.evidence(), prefix + "evidence", true, violations);
		Amenity amenity = enumValue(Amenity.class, input.amenity(), prefix + "amenity", false, violations);
		StationMeasure measure = enumValue(StationMeasure.class, input.measure(), prefix + "measure", false,
				violations);
		BigDecimal minimum = input.minimum();
		String unit = optionalText(input.unit(), prefix + "unit", 16, violations);
		if (evidence == Evidence.AMENITY && amenity == null && trim(input.amenity()) == null) {
			violations.add(Violation.of(prefix + "amenity", "standard.item.amenityRequired"));
		}
		if (evidence != null && evidence != Evidence.AMENITY && trim(input.amenity()) != null) {
			violations.add(Violation.of(prefix + "amenity", "standard.item.onlyForAmenity"));
		}
		if (evidence == Evidence.NUMBER) {
			if (minimum == null) {
				violations.add(Violation.of(prefix + "minimum", "standard.item.minimumRequired"));
			}
			else if (minimum.signum() < 0 || minimum.compareTo(BigDecimal.valueOf(10_000_000)) >= 0
					|| minimum.scale() > 2) {
				violations.add(Violation.of(prefix + "minimum", "standard.item.minimumRange"));
			}
		}
		else if (evidence != null) {
			if (minimum != null) {
				violations.add(Violation.of(prefix + "minimum", "standard.item.onlyForNumber"));
			}
			if (trim(input.measure()) != null) {
				violations.add(Violation.of(prefix + "measure", "standard.item.onlyForNumber"));
			}
			if (unit != null) {
				violations.add(Violation.of(prefix + "unit", "standard.item.onlyForNumber"));
			}
		}
		if (measure != null && unit != null && !unit.equals(measure.unit())) {
			violations.add(Violation.of(prefix + "unit", "standard.item.measureUnit", measure.unit()));
		}
		if (violations.size() > before) {
			return null;
		}
		return new ChecklistItem(code, textZh, textEn, evidence, amenity, minimum,
				measure != null ? measure.unit() : unit, measure, input.required() == null || input.required());
	}

	private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field, boolean required,
			List<Violation> violations) {
		String trimmed = trim(value);
		if (trimmed == null) {
			if (required) {
				violations.add(Violation.of(field, "validation.required"));
			}
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equalsIgnoreCase(trimmed)) {
				return constant;
			}
		}
		violations.add(Violation.of(field, "validation.unknownValue", trimmed,
				java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
		return null;
	}

	private static String text(String value, String field, int max, List<Violation> violations) {
		String trimmed = trim(value);
		if (trimmed == null) {
			violations.add(Violation.of(field, "validation.required"));
			return null;
		}
		if (trimmed.length() > max) {
			violations.add(Violation.of(field, "validation.tooLong", max));
			return null;
		}
		return trimmed;
	}

	private static String optionalText(String value, String field, int max, List<Violation> violations) {
		String trimmed = trim(value);
		if (trimmed != null && trimmed.length() > max) {
			violations.add(Violation.of(field, "validation.tooLong", max));
			return null;
		}
		return trimmed;
	}

	private static String trim(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	static String summary(Checklist checklist) {
		return "name=" + checklist.nameZh() + "; version=" + checklist.current().number() + "; items="
				+ checklist.current()
					.items()
					.stream()
					.map(item -> item.code() + (item.required() ? "" : "?")
							+ (item.minimum() == null ? "" : ">=" + plain(item.minimum())))
					.collect(Collectors.joining(" "));
	}

}
