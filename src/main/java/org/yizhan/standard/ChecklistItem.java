package org.yizhan.standard;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.yizhan.station.Amenity;

/**
 * One item of a checklist: what a station must have and the evidence that shows it.
 *
 * @param code the item's name within a standard, the same in every version and in the
 * checklists that extend it (how an extension names an inherited item it tightens)
 * @param amenity the amenity an {@link Evidence#AMENITY} item needs, {@code null}
 * otherwise
 * @param minimum the least figure a {@link Evidence#NUMBER} item accepts, {@code null}
 * otherwise
 * @param unit the minimum's unit ({@code m²}), {@code null} when it has none
 * @param measure the station's own figure a number item is judged by, {@code null} when
 * whoever judges records it
 * @param required whether a station that lacks it may not be listed
 */
public record ChecklistItem(String code, String textZh, String textEn, Evidence evidence, Amenity amenity,
		BigDecimal minimum, String unit, StationMeasure measure, boolean required) {

	public ChecklistItem {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(textZh, "textZh");
		Objects.requireNonNull(textEn, "textEn");
		Objects.requireNonNull(evidence, "evidence");
	}

	public String text(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? textEn : textZh;
	}

	/** Whether the item is judged from the station's own data rather than a record. */
	public boolean derivedFromStation() {
		return evidence == Evidence.AMENITY || (evidence == Evidence.NUMBER && measure != null);
	}

	/**
	 * How this item, declared by an extension, would weaken {@code inherited} (the same
	 * code in the standard it extends): the message key of the way, or empty when it asks
	 * at least as much. Tightening (optional to required, a higher minimum) is allowed.
	 */
	public Optional<String> weakens(ChecklistItem inherited) {
		if (inherited.required && !required) {
			return Optional.of("standard.weakens.optional");
		}
		if (inherited.evidence != evidence || !Objects.equals(inherited.amenity, amenity)
				|| !Objects.equals(inherited.measure, measure) || !Objects.equals(inherited.unit, unit)) {
			return Optional.of("standard.weakens.evidence");
		}
		if (inherited.minimum != null && (minimum == null || minimum.compareTo(inherited.minimum) < 0)) {
			return Optional.of("standard.weakens.minimum");
		}
		return Optional.empty();
	}

}
