package org.yizhan.onboarding.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.yizhan.onboarding.ApplicationInput;
import org.yizhan.onboarding.Applications;
import org.yizhan.onboarding.HostRegistry;
import org.yizhan.onboarding.PublicApplicationStatus;
import org.yizhan.onboarding.web.OnboardingRateLimits.TooManyApplicationRequestsException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.web.ApiController;
import org.yizhan.platform.web.PublicBaseUrl;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

/**
 * Applications without an account: a host submits one (the application as JSON and its
 * photos in one multipart request) and follows it by its token; union admins register
 * hosts and read them.
 */
@ApiController("/api/v1")
@Tag(name = "Applications", description = "驿站申请：商户无需登录提交申请（场地、设施、照片），凭链接查看进度；承建单位登记")
class ApplicationApiController {

	private final Applications applications;

	private final HostRegistry hosts;

	private final OnboardingRateLimits limits;

	private final PublicBaseUrl base;

	private final MessageSource messages;

	ApplicationApiController(Applications applications, HostRegistry hosts, OnboardingRateLimits limits,
			PublicBaseUrl base, MessageSource messages) {
		this.applications = applications;
		this.hosts = hosts;
		this.limits = limits;
		this.base = base;
		this.messages = messages;
	}

	@PostMapping(path = "/applications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Apply for a station (public, no account)",
			description = "Multipart: the part `application` (application/json: host, coBuilders, contact, site, "
					+ "stationName, amenities, openingHours, buildMode, description) and 1–9 parts `photos` (JPEG, "
					+ "PNG or WebP, each ≤ 5 MB; the whole request ≤ 9 MB). 201 with the status token and link; "
					+ "400 naming each wrong field, nothing stored; 409 for a second standing application of the "
					+ "same host for the same site; 429 past the per-address limit.")
	ResponseEntity<ApplicationJson.ReceiptJson> submit(@RequestPart("application") ApplicationInput application,
			@RequestPart(name = "photos", required = false) List<MultipartFile> photos, HttpServletRequest http) {
		this.limits.requireSubmission(http.getRemoteAddr());
		String publicBase = this.base.resolve(http);
		Applications.Receipt receipt = this.applications.submit(application, bytes(photos), publicBase);
		PublicApplicationStatus status = receipt.status();
		return ResponseEntity.created(URI.create("/api/v1/applications/" + receipt.token().value()))
			.cacheControl(CacheControl.noStore())
			.body(new ApplicationJson.ReceiptJson(receipt.token().value(), status.status().name(),
					status.status().label(LocaleContextHolder.getLocale()), ApplicationJson.time(status.submittedAt()),
					publicBase + "/a/" + receipt.token().value()));
	}

	@GetMapping("/applications/{token}")
	@Operation(summary = "An application's status, by its token (public)",
			description = "What the applicant sent it for and where it stands; nothing about other applications.")
	ResponseEntity<ApplicationJson.StatusJson> status(@PathVariable String token, HttpServletRequest http) {
		this.limits.requireLookup(http.getRemoteAddr());
		PublicApplicationStatus status = this.applications.findStatus(token)
			.orElseThrow(() -> new NotFoundException("onboarding.application.tokenNotFound"));
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(ApplicationJson.StatusJson.of(status, LocaleContextHolder.getLocale()));
	}

	/**
	 * A host as a union admin registers it.
	 *
	 * @param host credit code, name and kind (a host type)
	 * @param contact the first contact: name, phone, e-mail (optional)
	 */
	record HostRequest(ApplicationInput.HostInput host, ApplicationInput.ContactInput contact) {
	}

	@PostMapping("/hosts")
	@Operation(summary = "Register a host (union admins)",
			description = "201 with the host; 400 naming each wrong field (a credit code with a wrong check digit "
					+ "among them); 409 when a host with the credit code exists.")
	ResponseEntity<ApplicationJson.HostJson> registerHost(@RequestBody HostRequest request) {
		var host = this.hosts.register(request.host(), request.contact());
		return ResponseEntity.created(URI.create("/api/v1/hosts/" + host.id())).body(ApplicationJson.HostJson.of(host));
	}

	@GetMapping("/hosts/{id}")
	@Operation(summary = "A host (union admins and reviewers of its subtree)",
			description = "Contacts masked; only the sites in the caller's subtree.")
	ApplicationJson.HostJson host(@PathVariable long id) {
		return ApplicationJson.HostJson.of(this.hosts.get(id));
	}

	/** 429 with when to try again, in the caller's language. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooMany(TooManyApplicationRequestsException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, this.messages.getMessage(
				"onboarding.tooMany", new Object[] { ex.retryAfterMinutes() }, LocaleContextHolder.getLocale()));
		problem.setType(URI.create("https://yizhan.org/problems/too-many-requests"));
		problem.setTitle(this.messages.getMessage("problem.too-many-requests", null, LocaleContextHolder.getLocale()));
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.body(problem);
	}

	static List<byte[]> bytes(List<MultipartFile> files) {
		List<byte[]> photos = new ArrayList<>();
		if (files == null) {
			return photos;
		}
		for (MultipartFile file : files) {
			try {
				photos.add(file.getBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return photos;
	}

}
