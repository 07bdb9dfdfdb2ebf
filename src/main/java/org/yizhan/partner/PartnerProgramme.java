package org.yizhan.partner;

import java.time.LocalDate;
import java.util.List;

/**
 * One of onboarding's programmes as partners see it: its union, its period, its partners
 * and its brand ({@code null} for none yet).
 */
public record PartnerProgramme(long id, String name, String unionCode, LocalDate startsOn, LocalDate endsOn,
		List<String> partners, ProgrammeBrand brand) {

	public PartnerProgramme {
		partners = List.copyOf(partners);
	}

}
