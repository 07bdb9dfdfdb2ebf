package org.yizhan.standard;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A standard stations are judged against (六有, 八有, a province's rule), owned by a union.
 *
 * <p>
 * It changes only by new versions: each holds the full list of the checklist's own items,
 * and the newest is current; the older ones stay readable because judgements name them. A
 * checklist that {@code extendsId} another was made by a lower union to add to the
 * standard in force above it: its versions hold only the additions (and inherited items
 * it tightens), the rest comes from the base's current version, so the base can never be
 * weakened from below ({@link ChecklistItem#weakens}).
 *
 * @param ownerCode the owning union's code
 * @param source where the standard comes from, to cite
 * @param extendsId the checklist it adds to, {@code null} for a standard of its own
 * @param versions newest first, never empty
 */
public record Checklist(long id, String ownerCode, String ownerName, String nameZh, String nameEn, String source,
		Long extendsId, Instant createdAt, List<ChecklistVersion> versions) {

	public Checklist {
		versions = List.copyOf(versions);
		if (versions.isEmpty()) {
			throw new IllegalArgumentException("a checklist has at least one version");
		}
	}

	/** The version in force. */
	public ChecklistVersion current() {
		return versions.get(0);
	}

	public String name(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
	}

}
