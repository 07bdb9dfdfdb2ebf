package org.yizhan.reporting.web;

import java.time.Clock;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.yizhan.platform.NotFoundException;
import org.yizhan.reporting.Dashboard;
import org.yizhan.reporting.DisplayTokens;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A union's control-room display (大屏), opened with a display token in its address: the
 * dashboard's figures large, refreshed by the page itself every minute (htmx polls the
 * figures part). No session is involved, so nothing times out; an unknown or revoked
 * token is answered 404 like an address that does not exist.
 */
@Controller
class DisplayController {

	/** How often the display reads its figures again, in seconds. */
	static final int REFRESH_SECONDS = 60;

	private final DisplayTokens displays;

	private final MessageSource messages;

	private final JsonMapper json;

	private final Clock clock;

	DisplayController(DisplayTokens displays, MessageSource messages, JsonMapper json, Clock clock) {
		this.clock = clock;
		this.displays = displays;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/display/{token}")
	String display(@PathVariable String token, HttpServletResponse response, Model model) {
		prepare(token, response, model);
		return "reporting/display";
	}

	@GetMapping("/display/{token}/figures")
	String figures(@PathVariable String token, HttpServletResponse response, Model model) {
		prepare(token, response, model);
		return "reporting/display :: figures";
	}

	private void prepare(String token, HttpServletResponse response, Model model) {
		Dashboard dashboard = this.displays.readDisplay(token)
			.orElseThrow(() -> new NotFoundException("reporting.display.unknown"));
		// the address is the credential: it must not leak through a Referer or a cache
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("X-Robots-Tag", "noindex");
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("view", new DashboardView(dashboard, this.messages, locale, this.json, null));
		model.addAttribute("union", dashboard.union());
		model.addAttribute("token", token);
		model.addAttribute("refreshSeconds", REFRESH_SECONDS);
		model.addAttribute("readAt", this.clock.instant());
	}

}
