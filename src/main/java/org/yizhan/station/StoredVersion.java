package org.yizhan.station;

/**
 * A station's version and status as stored: what reconciling a copy compares, read for
 * every station in one query.
 */
record StoredVersion(long version, StationStatus status) {
}
