package org.yizhan.operations;

import java.time.LocalDate;

/**
 * A donation as it comes from a form or the API, checked by {@link Donations#record}.
 *
 * @param donorKind a {@link DonorKind} name
 * @param donor who gave it (1–60 characters)
 * @param name what was given (1–60 characters)
 * @param unit what the quantity counts (1–10 characters)
 * @param quantity how many (1–100,000)
 * @param donatedOn the day it arrived: today or up to 31 days back; {@code null} for
 * today
 */
public record DonationInput(String donorKind, String donor, String name, String unit, Integer quantity,
		LocalDate donatedOn) {

}
