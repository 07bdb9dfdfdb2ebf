package org.yizhan.listing;

/**
 * The answer to a report.
 *
 * @param ticketNumber the station's case the report opened or joined; the worker follows
 * it on its status page
 * @param repeated the phone had reported this station today already: that first report
 * stands, nothing was counted again
 * @param listingHeld whether the station's listing is now held as 待核实
 */
public record ListingReportReceipt(String ticketNumber, boolean repeated, boolean listingHeld) {

}
