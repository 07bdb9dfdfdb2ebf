package org.yizhan.listing;

/**
 * A worker's report of a station's listing, as the public page or the API sends it.
 *
 * @param kind a {@link ReportKind} name
 * @param description the worker's own words, optional
 * @param deviceId the phone's long-lived random id (cookie {@code yz_device}); required:
 * one phone counts once
 * @param lat where the phone is, WGS-84, optional; kept only as within 300 m or not
 * @param lon with {@code lat}
 */
public record ListingReport(String kind, String description, String deviceId, Double lat, Double lon) {

}
