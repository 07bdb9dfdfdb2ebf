package org.yizhan.operations;

import java.time.LocalDate;

/**
 * A new item as it comes from a form or the API, checked by {@link Supplies#addItem}.
 *
 * @param category a {@link SupplyCategory} name
 * @param name what it is (1–60 characters)
 * @param unit what the quantity counts (1–10 characters)
 * @param quantity how many are there (0–100,000)
 * @param threshold restock under this (0–100,000; 0 for never)
 * @param expiresOn when it expires: required for medicine, never in the past
 */
public record SupplyInput(String category, String name, String unit, Integer quantity, Integer threshold,
		LocalDate expiresOn) {

}
