package org.yizhan.standard;

import java.math.BigDecimal;

/**
 * What someone who judged a station found for one item; only the field the item's
 * evidence needs is read.
 *
 * @param yes for a yes/no item
 * @param number for a number item the station does not measure itself
 * @param photoId for a photo item: one of the station's photos that shows it
 */
public record ItemEvidence(String code, Boolean yes, BigDecimal number, Long photoId) {
}
