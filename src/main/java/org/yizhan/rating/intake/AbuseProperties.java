package org.yizhan.rating.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The anomaly rules ({@code yizhan.rating.abuse.<rule>.*}); each can be switched off with
 * {@code enabled: false}. A rule that fires holds the rating with its
 * {@link org.yizhan.rating.HoldReason}; the defaults suit a station that gets a handful
 * of ratings a day (Qingdao: 400,000 over 757 stations in about two years).
 */
@ConfigurationProperties("yizhan.rating.abuse")
public record AbuseProperties(StationBurst stationBurst, DeviceSpread deviceSpread, StarSpike starSpike,
		OutsideHours outsideHours, FarAway farAway, FingerprintRepeat fingerprintRepeat) {

	public AbuseProperties {
		stationBurst = (stationBurst != null) ? stationBurst : new StationBurst(null, null, null);
		deviceSpread = (deviceSpread != null) ? deviceSpread : new DeviceSpread(null, null);
		starSpike = (starSpike != null) ? starSpike : new StarSpike(null, null, null, null, null);
		outsideHours = (outsideHours != null) ? outsideHours : new OutsideHours(null, null);
		farAway = (farAway != null) ? farAway : new FarAway(null);
		fingerprintRepeat = (fingerprintRepeat != null) ? fingerprintRepeat : new FingerprintRepeat(null, null);
	}

	/**
	 * A rating is held when the station already had {@code maxRatings} ratings within
	 * {@code window}.
	 */
	public record StationBurst(Boolean enabled, Duration window, Integer maxRatings) {

		public StationBurst {
			enabled = (enabled != null) ? enabled : true;
			window = (window != null) ? window : Duration.ofMinutes(10);
			maxRatings = (maxRatings != null) ? maxRatings : 30;
		}

	}

	/**
	 * A rating is held when its device already rated {@code maxStationsPerDay} other
	 * stations that day.
	 */
	public record DeviceSpread(Boolean enabled, Integer maxStationsPerDay) {

		public DeviceSpread {
			enabled = (enabled != null) ? enabled : true;
			maxStationsPerDay = (maxStationsPerDay != null) ? maxStationsPerDay : 5;
		}

	}

	/**
	 * A 1★ (or 5★) rating is held when it makes the station's 1★ (5★) ratings within
	 * {@code window} reach {@code minRatings} and more than {@code factor} times what the
	 * station's counted ratings of the {@code history} before today would lead one to
	 * expect in such a window.
	 */
	public record StarSpike(Boolean enabled, Duration window, Duration history, Integer minRatings, Double factor) {

		public StarSpike {
			enabled = (enabled != null) ? enabled : true;
			window = (window != null) ? window : Duration.ofHours(1);
			history = (history != null) ? history : Duration.ofDays(28);
			minRatings = (minRatings != null) ? minRatings : 10;
			factor = (factor != null) ? factor : 5.0;
		}

	}

	/**
	 * A rating is held when the station's hours say it was closed then and also
	 * {@code grace} earlier (a worker may rate on the way out). Unknown hours never hold;
	 * a smart station's unattended hours count as open.
	 */
	public record OutsideHours(Boolean enabled, Duration grace) {

		public OutsideHours {
			enabled = (enabled != null) ? enabled : true;
			grace = (grace != null) ? grace : Duration.ofMinutes(30);
		}

	}

	/** A rating is held when the worker's own location check says "not within 300 m". */
	public record FarAway(Boolean enabled) {

		public FarAway {
			enabled = (enabled != null) ? enabled : true;
		}

	}

	/**
	 * A rating is held when its browser fingerprint already rated the station that day
	 * under {@code maxDevicesPerDay} other device ids. Identical phones share a
	 * fingerprint, so the bar is not one.
	 */
	public record FingerprintRepeat(Boolean enabled, Integer maxDevicesPerDay) {

		public FingerprintRepeat {
			enabled = (enabled != null) ? enabled : true;
			maxDevicesPerDay = (maxDevicesPerDay != null) ? maxDevicesPerDay : 3;
		}

	}

}
