package org.yizhan.rating;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures one rating adds up to, in the order of the columns of
 * {@code rating_figures} and of the SQL function {@code rating_figures_row} (V13): what
 * counts, stars and satisfied ratings overall, held and rejected ones, the same three per
 * worker category (and for ratings that name none), and one count per tag. A bucket of
 * figures is a {@code long[]} in this order, so the figures of a station (summed from the
 * rating table) and of a union (summed from the roll-up) are assembled by the same code.
 */
public final class FigureColumns {

	public static final int COUNTED = 0;

	public static final int STARS = 1;

	public static final int SATISFIED = 2;

	public static final int HELD = 3;

	public static final int REJECTED = 4;

	private static final int FIRST_CATEGORY = 5;

	private static final int UNSTATED = FIRST_CATEGORY + 3 * WorkerCategory.values().length;

	private static final int FIRST_TAG = UNSTATED + 3;

	public static final List<String> NAMES;

	static {
		List<String> names = new ArrayList<>(List.of("counted", "stars", "satisfied", "held", "rejected"));
		List<String> groups = new ArrayList<>();
		for (WorkerCategory category : WorkerCategory.values()) {
			groups.add(category.name().toLowerCase(Locale.ROOT));
		}
		groups.add("unstated");
		for (String group : groups) {
			names.add(group);
			names.add(group + "_stars");
			names.add(group + "_satisfied");
		}
		for (RatingTag tag : RatingTag.values()) {
			names.add("tag_" + tag.name().toLowerCase(Locale.ROOT));
		}
		NAMES = List.copyOf(names);
	}

	private FigureColumns() {
	}

	/**
	 * The column of the ratings that name {@code category} ({@code null}: none); its
	 * stars and satisfied ratings follow it.
	 */
	public static int category(WorkerCategory category) {
		return (category == null) ? UNSTATED : FIRST_CATEGORY + 3 * category.ordinal();
	}

	public static int tag(RatingTag tag) {
		return FIRST_TAG + tag.ordinal();
	}

	/** {@code sum(counted) as counted, ...}: every column summed under its own name. */
	static String sums(String alias) {
		StringBuilder sql = new StringBuilder();
		for (String name : NAMES) {
			if (!sql.isEmpty()) {
				sql.append(", ");
			}
			sql.append("sum(").append(alias).append('.').append(name).append(") as ").append(name);
		}
		return sql.toString();
	}

}
