package org.yizhan.finder.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yizhan.station.Amenity;

/**
 * The Bootstrap Icons drawing of each amenity on the public pages. Pages load each icon
 * as its own small SVG from the WebJar (about 1 KB) instead of the icon font (134 KB),
 * which a worker on 3G would wait for to see a dozen symbols.
 */
final class AmenityIcons {

	/** The amenities workers ask for most, offered as filter chips on the finder. */
	static final List<Amenity> MOST_ASKED = List.of(Amenity.TOILET, Amenity.MICROWAVE, Amenity.EBIKE_CHARGING,
			Amenity.DRINKING_WATER, Amenity.PHONE_CHARGING, Amenity.MEDICINE_KIT);

	private static final Map<Amenity, String> ICONS = new EnumMap<>(
			Map.ofEntries(Map.entry(Amenity.DRINKING_WATER, "droplet"), Map.entry(Amenity.HOT_WATER, "cup-hot"),
					Map.entry(Amenity.MICROWAVE, "fire"), Map.entry(Amenity.FRIDGE, "snow"),
					Map.entry(Amenity.TOILET, "badge-wc"), Map.entry(Amenity.SEATING, "lamp"),
					Map.entry(Amenity.AIR_CONDITIONING, "fan"), Map.entry(Amenity.HEATING, "thermometer-sun"),
					Map.entry(Amenity.PHONE_CHARGING, "phone-vibrate"), Map.entry(Amenity.EBIKE_CHARGING, "ev-station"),
					Map.entry(Amenity.BATTERY_SWAP, "battery-charging"), Map.entry(Amenity.WIFI, "wifi"),
					Map.entry(Amenity.MEDICINE_KIT, "capsule"), Map.entry(Amenity.FIRST_AID_AED, "heart-pulse"),
					Map.entry(Amenity.TOOL_KIT, "tools"), Map.entry(Amenity.UMBRELLA, "umbrella"),
					Map.entry(Amenity.BOOKS, "book"), Map.entry(Amenity.TV, "tv"), Map.entry(Amenity.LOCKERS, "lock"),
					Map.entry(Amenity.LEGAL_SERVICE, "briefcase"), Map.entry(Amenity.DISCOUNTED_MEALS, "egg-fried"),
					Map.entry(Amenity.HAIRCUT, "scissors"), Map.entry(Amenity.MOTHERS_ROOM, "person-hearts"),
					Map.entry(Amenity.WHEELCHAIR_ACCESS, "person-wheelchair")));

	private AmenityIcons() {
	}

	/**
	 * An amenity as a page shows it: its enum name for scripts, its label and its icon.
	 */
	record AmenityView(String name, String label, String iconUrl) {

		static AmenityView of(Amenity amenity, Locale locale) {
			return new AmenityView(amenity.name(), amenity.label(locale), AmenityIcons.iconUrl(amenity));
		}

	}

	static String iconUrl(Amenity amenity) {
		return "/webjars/bootstrap-icons/icons/" + ICONS.getOrDefault(amenity, "check-circle") + ".svg";
	}

	static List<AmenityView> views(Iterable<Amenity> amenities, Locale locale) {
		List<AmenityView> views = new ArrayList<>();
		amenities.forEach(amenity -> views.add(AmenityView.of(amenity, locale)));
		return List.copyOf(views);
	}

}
