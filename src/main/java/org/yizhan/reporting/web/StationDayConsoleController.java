package org.yizhan.reporting.web;

import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.yizhan.platform.YizhanTime;
import org.yizhan.reporting.StationDays;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A station master's day (我的驿站今日): their own stations' visits, ratings, cases, supplies
 * and door devices so far today, each linking to the page where it is acted on.
 */
@Controller
class StationDayConsoleController {

	private final StationDays days;

	private final java.time.Clock clock;

	StationDayConsoleController(StationDays days, java.time.Clock clock) {
		this.days = days;
		this.clock = clock;
	}

	@GetMapping("/console/my-day")
	String myDay(Model model) {
		model.addAttribute("days", this.days.forCaller());
		model.addAttribute("today", LocalDate.now(this.clock.withZone(YizhanTime.ZONE)));
		model.addAttribute("readAt",
				ZonedDateTime.now(this.clock.withZone(YizhanTime.ZONE)).toLocalTime().withSecond(0).withNano(0));
		model.addAttribute("expiryDays", StationDays.EXPIRY_DAYS);
		model.addAttribute("listed", StationDays.LISTED);
		return "reporting/console/my-day";
	}

}
