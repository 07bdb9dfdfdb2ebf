package org.yizhan.finder.web;

import java.util.List;

import org.yizhan.finder.web.AmenityIcons.AmenityView;

/**
 * What the public page of a listed station shows, with every text already in the
 * visitor's language.
 *
 * @param openingHoursText the hours in words ("周一至周五 08:30–17:30，法定节假日休息")
 * @param state whether it is open now and when that changes
 * @param entry unattended entry of a smart station, {@code null} for staffed-only
 * stations
 * @param week this week's opening hours, Monday to Sunday
 * @param grade the level and stars its union decided ("市级 · 4★"), {@code null} for a
 * station not graded; read from the registry, so a grading decision shows at once
 * @param unverified shown as 待核实: held after workers' shut reports, or unconfirmed for 60
 * days
 * @param confirmed "3 天前核实" in the visitor's language; {@code null} when unknown
 */
record PublicStationView(long id, String code, String name, String address, String phone, String description,
		String openingHours, String openingHoursText, List<AmenityView> amenities, List<Long> photoIds, State state,
		Entry entry, List<Day> week, List<NavigationLink> navigation, String grade, boolean unverified,
		String confirmed) {

	/**
	 * The badge: {@code OPEN}, {@code CLOSED} or {@code UNKNOWN}, and when it changes.
	 */
	record State(String status, String label, String change) {
	}

	/**
	 * {@code hours}: the unattended hours in words; {@code outOfOrder}: its door devices
	 * are silent, so it is not available whatever the hours say.
	 */
	record Entry(String method, boolean availableNow, String hours, boolean outOfOrder) {
	}

	/**
	 * A row of the week table; {@code note} names a public holiday or a make-up workday.
	 */
	record Day(String dayName, String date, String hours, boolean today, String note) {
	}

	record NavigationLink(String app, String label, String url) {
	}

}
