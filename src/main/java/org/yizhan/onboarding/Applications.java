package org.yizhan.onboarding;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Paging;
import org.yizhan.platform.Violation;
import org.yizhan.platform.privacy.Masks;
import org.yizhan.platform.privacy.PersonalDataCipher;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.station.EvidencePhotos;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applications for new stations: a host sends one without an account (the public page or
 * {@code POST /api/v1/applications}) and follows it by its status link; the district's
 * reviewers and union admins read the applications of their subtree.
 *
 * <p>
 * A submission is checked whole before anything is written: every value, the site inside
 * its district's boundary (where one is on file), and each photo decoded and re-encoded
 * with no transaction open. Then one transaction finds or creates the host by its credit
 * code (and locks it, so two submissions of one host are judged one after the other),
 * refuses a second standing application for the same site of the same host (409), flags
 * possible duplicates (another application or a listed station within 50 m, the credit
 * code applied before), and stores the site, the contact (sealed), the application, its
 * photos, its first status, the applicant's mail and {@link ApplicationSubmitted}. A
 * refusal stores nothing.
 */
@Service
public class Applications {

	public static final int MIN_PHOTOS = 1;

	public static final int MAX_PHOTOS = 9;

	/** Within this of one of its host's sites, a site is that site. */
	public static final double SAME_SITE_METERS = 10;

	public static final int MAX_PAGE_SIZE = 200;

	private final ApplicationRepository repository;

	private final ApplicationValidator validator;

	private final OrganizationTree organizations;

	private final EvidencePhotos photos;

	private final PersonalDataCipher cipher;

	private final ApplicantMails mails;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	Applications(ApplicationRepository repository, ApplicationValidator validator, OrganizationTree organizations,
			EvidencePhotos photos, PersonalDataCipher cipher, ApplicantMails mails, ApplicationEventPublisher events,
			Clock clock, PlatformTransactionManager transactions) {
		this.repository = repository;
		this.validator = validator;
		this.organizations = organizations;
		this.photos = photos;
		this.cipher = cipher;
		this.mails = mails;
		this.events = events;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * What the applicant gets back.
	 *
	 * @param token the key to the status page and {@code GET
	 * /api/v1/applications/{token}}
	 * @param status where the application stands
	 */
	public record Receipt(ApplicationToken token, PublicApplicationStatus status) {
	}

	/**
	 * Submits an application.
	 * @param photos the scene photos' bytes as uploaded, 1 to 9
	 * @param statusUrlBase where the applicant reaches the public pages (the status link
	 * in the mail is this plus {@code /a/{token}})
	 * @throws InvalidInputException naming every field that is wrong, nothing stored
	 * @throws ConflictException when the host already has a standing application for the
	 * same site, nothing stored
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Receipt submit(ApplicationInput input, List<byte[]> photos, String statusUrlBase) {
		List<Violation> violations = new ArrayList<>();
		List<EvidencePhotos.Prepared> prepared = preparePhotos(photos, violations);
		ApplicationValidator.Checked checked = this.validator.check(input, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return this.transaction.execute(status -> store(checked, prepared, statusUrlBase));
	}

	private List<EvidencePhotos.Prepared> preparePhotos(List<byte[]> uploads, List<Violation> violations) {
		List<byte[]> given = (uploads != null) ? uploads.stream().filter(b -> b != null && b.length > 0).toList()
				: List.of();
		if (given.size() < MIN_PHOTOS || given.size() > MAX_PHOTOS) {
			// Counted before any is decoded: ten photos are refused without the work.
			violations.add(Violation.of("photos", "onboarding.photos.count", MIN_PHOTOS, MAX_PHOTOS, given.size()));
			return List.of();
		}
		List<EvidencePhotos.Prepared> prepared = new ArrayList<>();
		for (int i = 0; i < given.size(); i++) {
			try {
				prepared.add(this.photos.prepare(given.get(i), "photos[" + i + "]"));
			}
			catch (InvalidInputException ex) {
				violations.addAll(ex.violations());
			}
		}
		return prepared;
	}

	private Receipt store(ApplicationValidator.Checked checked, List<EvidencePhotos.Prepared> prepared,
			String statusUrlBase) {
		Instant now = now();
		ApplicationValidator.CheckedHost given = checked.host();
		ApplicationRepository.HostRow host = this.repository.lockOrCreateHost(given.creditCode(), given.name(),
				given.kind(), checked.district().code(), now);
		List<ApplicationRepository.NearSite> sameSite = this.repository.findSitesOfHostNear(host.id(),
				checked.location(), SAME_SITE_METERS);
		for (ApplicationRepository.NearSite site : sameSite) {
			if (!this.repository.listStandingApplicationsAt(site.siteId()).isEmpty()) {
				throw new ConflictException("site", "onboarding.site.sameSite", host.name(), Math.round(site.meters()));
			}
		}
		List<DuplicateFlag> flags = new ArrayList<>();
		if (!host.created()) {
			this.repository.listApplicationsOfHost(host.id())
				.forEach(other -> flags
					.add(new DuplicateFlag(DuplicateFlag.Kind.SAME_CREDIT_CODE, other, null, null, null)));
		}
		flags.addAll(this.repository.findApplicationsNear(checked.location(), DuplicateFlag.NEAR_METERS));
		flags.addAll(this.repository.findListedStationsNear(checked.location(), DuplicateFlag.NEAR_METERS));
		// A site of the host within 10 m whose applications were all withdrawn or
		// rejected
		// is the same place: applied for again, not a second site.
		long siteId = sameSite.isEmpty()
				? this.repository.insertSite(host.id(), checked.district().code(), checked.address(),
						checked.location(), checked.areaM2(), checked.floor(), checked.facingStreet(), now)
				: sameSite.get(0).siteId();
		long contactId = this.repository.insertContact(host.id(), checked.contactName(),
				this.cipher.seal(checked.contactPhone()), this.cipher.seal(checked.contactEmail()), now);
		ApplicationToken token = ApplicationToken.random();
		long id = this.repository.insertApplication(token, host.id(), siteId, contactId, checked.district().code(),
				checked.stationName(), checked.amenities(), checked.openingHours().value(), checked.buildMode(),
				checked.description(), !flags.isEmpty(), checked.areaChecked(), now);
		for (ApplicationValidator.CheckedHost coBuilder : checked.coBuilders()) {
			ApplicationRepository.HostRow row = this.repository.lockOrCreateHost(coBuilder.creditCode(),
					coBuilder.name(), coBuilder.kind(), checked.district().code(), now);
			this.repository.insertCoBuilder(id, row.id());
		}
		for (int i = 0; i < prepared.size(); i++) {
			String key = this.photos.store(prepared.get(i), this.repository::isPhotoInUse);
			this.repository.insertPhoto(id, i + 1, key);
		}
		for (DuplicateFlag flag : flags) {
			this.repository.insertFlag(id, flag);
		}
		this.repository.insertStatusChange(id, ApplicationStatus.SUBMITTED, now, null, null);
		PublicApplicationStatus status = this.repository.findStatus(token).orElseThrow();
		if (checked.contactEmail() != null) {
			ApplicantMails.Mail mail = this.mails.statusChanged(status, statusUrlBase + "/a/" + token.value());
			this.repository.insertMail(id, this.cipher.seal(checked.contactEmail()), mail.subject(), mail.body(), now);
		}
		this.events.publishEvent(new ApplicationSubmitted(id, checked.district().code(), !flags.isEmpty(), now));
		// Not audited: no account acts, and an entry would keep the applicant's address
		// for 180 days. The status history records the submission.
		return new Receipt(token, status);
	}

	/** A district an applicant may pick on the public form. */
	public record DistrictChoice(String code, String name) {
	}

	/**
	 * The districts the public form offers: those with a boundary on file, where a site
	 * can be checked to lie inside (the API takes any district).
	 */
	@Transactional(readOnly = true)
	public List<DistrictChoice> listDistrictChoices() {
		return this.repository.listDistrictsWithBoundary()
			.stream()
			.map(row -> new DistrictChoice(row[0], row[1]))
			.toList();
	}

	/** An application by its token, as its applicant sees it: no account needed. */
	@Transactional(readOnly = true)
	public Optional<PublicApplicationStatus> findStatus(String token) {
		return ApplicationToken.parse(token).flatMap(this.repository::findStatus);
	}

	/**
	 * The applications of the caller's subtree that match, newest first: for union admins
	 * and reviewers.
	 * @throws ForbiddenException for any other role
	 * @throws NotFoundException for a district filter outside the caller's subtree
	 */
	@Transactional(readOnly = true)
	public ApplicationPage list(ApplicationQuery query, int page, int size) {
		Actor actor = reader();
		List<Violation> violations = new ArrayList<>();
		Paging.check(page, size, MAX_PAGE_SIZE, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		String filterPath = null;
		if (query.districtCode() != null && !query.districtCode().isBlank()) {
			Organization filter = this.organizations.findByCode(query.districtCode().strip())
				.filter(org -> actor.sees(org.path()))
				.orElseThrow(() -> new NotFoundException("onboarding.organization.notFound", query.districtCode()));
			filterPath = filter.path();
		}
		return this.repository.search(query, actor.organizationPath(), filterPath, page, size);
	}

	/**
	 * An application of the caller's subtree, the contact masked.
	 * @throws ForbiddenException for a role that does not review applications
	 * @throws NotFoundException outside the caller's subtree
	 */
	@Transactional(readOnly = true)
	public Application get(long id) {
		Actor actor = reader();
		ApplicationRepository.ApplicationRow row = this.repository.findVisible(id, actor.organizationPath())
			.orElseThrow(() -> new NotFoundException("onboarding.application.notFound", id));
		Application a = row.application();
		return new Application(a.id(), a.host(), a.coBuilders(), a.contactName(),
				Masks.phone(this.cipher.open(row.phoneSealed())), Masks.email(this.cipher.open(row.emailSealed())),
				a.districtCode(), a.districtName(), a.address(), a.location(), a.areaM2(), a.floor(), a.facingStreet(),
				a.stationName(), a.amenities(), a.openingHours(), a.buildMode(), a.description(), a.status(),
				a.duplicate(), a.areaChecked(), a.flags(), a.photoCount(), a.submittedAt(), a.statusChangedAt(),
				a.history(), a.version());
	}

	/**
	 * A scene photo (1 to 9) of an application of the caller's subtree, or its thumbnail.
	 * @throws NotFoundException outside the subtree or for a photo it does not have
	 */
	@Transactional(readOnly = true)
	public byte[] readPhoto(long id, int position, boolean thumbnail) {
		get(id);
		return this.repository.findPhotoKey(id, position)
			.flatMap(key -> this.photos.read(key, thumbnail))
			.orElseThrow(() -> new NotFoundException("onboarding.photo.notFound", id, position));
	}

	/** Union admins and reviewers of the district or above read applications. */
	static Actor reader() {
		Actor actor = Actor.required();
		if (!actor.holds(Role.ORG_ADMIN) && !actor.holds(Role.REVIEWER)) {
			throw new ForbiddenException("onboarding.forbidden.read");
		}
		return actor;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
