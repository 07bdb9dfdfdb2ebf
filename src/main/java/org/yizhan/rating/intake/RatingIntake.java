package org.yizhan.rating.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.yizhan.calendar.HolidayCalendar;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.YizhanTime;
import org.yizhan.rating.HoldReason;
import org.yizhan.rating.IntakeBusyException;
import org.yizhan.rating.RatingCode;
import org.yizhan.rating.RatingInput;
import org.yizhan.rating.RatingReceipt;
import org.yizhan.rating.RatingStation;
import org.yizhan.rating.RatingStatus;
import org.yizhan.rating.TooManyRatingsException;
import org.yizhan.rating.Ratings;
import org.yizhan.station.StationId;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.yizhan.station.StationTokens;

/**
 * The intake behind {@link Ratings}: limits, validation, the copy of ratable stations and
 * the group-commit writer, in that order.
 */
@Service
class RatingIntake implements Ratings {

	private static final Duration UNAVAILABLE_RETRY = Duration.ofSeconds(5);

	private final StationTokens tokens;

	private final RatingValidator validator;

	private final RatingLimits limits;

	private final RatableStations stations;

	private final RatingWriter writer;

	private final HolidayCalendar holidays;

	private final AbuseProperties abuse;

	private final Duration acknowledgeTimeout;

	private final Clock clock;

	private final Counter counted;

	private final Counter held;

	private final Counter repeated;

	private final Counter limited;

	private final Counter invalid;

	private final Counter notTaking;

	private final Counter busy;

	RatingIntake(StationTokens tokens, RatingValidator validator, RatingLimits limits, RatableStations stations,
			RatingWriter writer, HolidayCalendar holidays, AbuseProperties abuse, IntakeProperties intake, Clock clock,
			MeterRegistry meters) {
		this.tokens = tokens;
		this.validator = validator;
		this.limits = limits;
		this.stations = stations;
		this.writer = writer;
		this.holidays = holidays;
		this.abuse = abuse;
		this.acknowledgeTimeout = intake.acknowledgeTimeout();
		this.clock = clock;
		// Every rating's answer, from the API and the rating page alike: the rate of
		// ratings
		// taken and why others were not, for the dashboard and the "intake refusing"
		// alert
		// (deploy/monitoring/). Counted here, where the answer is decided, as the writer
		// sees
		// only what got through.
		this.counted = accepted(meters, "counted");
		this.held = accepted(meters, "held");
		this.repeated = accepted(meters, "already_rated");
		this.limited = refused(meters, "limited");
		this.invalid = refused(meters, "invalid");
		this.notTaking = refused(meters, "not_taking");
		this.busy = refused(meters, "busy");
	}

	private static Counter accepted(MeterRegistry meters, String result) {
		return Counter.builder("yizhan.rating.accepted")
			.description("Ratings answered with a receipt: counted, held for review, or already rated today")
			.tag("result", result)
			.register(meters);
	}

	private static Counter refused(MeterRegistry meters, String reason) {
		return Counter.builder("yizhan.rating.refused")
			.description("Ratings refused: past a limit, invalid, station not taking ratings, or the intake busy")
			.tag("reason", reason)
			.register(meters);
	}

	/**
	 * What a scanned code leads to, for the rating page: never throws on a bad code.
	 */
	@Override
	public RatingCode openCode(String token) {
		StationTokens.Verdict verdict = tokens.open(token);
		if (verdict instanceof StationTokens.Refused refused) {
			return new RatingCode.Refused(switch (refused.reason()) {
				case MALFORMED -> RatingCode.Reason.MALFORMED;
				case FORGED -> RatingCode.Reason.FORGED;
				case EXPIRED -> RatingCode.Reason.EXPIRED;
			});
		}
		StationId id = ((StationTokens.Valid) verdict).station();
		return stations.find(id)
			.<RatingCode>map(station -> new RatingCode.Valid(station.summary()))
			.orElse(new RatingCode.Refused(RatingCode.Reason.UNKNOWN_STATION));
	}

	/**
	 * Takes a rating in; returns once it is committed (or known to be a repeat).
	 * @param clientAddress the address the request came from, for its rate limit
	 * @throws TooManyRatingsException past the limits of the address or the device
	 * @throws InvalidInputException for a bad token or value, naming each field
	 * @throws ConflictException when the station does not take ratings (suspended,
	 * delisted, not yet listed)
	 * @throws IntakeBusyException when the intake cannot take it now
	 */
	@Override
	public RatingReceipt submit(RatingInput input, String clientAddress) {
		RatingReceipt receipt;
		try {
			receipt = take(input, clientAddress);
		}
		catch (TooManyRatingsException ex) {
			limited.increment();
			throw ex;
		}
		catch (InvalidInputException ex) {
			invalid.increment();
			throw ex;
		}
		catch (ConflictException ex) {
			notTaking.increment();
			throw ex;
		}
		catch (IntakeBusyException ex) {
			busy.increment();
			throw ex;
		}
		switch (receipt.result()) {
			case COUNTED -> counted.increment();
			case HELD -> held.increment();
			case ALREADY_RATED -> repeated.increment();
		}
		return receipt;
	}

	private RatingReceipt take(RatingInput input, String clientAddress) {
		limits.admitAddress(clientAddress);
		ValidRating rating = validator.validate(input);
		limits.admitDevice(rating.deviceHash());
		RatableStation station = stations.find(rating.station())
			.orElseThrow(() -> new InvalidInputException(Violation.of("token", "rating.token.unknownStation")));
		requireTakesRatings(station.summary());
		Instant now = clock.instant();
		LocalDate day = LocalDate.ofInstant(now, YizhanTime.ZONE);
		Set<HoldReason> holds = EnumSet.noneOf(HoldReason.class);
		// The position is reduced to this one answer here and goes no further.
		Boolean near = (rating.location() == null) ? null
				: rating.location().distanceMeters(station.location()) <= NEAR_STATION_METERS;
		if (abuse.farAway().enabled() && Boolean.FALSE.equals(near)) {
			holds.add(HoldReason.FAR_AWAY);
		}
		if (abuse.outsideHours().enabled() && station.certainlyClosedAt(now, holidays)
				&& station.certainlyClosedAt(now.minus(abuse.outsideHours().grace()), holidays)) {
			holds.add(HoldReason.OUTSIDE_HOURS);
		}
		PendingRating pending = new PendingRating(rating.station().value(), day, now, rating.stars(), rating.tags(),
				rating.category(), rating.comment(), rating.deviceHash(), rating.fingerprintHash(), near, holds);
		WriteOutcome outcome = await(writer.submit(pending));
		return switch (outcome.kind()) {
			case STORED -> new RatingReceipt(
					outcome.status() == RatingStatus.COUNTED ? RatingReceipt.Result.COUNTED : RatingReceipt.Result.HELD,
					station.summary(), day);
			case ALREADY_RATED -> new RatingReceipt(RatingReceipt.Result.ALREADY_RATED, station.summary(), day);
			case NOT_LISTED -> throw notTakingRatings(rating.station(), station.summary());
		};
	}

	/**
	 * The writer found the station no longer listed, though this instance's copy said it
	 * was: the refusal of what the station is now, read again (and so corrected in the
	 * copy).
	 */
	private ConflictException notTakingRatings(StationId id, RatingStation asCached) {
		RatingStation now = stations.refresh(id).map(RatableStation::summary).orElse(asCached);
		ConflictException refusal = refusal(now);
		return (refusal != null) ? refusal : new ConflictException("token", "rating.station.suspended", now.name());
	}

	private static void requireTakesRatings(RatingStation station) {
		ConflictException refusal = refusal(station);
		if (refusal != null) {
			throw refusal;
		}
	}

	/** Why a station takes no ratings, kindly; {@code null} when it takes them. */
	private static ConflictException refusal(RatingStation station) {
		return switch (station.status()) {
			case LISTED -> null;
			case SUSPENDED -> (station.expectedReopening() == null)
					? new ConflictException("token", "rating.station.suspended", station.name())
					: new ConflictException("token", "rating.station.suspendedUntil", station.name(),
							station.expectedReopening().toString());
			case DELISTED -> new ConflictException("token", "rating.station.delisted", station.name());
			case DRAFT -> new ConflictException("token", "rating.station.notYetOpen", station.name());
		};
	}

	private WriteOutcome await(CompletableFuture<WriteOutcome> answer) {
		try {
			return answer.get(acknowledgeTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new IntakeBusyException("The database did not confirm the rating in time", UNAVAILABLE_RETRY, ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof IntakeBusyException busy) {
				throw busy;
			}
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException) {
				throw new IntakeBusyException("The database is out of reach", UNAVAILABLE_RETRY, cause);
			}
			throw new IllegalStateException("The rating could not be stored", cause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IntakeBusyException("Interrupted while waiting for the rating's commit", UNAVAILABLE_RETRY, ex);
		}
	}

}
