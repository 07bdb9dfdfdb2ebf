package org.yizhan.standard;

import java.math.BigDecimal;

/**
 * One item as it arrives from a form or a request, not yet validated: the enums as text,
 * so that a wrong value is refused naming its field.
 */
public record ItemInput(String code, String textZh, String textEn, String evidence, String amenity, BigDecimal minimum,
		String unit, String measure, Boolean required) {
}
