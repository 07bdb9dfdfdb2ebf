package org.yizhan.operations.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.operations.CouponInput;
import org.yizhan.operations.Coupons;
import org.yizhan.operations.DonationInput;
import org.yizhan.operations.Donations;
import org.yizhan.operations.DonorKind;
import org.yizhan.organization.Actor;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.ConsoleMessages;
import org.yizhan.station.Station;
import org.yizhan.station.StationId;
import org.yizhan.station.StationRegistry;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's donated goods and coupons: a union's figures (what its stations received
 * and handed out, redemptions by funder), and a station's pages for its staff, made for
 * the station master's phone: the donations with a form to record how many were claimed
 * and one to record a new donation; the coupons with the offer form.
 */
@Controller
class DonationConsoleController {

	private final Donations donations;

	private final Coupons coupons;

	private final StationRegistry registry;

	private final ConsoleMessages messages;

	DonationConsoleController(Donations donations, Coupons coupons, StationRegistry registry,
			ConsoleMessages messages) {
		this.donations = donations;
		this.coupons = coupons;
		this.registry = registry;
		this.messages = messages;
	}

	/** The donation form as it comes from the page. */
	record DonationForm(String donorKind, String donor, String name, String unit, String quantity, String donatedOn) {

		static DonationForm empty() {
			return new DonationForm(DonorKind.HOST.name(), null, null, null, null, null);
		}

	}

	/** The coupon form as it comes from the page. */
	record CouponForm(String funder, String title, String startsOn, String endsOn, String total) {

		static CouponForm empty() {
			return new CouponForm(null, null, null, null, null);
		}

	}

	@GetMapping("/console/donations")
	String figures(@RequestParam(required = false) String union, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model, HttpServletResponse response) {
		Actor actor = Actor.required();
		model.addAttribute("union", union == null || union.isBlank() ? actor.organizationCode() : union.strip());
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("unionStaff", actor.isUnionStaff());
		if (actor.isUnionStaff()) {
			try {
				model.addAttribute("figures", donations.figures(union, VisitApiController.date("from", from),
						VisitApiController.date("to", to)));
			}
			catch (InvalidInputException ex) {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				model.addAttribute("problems", messages.lines(ex.violations()));
			}
		}
		return "operations/console/donations";
	}

	@GetMapping("/console/stations/{id}/donations")
	String station(@PathVariable String id, Model model) {
		return donationPage(VisitApiController.station(id), DonationForm.empty(), Map.of(), model);
	}

	@PostMapping("/console/stations/{id}/donations")
	String record(@PathVariable String id, @ModelAttribute DonationForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		StationId station = VisitApiController.station(id);
		try {
			donations.record(station, new DonationInput(form.donorKind(), form.donor(), form.name(), form.unit(),
					number(form.quantity(), "quantity"), VisitApiController.date("donatedOn", form.donatedOn())));
			redirect.addFlashAttribute("notice", "donation.recorded");
			return "redirect:/console/stations/" + station.value() + "/donations";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return donationPage(station, form, messages.byField(ex.violations()), model);
		}
		catch (ConflictException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return donationPage(station, form, Map.of("name", List.of(messages.text(ex))), model);
		}
	}

	@PostMapping("/console/donations/{donationId}/claims")
	String claims(@PathVariable String donationId, @RequestParam(required = false) String claims,
			@RequestParam long station, RedirectAttributes redirect) {
		try {
			donations.recordClaims(DonationApiController.id(donationId, "donation.notFound"), number(claims, "claims"));
			redirect.addFlashAttribute("notice", "donation.claimed");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problems", messages.lines(ex.violations()));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problems", List.of(messages.text(ex)));
		}
		return "redirect:/console/stations/" + station + "/donations";
	}

	@GetMapping("/console/stations/{id}/coupons")
	String coupons(@PathVariable String id, Model model) {
		return couponPage(VisitApiController.station(id), CouponForm.empty(), Map.of(), model);
	}

	@PostMapping("/console/stations/{id}/coupons")
	String offer(@PathVariable String id, @ModelAttribute CouponForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		StationId station = VisitApiController.station(id);
		try {
			coupons.offer(station,
					new CouponInput(form.funder(), form.title(), VisitApiController.date("startsOn", form.startsOn()),
							VisitApiController.date("endsOn", form.endsOn()), number(form.total(), "total")));
			redirect.addFlashAttribute("notice", "coupon.offered");
			return "redirect:/console/stations/" + station.value() + "/coupons";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return couponPage(station, form, messages.byField(ex.violations()), model);
		}
		catch (ConflictException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return couponPage(station, form, Map.of("title", List.of(messages.text(ex))), model);
		}
	}

	private String donationPage(StationId station, DonationForm form, Map<String, List<String>> errors, Model model) {
		stationHeader(station, model);
		model.addAttribute("donations", donations.listFor(station));
		model.addAttribute("mayKeep", donations.mayKeep(Actor.required()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("donorKinds", DonorKind.values());
		model.addAttribute("today", donations.today());
		return "operations/console/station-donations";
	}

	private String couponPage(StationId station, CouponForm form, Map<String, List<String>> errors, Model model) {
		stationHeader(station, model);
		model.addAttribute("coupons", coupons.listFor(station));
		model.addAttribute("mayKeep", donations.mayKeep(Actor.required()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("today", coupons.today());
		return "operations/console/station-coupons";
	}

	private void stationHeader(StationId station, Model model) {
		Station found = registry.getById(station);
		model.addAttribute("stationId", station.value());
		model.addAttribute("stationName", found.details().name());
		model.addAttribute("stationCode", found.code().toString());
	}

	private static Integer number(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(Violation.of(field, "donation.number.invalid"));
		}
	}

}
