package org.yizhan.operations;

import java.time.LocalDate;

/**
 * A coupon redeemed by a worker's phone, for the station's staff to see on its screen
 * before handing over what it gives. Nothing in it names the phone.
 *
 * @param couponId the coupon
 * @param title what it gives
 * @param funder who pays for it
 * @param stationName where
 * @param day the day it was redeemed (Asia/Shanghai)
 * @param remaining how many more it can give
 */
public record Redemption(long couponId, String title, String funder, String stationName, LocalDate day, int remaining) {

}
