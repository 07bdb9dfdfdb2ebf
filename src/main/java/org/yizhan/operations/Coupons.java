package org.yizhan.operations;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.station.Station;
import org.yizhan.station.StationId;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationTokens;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coupons (优惠券, issue 17 item 5): a funder (a company, a foundation, the host) pays for
 * something a station hands out, such as a cooling drink, for a range of days and up to a
 * number of redemptions. A worker redeems it with the station's QR code and the phone's
 * device id, as a check-in: at most once per phone, coupon and day, the phone standing as
 * a keyed hash kept only for that day ({@link VisitorDevices}); the redemption is counted
 * for the funder, never who redeemed. A second redemption the same day, one before or
 * after the coupon's days, one past its total, at another station or at a station not
 * listed is refused with its reason, and nothing is counted.
 *
 * <p>
 * Whoever sees a station reads its coupons; its station master, liaison, host and the
 * union admins over it offer them (audited).
 */
@Service
@Transactional
public class Coupons {

	public static final int MAX_TOTAL = 100_000;

	public static final int MAX_DAYS = 366;

	private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");

	private final DonationRepository repository;

	private final VisitorDevices devices;

	private final StationTokens tokens;

	private final StationRegistry registry;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Coupons(DonationRepository repository, VisitorDevices devices, StationTokens tokens, StationRegistry registry,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.devices = devices;
		this.tokens = tokens;
		this.registry = registry;
		this.events = events;
		this.clock = clock;
	}

	/** A station's coupons, those still running first: whoever sees the station. */
	@Transactional(readOnly = true)
	public List<Coupon> listFor(StationId station) {
		registry.getById(station);
		return repository.listCoupons(station.value(), today(), 200);
	}

	/**
	 * The coupons a worker can redeem today at the station of a QR code, without an
	 * account: running today with some left.
	 * @throws InvalidInputException for a bad token
	 */
	@Transactional(readOnly = true)
	public List<Coupon> listRedeemableAt(String token) {
		List<Violation> violations = new ArrayList<>();
		StationId at = tokens.stationOrRefusal(token == null ? null : token.strip(), "token", "visit", violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		LocalDate today = today();
		return repository.listCoupons(at.value(), today, 50)
			.stream()
			.filter(coupon -> coupon.runsOn(today) && coupon.remaining() > 0)
			.toList();
	}

	/** The name of the station of a QR code, for the worker's page. */
	@Transactional(readOnly = true)
	public String stationNameOf(String token) {
		List<Violation> violations = new ArrayList<>();
		StationId at = tokens.stationOrRefusal(token == null ? null : token.strip(), "token", "visit", violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return repository.findStation(at.value()).name();
	}

	/**
	 * Offers a coupon at a station in service.
	 * @throws InvalidInputException naming each bad field
	 * @throws ConflictException at a station not in service
	 */
	public Coupon offer(StationId stationId, CouponInput input) {
		Actor actor = Actor.required();
		Station station = registry.getById(stationId);
		if (Donations.KEEPERS.stream().noneMatch(actor::holds)) {
			throw new ForbiddenException("donation.forbidden");
		}
		List<Violation> violations = new ArrayList<>();
		String funder = Donations.text(input.funder(), "funder", 60, violations);
		String title = Donations.text(input.title(), "title", 40, violations);
		LocalDate today = today();
		if (input.startsOn() == null) {
			violations.add(Violation.of("startsOn", "validation.required"));
		}
		else if (input.startsOn().isBefore(today)) {
			violations.add(Violation.of("startsOn", "activity.startsOn.past"));
		}
		if (input.endsOn() == null) {
			violations.add(Violation.of("endsOn", "validation.required"));
		}
		else if (input.startsOn() != null) {
			if (input.endsOn().isBefore(input.startsOn())) {
				violations.add(Violation.of("endsOn", "activity.endsOn.beforeStart"));
			}
			else if (input.endsOn().isAfter(input.startsOn().plusDays(MAX_DAYS - 1L))) {
				violations.add(Violation.of("endsOn", "activity.endsOn.tooLong", MAX_DAYS));
			}
		}
		if (input.total() == null) {
			violations.add(Violation.of("total", "validation.required"));
		}
		else if (input.total() < 1 || input.total() > MAX_TOTAL) {
			violations.add(Violation.of("total", "donation.quantity.range", MAX_TOTAL));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		Donations.requireInService(station);
		long id = repository.insertCoupon(stationId.value(), funder, title, input.startsOn(), input.endsOn(),
				input.total(), clock.instant(), actor.username());
		events.publishEvent(new Audited("coupon.offer", "station", station.code().toString(),
				station.details().districtCode(), null, "coupon=" + id + "; funder=" + funder + "; title=" + title
						+ "; " + input.startsOn() + ".." + input.endsOn() + "; total=" + input.total()));
		return repository.findCoupon(id, today).orElseThrow();
	}

	/**
	 * A worker's redemption, without an account: the station's QR token proves the phone
	 * is at the coupon's station.
	 * @param couponId the coupon
	 * @param token the signed token of the station's QR code
	 * @param deviceId the phone's device id (the QR page's cookie)
	 * @throws NotFoundException for no such coupon
	 * @throws InvalidInputException for a bad token or device id, or a token of another
	 * station
	 * @throws ConflictException when the phone already redeemed it today, the coupon does
	 * not run today, is used up, or its station is not listed
	 */
	public Redemption redeem(long couponId, String token, String deviceId) {
		LocalDate today = today();
		Coupon coupon = repository.findCoupon(couponId, today)
			.orElseThrow(() -> new NotFoundException("coupon.notFound", couponId));
		List<Violation> violations = new ArrayList<>();
		StationId at = tokens.stationOrRefusal(token == null ? null : token.strip(), "token", "visit", violations);
		if (deviceId == null || deviceId.isBlank()) {
			violations.add(Violation.of("deviceId", "visit.deviceId.missing"));
		}
		else if (!DEVICE_ID.matcher(deviceId).matches()) {
			violations.add(Violation.of("deviceId", "visit.deviceId.invalid"));
		}
		if (at != null && at.value() != coupon.stationId()) {
			violations.add(Violation.of("token", "coupon.token.otherStation"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		DonationRepository.StationState station = repository.findStation(coupon.stationId());
		if (!"LISTED".equals(station.status())) {
			throw new ConflictException("token", "visit.notListed", station.name());
		}
		if (today.isBefore(coupon.startsOn())) {
			throw new ConflictException("couponId", "coupon.notYet", coupon.title(), coupon.startsOn());
		}
		if (today.isAfter(coupon.endsOn())) {
			throw new ConflictException("couponId", "coupon.ended", coupon.title(), coupon.endsOn());
		}
		if (!repository.guard(couponId, devices.hashForCoupons(deviceId), today)) {
			throw new ConflictException("deviceId", "coupon.redeemedToday", coupon.title());
		}
		if (!repository.countRedemption(couponId, today)) {
			// the guard row goes with this transaction's rollback: a used-up coupon keeps
			// no phone
			throw new ConflictException("couponId", "coupon.usedUp", coupon.title());
		}
		return new Redemption(couponId, coupon.title(), coupon.funder(), station.name(), today, coupon.remaining() - 1);
	}

	/** Forgets the phones of days that are over: a redemption guards its own day only. */
	@Scheduled(fixedDelayString = "${yizhan.operations.coupons.purge-interval:PT1H}",
			initialDelayString = "${yizhan.operations.coupons.purge-interval:PT1H}")
	public int purgeGuards() {
		return repository.purgeGuards(today());
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(YizhanTime.ZONE));
	}

}
