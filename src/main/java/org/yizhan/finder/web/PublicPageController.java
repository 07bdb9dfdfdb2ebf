package org.yizhan.finder.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalLong;

import org.yizhan.calendar.HolidayCalendar;
import org.yizhan.calendar.LocalTimeRange;
import org.yizhan.calendar.OpenState;
import org.yizhan.calendar.OpeningHoursText;
import org.yizhan.calendar.OpeningSchedule;
import org.yizhan.finder.IndexedStation;
import org.yizhan.finder.StationActivities;
import org.yizhan.finder.StationBrands;
import org.yizhan.finder.NearbyQuery;
import org.yizhan.finder.NearbyStation;
import org.yizhan.finder.StationFinder;
import org.yizhan.finder.UpcomingActivity;
import org.yizhan.finder.web.PublicStationView.Day;
import org.yizhan.finder.web.PublicStationView.Entry;
import org.yizhan.finder.web.PublicStationView.NavigationLink;
import org.yizhan.finder.web.PublicStationView.State;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.web.MapTiles;
import org.yizhan.station.Amenity;
import org.yizhan.station.Station;
import org.yizhan.station.StationId;
import org.yizhan.station.StationLevel;
import org.yizhan.station.StationNotFoundException;
import org.yizhan.station.StationPhoto;
import org.yizhan.station.StationRegistry;
import org.yizhan.platform.web.PhotoResponses;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public pages workers open on their phones: the finder ({@code /}), which the
 * browser fills from the nearby API, and the page of a listed station with its photos.
 * Only stations in the finder's index, that is listed ones, are shown; anything else is
 * "not found".
 */
@Controller
class PublicPageController {

	static final int RADIUS_METERS = 5000;

	static final int LIMIT = 30;

	/** The finder's "24 h" filter works on the answer, so it asks for more answers. */
	static final int WIDE_LIMIT = 100;

	/** How far, and how many, stations a delisted station's page points to. */
	private static final double DELISTED_RADIUS_METERS = 5_000;

	private static final int DELISTED_ALTERNATIVES = 3;

	private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

	private final StationFinder finder;

	private final StationRegistry registry;

	private final HolidayCalendar holidays;

	private final MapTiles mapTiles;

	private final MessageSource messages;

	private final Clock clock;

	private final ObjectProvider<StationActivities> activities;

	private final ObjectProvider<StationBrands> brands;

	PublicPageController(StationFinder finder, StationRegistry registry, HolidayCalendar holidays, MapTiles mapTiles,
			MessageSource messages, Clock clock, ObjectProvider<StationActivities> activities,
			ObjectProvider<StationBrands> brands) {
		this.activities = activities;
		this.brands = brands;
		this.finder = finder;
		this.registry = registry;
		this.holidays = holidays;
		this.mapTiles = mapTiles;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/")
	String nearby(Model model, Locale locale) {
		model.addAttribute("mapTiles", mapTiles);
		model.addAttribute("chips", AmenityIcons.views(AmenityIcons.MOST_ASKED, locale));
		model.addAttribute("amenities", AmenityIcons.views(Arrays.asList(Amenity.values()), locale));
		model.addAttribute("radiusMeters", RADIUS_METERS);
		model.addAttribute("limit", LIMIT);
		model.addAttribute("wideLimit", WIDE_LIMIT);
		return "finder/nearby";
	}

	/**
	 * What the service worker shows for a public page it has no copy of while the phone
	 * is offline (a station not visited before), instead of the browser's own error page.
	 * It is kept once, at the worker's install, so it holds both languages; the worker
	 * marks it with the language of the page the visitor last saw.
	 */
	@GetMapping("/offline")
	String offline(Model model) {
		model.addAttribute("languages",
				List.of(offlineTexts(Locale.SIMPLIFIED_CHINESE, "zh-CN"), offlineTexts(Locale.ENGLISH, "en")));
		return "finder/offline";
	}

	private OfflineTexts offlineTexts(Locale locale, String tag) {
		return new OfflineTexts(tag, message("finder.offlinePage.title", locale),
				message("finder.offlinePage.body", locale), message("finder.offlinePage.saved", locale),
				message("finder.offlinePage.back", locale), message("finder.offlinePage.retry", locale));
	}

	/** The offline page's texts in one language ({@code tag} as in {@code lang}). */
	record OfflineTexts(String tag, String title, String body, String saved, String back, String retry) {
	}

	@GetMapping("/stations/{id}")
	String station(@PathVariable String id, Model model, Locale locale) {
		Optional<IndexedStation> inIndex = parse(id).flatMap(finder::findById);
		if (inIndex.isEmpty()) {
			return suspended(id, model, locale);
		}
		IndexedStation listed = inIndex.get();
		Station station = registry.findListed(StationId.of(listed.id()))
			.orElseThrow(() -> StationNotFoundException.byId(id));
		LocalDateTime now = LocalDateTime.now(clock.withZone(YizhanTime.ZONE));
		model.addAttribute("station",
				new PublicStationView(listed.id(), listed.code(), listed.name(), listed.address(), listed.phone(),
						station.details().description(), listed.openingHours(),
						OpeningHoursText.describe(listed.openingHours(), locale),
						AmenityIcons.views(listed.amenities(), locale),
						station.photos().stream().map(StationPhoto::id).toList(), state(listed, now, locale),
						entry(listed, station, now, locale), week(listed.schedule(), now.toLocalDate(), locale),
						navigation(listed, locale), grade(station, locale), finder.isUnverified(listed),
						confirmed(listed, locale)));
		List<UpcomingActivity> upcoming = new ArrayList<>();
		activities.orderedStream()
			.forEach(source -> upcoming.addAll(source.upcomingAt(listed.id(), now.toLocalDate(), locale)));
		model.addAttribute("activities", upcoming);
		model.addAttribute("brand",
				brands.orderedStream()
					.flatMap(source -> source.brandOf(listed.id()).stream())
					.findFirst()
					.orElse(null));
		return "finder/station";
	}

	/**
	 * The level and stars as the station's page shows them; none for a station not
	 * graded.
	 */
	private static String grade(Station station, Locale locale) {
		StationLevel level = station.details().level();
		int stars = station.details().stars();
		if (level == StationLevel.NONE && stars == 0) {
			return null;
		}
		return level.label(locale) + " · " + "★".repeat(stars);
	}

	/**
	 * A station closed for a while: a worker who kept its link, or reached it from a
	 * poster, reads why and until when, as on its rating page. Anything else not on the
	 * map is not found.
	 */
	private String suspended(String id, Model model, Locale locale) {
		Optional<Station> suspended = parse(id).map(StationId::of).flatMap(registry::findSuspended);
		if (suspended.isEmpty()) {
			return delisted(id, model, locale);
		}
		Station station = suspended.get();
		Station.Suspension suspension = station.suspension().orElseThrow();
		DateTimeFormatter date = DateTimeFormatter.ofPattern(message("finder.suspended.dateFormat", locale), locale);
		model.addAttribute("station",
				new SuspendedStationView(station.details().name(), station.details().address(), suspension.reason(),
						(suspension.expectedReopening() != null) ? date.format(suspension.expectedReopening()) : null));
		return "finder/suspended";
	}

	/**
	 * A station taken off the map for good: a worker who kept its link reads that it is
	 * closed and finds the nearest stations open now (or, at night, the nearest at all).
	 */
	private String delisted(String id, Model model, Locale locale) {
		Station station = parse(id).map(StationId::of)
			.flatMap(registry::findDelisted)
			.orElseThrow(() -> StationNotFoundException.byId(id));
		LocalDateTime now = LocalDateTime.now(clock.withZone(YizhanTime.ZONE));
		List<NearbyStation> nearest = finder.nearby(new NearbyQuery(station.details().location(),
				DELISTED_RADIUS_METERS, DELISTED_ALTERNATIVES, Set.of(), Set.of(), now));
		if (nearest.isEmpty()) {
			nearest = finder.nearby(new NearbyQuery(station.details().location(), DELISTED_RADIUS_METERS,
					DELISTED_ALTERNATIVES, Set.of(), Set.of(), null));
		}
		model.addAttribute("station",
				new DelistedStationView(station.details().name(), station.details().address(),
						nearest.stream()
							.map(found -> new Alternative(found.station().id(), found.station().name(),
									Math.round(found.distanceMeters()), state(found.station(), now, locale)))
							.toList()));
		return "finder/delisted";
	}

	/** What the page of a delisted station shows: where else to go. */
	record DelistedStationView(String name, String address, List<Alternative> nearest) {
	}

	/**
	 * A station near a delisted one, with its distance from it and whether it is open.
	 */
	record Alternative(long id, String name, long distanceMeters, State state) {
	}

	/** What the page of a suspended station shows. */
	record SuspendedStationView(String name, String address, String reason, String reopening) {
	}

	/** "today" or "3 days ago", as the finder's list says it. */
	private String confirmed(IndexedStation station, Locale locale) {
		OptionalLong days = finder.daysSinceConfirmed(station);
		if (days.isEmpty()) {
			return null;
		}
		return (days.getAsLong() == 0) ? message("finder.confirmedToday", locale)
				: message("finder.confirmedDaysAgo", locale, days.getAsLong());
	}

	/** Photos of listed stations only: a draft's photos are not public yet. */
	@GetMapping("/stations/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable String id, @PathVariable long photoId,
			@RequestParam(defaultValue = "false") boolean thumbnail) {
		IndexedStation listed = listed(id);
		return PhotoResponses.forEveryone(registry.readListedPhoto(StationId.of(listed.id()), photoId, thumbnail)
			.orElseThrow(() -> StationNotFoundException.photo(photoId)));
	}

	@ExceptionHandler(StationNotFoundException.class)
	ModelAndView notFound() {
		return new ModelAndView("finder/not-found", HttpStatus.NOT_FOUND);
	}

	private IndexedStation listed(String id) {
		return parse(id).flatMap(finder::findById).orElseThrow(() -> StationNotFoundException.byId(id));
	}

	private static Optional<Long> parse(String id) {
		try {
			return Optional.of(Long.parseLong(id));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private State state(IndexedStation station, LocalDateTime now, Locale locale) {
		OpenState state = finder.openState(station, now);
		return switch (state.status()) {
			case OPEN -> new State("OPEN", message("finder.open", locale),
					state.until() == null ? message("finder.allDayOpen", locale)
							: message("finder.until", locale, when(state.until(), now, locale)));
			case CLOSED -> new State("CLOSED", message("finder.closed", locale), state.nextOpen() == null ? ""
					: message("finder.opens", locale, when(state.nextOpen(), now, locale)));
			case UNKNOWN -> new State("UNKNOWN", message("finder.unknown", locale), "");
		};
	}

	/**
	 * "18:00" today, "tomorrow 08:00", otherwise the weekday: changes are at most a week
	 * away.
	 */
	private String when(LocalDateTime time, LocalDateTime now, Locale locale) {
		String clockTime = CLOCK.format(time);
		LocalDate day = time.toLocalDate();
		if (day.equals(now.toLocalDate())) {
			return clockTime;
		}
		if (day.equals(now.toLocalDate().plusDays(1))) {
			return message("finder.tomorrow", locale, clockTime);
		}
		return day.getDayOfWeek().getDisplayName(TextStyle.SHORT, locale) + " " + clockTime;
	}

	private Entry entry(IndexedStation station, Station registered, LocalDateTime now, Locale locale) {
		String hours = (registered.details().smartEntry() != null)
				? registered.details().smartEntry().unattendedHours().describe(locale) : null;
		return finder.entryState(station, now)
			.map(state -> new Entry(station.entryMethod().label(locale),
					state.isOpen() && !finder.entryOutOfOrder(station), hours, finder.entryOutOfOrder(station)))
			.orElse(null);
	}

	private List<Day> week(OpeningSchedule schedule, LocalDate today, Locale locale) {
		LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		List<Day> week = new ArrayList<>(7);
		for (LocalDate day = monday; week.size() < 7; day = day.plusDays(1)) {
			week.add(new Day(day.getDayOfWeek().getDisplayName(TextStyle.SHORT, locale), MONTH_DAY.format(day),
					hours(schedule, day, locale), day.equals(today), note(day, locale)));
		}
		return week;
	}

	private String hours(OpeningSchedule schedule, LocalDate day, Locale locale) {
		if (schedule.isUnknown()) {
			return message("finder.hours.unknown", locale);
		}
		List<LocalTimeRange> ranges = schedule.hoursOn(day, holidays);
		if (ranges.isEmpty()) {
			return message("finder.hours.closed", locale);
		}
		List<String> shown = new ArrayList<>(ranges.size());
		for (LocalTimeRange range : ranges) {
			if (range.from().equals(LocalTime.MIDNIGHT) && range.to().equals(LocalTime.MIDNIGHT) && range.nextDay()) {
				shown.add(message("finder.hours.allDay", locale));
			}
			else {
				String to = CLOCK.format(range.to());
				shown.add(CLOCK.format(range.from()) + "–" + (range.nextDay() && !range.to().equals(LocalTime.MIDNIGHT)
						? message("finder.hours.nextDay", locale, to) : range.nextDay() ? "24:00" : to));
			}
		}
		return String.join(", ", shown);
	}

	private String note(LocalDate day, Locale locale) {
		String name = holidays.holidayName(day).orElse("");
		if (holidays.isPublicHoliday(day)) {
			return message("finder.holiday", locale, name);
		}
		if (holidays.isMakeUpWorkday(day)) {
			return message("finder.makeUpWorkday", locale, name);
		}
		return null;
	}

	private List<NavigationLink> navigation(IndexedStation station, Locale locale) {
		List<NavigationLink> links = new ArrayList<>();
		for (Map.Entry<String, String> link : Navigation.links(station).entrySet()) {
			links.add(new NavigationLink(link.getKey(), message("finder.navigate." + link.getKey(), locale),
					link.getValue()));
		}
		return links;
	}

	private String message(String code, Locale locale, Object... args) {
		return messages.getMessage(code, args, locale);
	}

}
