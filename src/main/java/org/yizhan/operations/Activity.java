package org.yizhan.operations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A union's activity at one or many stations with its dates and the attendance counted at
 * each.
 *
 * @param id its id
 * @param unionCode the union that published it
 * @param unionName its name
 * @param kind what kind
 * @param title its title
 * @param description what happens, optional
 * @param startsOn its first day (Asia/Shanghai)
 * @param endsOn its last day
 * @param stations where, with the attendance counted at each
 * @param createdBy who published it
 * @param createdAt when
 */
public record Activity(long id, String unionCode, String unionName, ActivityKind kind, String title, String description,
		LocalDate startsOn, LocalDate endsOn, List<Place> stations, String createdBy, Instant createdAt) {

	public Activity {
		stations = List.copyOf(stations);
	}

	/** The attendance over every station. */
	public long attendance() {
		return this.stations.stream().mapToLong(Place::attendance).sum();
	}

	/**
	 * A station of the activity.
	 *
	 * @param stationId the station
	 * @param code its code
	 * @param name its name
	 * @param attendance the workers who took part there, as its staff counted them
	 */
	public record Place(long stationId, String code, String name, int attendance) {
	}

}
