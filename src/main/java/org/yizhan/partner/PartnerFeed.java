package org.yizhan.partner;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner API: what a partner's key reads, scoped to the programmes its partner takes
 * part in. A programme outside them is not found (404), exactly as an unknown one; the
 * answers hold stations and figures, never a comment, a host's contact or a person.
 */
@Service
@Transactional
public class PartnerFeed {

	public static final int MAX_CHANGES = 500;

	private final PartnerKeys keys;

	private final ProgrammeQueries queries;

	private final PartnerProgrammes programmes;

	PartnerFeed(PartnerKeys keys, ProgrammeQueries queries, PartnerProgrammes programmes) {
		this.keys = keys;
		this.queries = queries;
		this.programmes = programmes;
	}

	/** Thrown for a request without a live key: the handler answers 401. */
	public static class UnknownKeyException extends RuntimeException {

		UnknownKeyException() {
			super("no live partner key", null, false, false);
		}

	}

	/** The programmes of the key's partner. */
	public List<PartnerProgramme> programmes(String key) {
		long partner = partner(key);
		return this.queries.programmes(condition(), Map.of("keyPartner", partner));
	}

	/** A programme's stations and their status. */
	public List<ProgrammeStation> stations(String key, long programmeId) {
		programme(partner(key), programmeId);
		return this.queries.stations(programmeId);
	}

	/** A programme's figures over Beijing days (the last 30 without dates). */
	public ProgrammeFigures figures(String key, long programmeId, String from, String to) {
		programme(partner(key), programmeId);
		LocalDate[] period = this.programmes.period(from, to);
		return this.queries.figures(programmeId, period[0], period[1]);
	}

	/** A page of changes after {@code cursor} and the cursor to ask with next. */
	public record ChangePage(List<PartnerChange> changes, long next) {
	}

	/**
	 * The changes at the partner's programmes after {@code cursor} (0 for all), oldest
	 * first.
	 * @throws InvalidInputException for a negative cursor or a limit outside 1..500
	 */
	public ChangePage changes(String key, long cursor, int limit) {
		long partner = partner(key);
		if (cursor < 0) {
			throw new InvalidInputException(Violation.of("since", "partner.cursor.invalid"));
		}
		if (limit < 1 || limit > MAX_CHANGES) {
			throw new InvalidInputException(Violation.of("limit", "partner.limit.invalid", MAX_CHANGES));
		}
		List<PartnerChange> changes = this.queries.changes(condition(), Map.of("keyPartner", partner), cursor, limit);
		return new ChangePage(changes, changes.isEmpty() ? cursor : changes.get(changes.size() - 1).cursor());
	}

	private long partner(String key) {
		return this.keys.partnerOf(key).orElseThrow(UnknownKeyException::new);
	}

	private PartnerProgramme programme(long partner, long programmeId) {
		return this.queries.programme(programmeId, condition(), Map.of("keyPartner", partner))
			.orElseThrow(() -> new NotFoundException("partner.programme.notFound", programmeId));
	}

	private static String condition() {
		return "exists (select 1 from partner_programme pp where pp.programme_id = g.id and pp.partner_id = :keyPartner)";
	}

}
