package org.yizhan.onboarding.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.yizhan.onboarding.Host;
import org.yizhan.onboarding.PublicApplicationStatus;
import org.yizhan.platform.YizhanTime;

/** The JSON shapes of the onboarding API. */
final class ApplicationJson {

	private ApplicationJson() {
	}

	/** What the applicant gets back: the key to keep and where to follow it. */
	record ReceiptJson(String token, String status, String statusLabel, OffsetDateTime submittedAt, String statusUrl) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record StepJson(String status, String statusLabel, OffsetDateTime at, String note) {
	}

	/** An application as its applicant reads it: nothing of other applications. */
	record StatusJson(String stationName, String hostName, String district, String address, String status,
			String statusLabel, OffsetDateTime submittedAt, List<StepJson> history) {

		static StatusJson of(PublicApplicationStatus status, Locale locale) {
			return new StatusJson(status.stationName(), status.hostName(), status.districtName(), status.address(),
					status.status().name(), status.status().label(locale), time(status.submittedAt()),
					status.history()
						.stream()
						.map(step -> new StepJson(step.status().name(), step.status().label(locale), time(step.at()),
								step.note()))
						.toList());
		}

	}

	record ContactJson(String name, String phone, String email) {
	}

	record SiteJson(long id, String district, String address, double lat, double lon, String crs, double areaM2,
			int floor, boolean facingStreet) {
	}

	/**
	 * A host as staff read it: contacts masked, sites of the caller's subtree (WGS-84).
	 */
	record HostJson(long id, String creditCode, String name, String kind, String organization, OffsetDateTime createdAt,
			List<ContactJson> contacts, List<SiteJson> sites) {

		static HostJson of(Host host) {
			return new HostJson(host.id(), host.creditCode().value(), host.name(), host.kind().name(),
					host.organizationCode(), time(host.createdAt()),
					host.contacts()
						.stream()
						.map(c -> new ContactJson(c.name(), c.phoneMasked(), c.emailMasked()))
						.toList(),
					host.sites()
						.stream()
						.map(s -> new SiteJson(s.id(), s.districtCode(), s.address(), s.location().lat(),
								s.location().lon(), "wgs84", s.areaM2(), s.floor(), s.facingStreet()))
						.toList());
		}

	}

	static OffsetDateTime time(Instant instant) {
		return (instant != null) ? instant.atZone(YizhanTime.ZONE).toOffsetDateTime() : null;
	}

}
