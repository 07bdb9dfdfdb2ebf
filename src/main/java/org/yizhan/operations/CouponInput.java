package org.yizhan.operations;

import java.time.LocalDate;

/**
 * A coupon as it comes from a form or the API, checked by {@link Coupons#offer}.
 *
 * @param funder who pays for it (1–60 characters)
 * @param title what it gives (1–40 characters)
 * @param startsOn its first day: today or later
 * @param endsOn its last day: at most 366 days on
 * @param total the most redemptions (1–100,000)
 */
public record CouponInput(String funder, String title, LocalDate startsOn, LocalDate endsOn, Integer total) {

}
