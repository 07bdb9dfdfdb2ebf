package org.yizhan.inspection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Draws a campaign's sample: every station, or a share of each district's stations
 * (stratified, so that a district with few stations is not left out by chance), and
 * spreads it over the assignees' worklists.
 *
 * <p>
 * Reproducible: the stations are taken in id order and each district is shuffled by its
 * own generator seeded from the campaign's seed and the district's code, so the same seed
 * over the same stations draws the same sample on any machine and JVM
 * ({@link SplittableRandom} is specified to the bit), whatever order the database returns
 * the stations in and whichever other districts the subtree holds.
 */
final class StationSample {

	private StationSample() {
	}

	/** A drawn station and the worklist it goes to. */
	record Drawn(long stationId, String districtCode, long assigneeId) {
	}

	/**
	 * @param stationIds candidate stations, any order
	 * @param districts each candidate's district, parallel to {@code stationIds}
	 * @param percent 1–100 per district, {@code null} for all
	 * @param assigneeIds at least one
	 * @return the drawn stations by district code and id, spread over the assignees in
	 * turn
	 */
	static List<Drawn> draw(long[] stationIds, String[] districts, Integer percent, long seed, long[] assigneeIds) {
		Map<String, List<Long>> byDistrict = new TreeMap<>();
		for (int i = 0; i < stationIds.length; i++) {
			byDistrict.computeIfAbsent(districts[i], key -> new ArrayList<>()).add(stationIds[i]);
		}
		long[] assignees = assigneeIds.clone();
		Arrays.sort(assignees);
		List<Drawn> drawn = new ArrayList<>();
		int turn = 0;
		for (Map.Entry<String, List<Long>> district : byDistrict.entrySet()) {
			long[] ids = district.getValue().stream().mapToLong(Long::longValue).toArray();
			Arrays.sort(ids);
			int take = take(ids.length, percent);
			if (take < ids.length) {
				// a partial Fisher–Yates shuffle: the first `take` places hold a uniform
				// sample
				SplittableRandom random = new SplittableRandom(seed ^ mix(district.getKey()));
				for (int i = 0; i < take; i++) {
					int j = i + random.nextInt(ids.length - i);
					long swap = ids[i];
					ids[i] = ids[j];
					ids[j] = swap;
				}
				ids = Arrays.copyOf(ids, take);
				Arrays.sort(ids);
			}
			for (long id : ids) {
				drawn.add(new Drawn(id, district.getKey(), assignees[turn++ % assignees.length]));
			}
		}
		return drawn;
	}

	/** A district's share, rounded up so that every district with stations gets one. */
	static int take(int stations, Integer percent) {
		if (percent == null || percent >= 100) {
			return stations;
		}
		return (int) ((stations * (long) percent + 99) / 100);
	}

	/** A district code as 64 well-mixed bits (SplitMix64's finaliser over its digits). */
	private static long mix(String code) {
		long z = 0;
		for (int i = 0; i < code.length(); i++) {
			z = z * 31 + code.charAt(i);
		}
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

}
