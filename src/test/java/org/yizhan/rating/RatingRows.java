package org.yizhan.rating;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.yizhan.platform.YizhanTime;
import org.yizhan.station.StationId;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rating rows written straight into the {@code rating} table, as the intake slice writes
 * them, for tests of what reads them (figures, the review queue). A rating is made at
 * noon in Shanghai on its day unless {@link Builder#at} names the instant; its rating day
 * is always that instant's Asia/Shanghai date, as the contract says.
 */
public final class RatingRows {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	public RatingRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A counted 5★ rating without tags, category or comment, at noon today. */
	public Builder at(StationId station) {
		return new Builder(station.value());
	}

	public Builder at(long station) {
		return new Builder(station);
	}

	public final class Builder {

		private final long station;

		private ZonedDateTime createdAt = LocalDate.now(YizhanTime.ZONE).atTime(LocalTime.NOON).atZone(YizhanTime.ZONE);

		private int stars = 5;

		private final List<String> tags = new ArrayList<>();

		private String category;

		private String comment;

		private RatingStatus status = RatingStatus.COUNTED;

		private final List<String> holdReasons = new ArrayList<>();

		private Boolean nearStation;

		private Builder(long station) {
			this.station = station;
		}

		public Builder on(LocalDate day) {
			this.createdAt = day.atTime(LocalTime.NOON).atZone(YizhanTime.ZONE);
			return this;
		}

		/** The instant it was sent; its rating day is the date in Shanghai. */
		public Builder at(ZonedDateTime instant) {
			this.createdAt = instant;
			return this;
		}

		public Builder stars(int stars) {
			this.stars = stars;
			return this;
		}

		public Builder tags(RatingTag... tags) {
			for (RatingTag tag : tags) {
				this.tags.add(tag.name());
			}
			return this;
		}

		public Builder category(WorkerCategory category) {
			this.category = category.name();
			return this;
		}

		public Builder comment(String comment) {
			this.comment = comment;
			return this;
		}

		/** Held for review by the given anomaly rules. */
		public Builder held(String... reasons) {
			this.status = RatingStatus.HELD;
			this.holdReasons.addAll(List.of(reasons));
			return this;
		}

		public Builder rejected() {
			this.status = RatingStatus.REJECTED;
			return this;
		}

		/**
		 * The answer of the browser's location check: within 300 m of the station or not.
		 */
		public Builder nearStation(boolean near) {
			this.nearStation = near;
			return this;
		}

		/** Stores it; returns its id. */
		public long insert() {
			byte[] device = new byte[32];
			RANDOM.nextBytes(device);
			OffsetDateTime instant = this.createdAt.toOffsetDateTime();
			return RatingRows.this.jdbc.sql("""
					insert into rating (station_id, rating_day, created_at, stars, tags, category, comment,
					                    device_hash, status, hold_reasons, near_station)
					values (:station, :day, :createdAt, :stars, :tags::varchar[], :category, :comment,
					        :device, :status, :reasons::varchar[], :near)
					returning id""")
				.param("station", this.station)
				.param("day", this.createdAt.withZoneSameInstant(YizhanTime.ZONE).toLocalDate())
				.param("createdAt", instant)
				.param("stars", this.stars)
				.param("tags", "{" + String.join(",", this.tags) + "}")
				.param("category", this.category)
				.param("comment", this.comment)
				.param("device", device)
				.param("status", this.status.name())
				.param("reasons", "{" + String.join(",", this.holdReasons) + "}")
				.param("near", this.nearStation, java.sql.Types.BOOLEAN)
				.query(Long.class)
				.single();
		}

	}

}
