package org.yizhan.rating.web;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.rating.StationQrCodes;
import org.yizhan.rating.qr.PosterFont;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * The QR section of a station's console page and the poster card of an organisation's
 * page, each loaded into its page with htmx, and the same downloads as the API for the
 * signed-in session.
 */
@Controller
class QrConsoleController {

	private final QrDownloads downloads;

	private final StationQrCodes codes;

	private final PosterFont font;

	private final MessageSource messages;

	private final Clock clock;

	QrConsoleController(QrDownloads downloads, StationQrCodes codes, PosterFont font, MessageSource messages,
			Clock clock) {
		this.downloads = downloads;
		this.codes = codes;
		this.font = font;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * The station's code, its URL and its downloads for those who may print it; for
	 * others who see the station, who may.
	 */
	@GetMapping("/console/stations/{id}/qr")
	String section(@PathVariable String id, HttpServletRequest request, Model model) {
		StationQrCodes.Section section = this.downloads.section(id, request);
		model.addAttribute("section", section);
		model.addAttribute("missing",
				section.code().map((code) -> this.font.missing(code.stationName())).orElse(List.of()));
		model.addAttribute("rotationPassed",
				section.lastRotation()
					.map((rotation) -> !rotation.oldCodesExpire().isAfter(this.clock.instant()))
					.orElse(false));
		return "rating/console/qr :: station";
	}

	@GetMapping("/console/stations/{id}/qr.png")
	ResponseEntity<byte[]> png(@PathVariable String id, @RequestParam(required = false) Integer px,
			HttpServletRequest request) {
		return this.downloads.png(id, px, request);
	}

	@GetMapping("/console/stations/{id}/qr.svg")
	ResponseEntity<byte[]> svg(@PathVariable String id, HttpServletRequest request) {
		return this.downloads.svg(id, request);
	}

	@GetMapping("/console/stations/{id}/poster.pdf")
	ResponseEntity<byte[]> poster(@PathVariable String id, @RequestParam(required = false) String paper,
			HttpServletRequest request) {
		return this.downloads.poster(id, paper, request);
	}

	/**
	 * The bulk download of the organisation's posters, offered to its admins only; empty
	 * for everyone else.
	 */
	@GetMapping("/console/organizations/{code}/posters")
	String organization(@PathVariable String code, Model model) {
		model.addAttribute("posters", this.codes.countPosters(code));
		return "rating/console/qr :: organization";
	}

	@GetMapping("/console/organizations/{code}/posters.pdf")
	void posters(@PathVariable String code, @RequestParam(required = false) String paper, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		this.downloads.posters(code, paper, request, response);
	}

	@ExceptionHandler
	ModelAndView invalid(InvalidInputException ex) {
		StringBuilder text = new StringBuilder();
		for (Violation violation : ex.violations()) {
			if (!text.isEmpty()) {
				text.append("; ");
			}
			text.append(message("field." + violation.field(), new Object[0], violation.field()))
				.append(": ")
				.append(message(violation.code(), violation.args().toArray(), violation.code()));
		}
		return problem(HttpStatus.BAD_REQUEST, text.toString());
	}

	@ExceptionHandler
	ModelAndView conflict(ConflictException ex) {
		return problem(HttpStatus.CONFLICT, message(ex.messageCode(), ex.args(), ex.messageCode()));
	}

	private ModelAndView problem(HttpStatus status, String text) {
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		page.addObject("error", text);
		return page;
	}

	private String message(String code, Object[] args, String fallback) {
		return this.messages.getMessage(code, args, fallback, LocaleContextHolder.getLocale());
	}

}
