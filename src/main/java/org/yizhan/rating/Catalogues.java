package org.yizhan.rating;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tag and category names stored with a rating; a name no longer in the
 * catalogue is left out rather than failing a whole page.
 */
public final class Catalogues {

	private Catalogues() {
	}

	public static List<RatingTag> tags(List<String> names) {
		List<RatingTag> tags = new ArrayList<>();
		for (String name : names) {
			for (RatingTag tag : RatingTag.values()) {
				if (tag.name().equals(name)) {
					tags.add(tag);
				}
			}
		}
		return List.copyOf(tags);
	}

	/** The category named, {@code null} for none (or one no longer known). */
	public static WorkerCategory category(String name) {
		for (WorkerCategory category : WorkerCategory.values()) {
			if (category.name().equals(name)) {
				return category;
			}
		}
		return null;
	}

}
