package org.yizhan.operations;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables of donated goods and coupons: donations, their claims, coupons and their
 * redemptions.
 */
@Repository
class DonationRepository {

	private static final String DONATION = "d.id, d.station_id, d.donor_kind, d.donor, d.name, d.unit, d.quantity,"
			+ " d.claimed, d.donated_on, d.recorded_at, d.recorded_by";

	private static final String COUPON = "c.id, c.station_id, c.funder, c.title, c.starts_on, c.ends_on, c.total,"
			+ " c.redeemed, coalesce((select redeemed from coupon_day t where t.coupon_id = c.id and t.day = :today), 0)"
			+ " as redeemed_today";

	private final JdbcClient jdbc;

	DonationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insertDonation(long station, DonorKind kind, String donor, String name, String unit, int quantity,
			LocalDate donatedOn, Instant at, String by) {
		return jdbc.sql("""
				insert into donation (station_id, donor_kind, donor, name, unit, quantity, donated_on, recorded_at,
				  recorded_by)
				values (:station, :kind, :donor, :name, :unit, :quantity, :on, :at, :by)
				returning id""")
			.param("station", station)
			.param("kind", kind.name())
			.param("donor", donor)
			.param("name", name)
			.param("unit", unit)
			.param("quantity", quantity)
			.param("on", Date.valueOf(donatedOn))
			.param("at", Timestamp.from(at))
			.param("by", by)
			.query(Long.class)
			.single();
	}

	Optional<Donation> findDonation(long id, boolean lock) {
		return jdbc.sql("select " + DONATION + " from donation d where d.id = :id" + (lock ? " for update" : ""))
			.param("id", id)
			.query(DonationRepository::donation)
			.optional();
	}

	void addClaims(Donation donation, int claims, LocalDate day, Instant at, String by) {
		jdbc.sql("update donation set claimed = claimed + :claims, version = version + 1 where id = :id")
			.param("id", donation.id())
			.param("claims", claims)
			.update();
		jdbc.sql("""
				insert into donation_claim (donation_id, station_id, claims, day, recorded_at, recorded_by)
				values (:donation, :station, :claims, :day, :at, :by)""")
			.param("donation", donation.id())
			.param("station", donation.stationId())
			.param("claims", claims)
			.param("day", Date.valueOf(day))
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
	}

	List<Donation> listDonations(long station, int limit) {
		return jdbc
			.sql("select " + DONATION + " from donation d where d.station_id = :station"
					+ " order by (d.quantity > d.claimed) desc, d.donated_on desc, d.id desc limit :limit")
			.param("station", station)
			.param("limit", limit)
			.query(DonationRepository::donation)
			.list();
	}

	long insertCoupon(long station, String funder, String title, LocalDate startsOn, LocalDate endsOn, int total,
			Instant at, String by) {
		return jdbc.sql("""
				insert into coupon (station_id, funder, title, starts_on, ends_on, total, created_at, created_by)
				values (:station, :funder, :title, :starts, :ends, :total, :at, :by)
				returning id""")
			.param("station", station)
			.param("funder", funder)
			.param("title", title)
			.param("starts", Date.valueOf(startsOn))
			.param("ends", Date.valueOf(endsOn))
			.param("total", total)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.query(Long.class)
			.single();
	}

	Optional<Coupon> findCoupon(long id, LocalDate today) {
		return jdbc.sql("select " + COUPON + " from coupon c where c.id = :id")
			.param("id", id)
			.param("today", Date.valueOf(today))
			.query(DonationRepository::coupon)
			.optional();
	}

	List<Coupon> listCoupons(long station, LocalDate today, int limit) {
		return jdbc
			.sql("select " + COUPON + " from coupon c where c.station_id = :station"
					+ " order by (c.ends_on >= :today) desc, c.starts_on desc, c.id desc limit :limit")
			.param("station", station)
			.param("today", Date.valueOf(today))
			.param("limit", limit)
			.query(DonationRepository::coupon)
			.list();
	}

	/**
	 * Keeps the phone from redeeming the coupon again today: {@code false} when it
	 * already did. The primary key decides, so two requests of one phone at once cannot
	 * both pass.
	 */
	boolean guard(long coupon, byte[] device, LocalDate day) {
		return jdbc.sql("""
				insert into coupon_guard (coupon_id, device_hash, day) values (:coupon, :device, :day)
				on conflict do nothing""")
			.param("coupon", coupon)
			.param("device", device)
			.param("day", Date.valueOf(day))
			.update() == 1;
	}

	/**
	 * Counts one redemption unless the coupon is used up: {@code false} then. The row's
	 * update is the lock that keeps two phones from taking the last one together.
	 */
	boolean countRedemption(long coupon, LocalDate day) {
		if (jdbc.sql("update coupon set redeemed = redeemed + 1 where id = :id and redeemed < total")
			.param("id", coupon)
			.update() == 0) {
			return false;
		}
		jdbc.sql("""
				insert into coupon_day (coupon_id, day, redeemed) values (:coupon, :day, 1)
				on conflict (coupon_id, day) do update set redeemed = coupon_day.redeemed + 1""")
			.param("coupon", coupon)
			.param("day", Date.valueOf(day))
			.update();
		return true;
	}

	/** A station's status and name, read without a caller's scope (a worker has none). */
	record StationState(String status, String name) {
	}

	StationState findStation(long id) {
		return jdbc.sql("select status, name from station where id = :id")
			.param("id", id)
			.query((rs, n) -> new StationState(rs.getString(1), rs.getString(2)))
			.single();
	}

	/**
	 * Forgets the phones of days before {@code today}: a redemption guards one day only.
	 */
	int purgeGuards(LocalDate today) {
		return jdbc.sql("delete from coupon_guard where day < :today").param("today", Date.valueOf(today)).update();
	}

	List<DonationFigures.DonorLine> sumDonations(String path, LocalDate from, LocalDate to) {
		return jdbc
			.sql("""
					with stations as (
					  select s.id from station s
					  where s.district_code in (select code from organization where path = :path or path like :path || '/%')
					), given as (
					  select d.donor_kind, sum(d.quantity) as donated from donation d
					  where d.station_id in (select id from stations) and d.donated_on between :from and :to
					  group by d.donor_kind
					), taken as (
					  select d.donor_kind, sum(c.claims) as claimed from donation_claim c join donation d on d.id = c.donation_id
					  where c.station_id in (select id from stations) and c.day between :from and :to
					  group by d.donor_kind
					)
					select coalesce(g.donor_kind, t.donor_kind), coalesce(g.donated, 0), coalesce(t.claimed, 0)
					from given g full join taken t on t.donor_kind = g.donor_kind
					order by 1""")
			.param("path", path)
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query((rs, n) -> new DonationFigures.DonorLine(DonorKind.valueOf(rs.getString(1)), rs.getLong(2),
					rs.getLong(3)))
			.list();
	}

	List<DonationFigures.FunderLine> sumRedemptions(String path, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select c.funder, count(*) as coupons,
				  coalesce(sum((select sum(t.redeemed) from coupon_day t
				                where t.coupon_id = c.id and t.day between :from and :to)), 0) as redeemed
				from coupon c join station s on s.id = c.station_id
				where s.district_code in (select code from organization where path = :path or path like :path || '/%')
				  and c.starts_on <= :to and c.ends_on >= :from
				group by c.funder
				order by redeemed desc, c.funder""")
			.param("path", path)
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query((rs, n) -> new DonationFigures.FunderLine(rs.getString(1), rs.getLong(2), rs.getLong(3)))
			.list();
	}

	private static Donation donation(ResultSet rs, int n) throws SQLException {
		return new Donation(rs.getLong("id"), rs.getLong("station_id"), DonorKind.valueOf(rs.getString("donor_kind")),
				rs.getString("donor"), rs.getString("name"), rs.getString("unit"), rs.getInt("quantity"),
				rs.getInt("claimed"), rs.getDate("donated_on").toLocalDate(),
				rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
	}

	private static Coupon coupon(ResultSet rs, int n) throws SQLException {
		return new Coupon(rs.getLong("id"), rs.getLong("station_id"), rs.getString("funder"), rs.getString("title"),
				rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(), rs.getInt("total"),
				rs.getInt("redeemed"), rs.getInt("redeemed_today"));
	}

}
