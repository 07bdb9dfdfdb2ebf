package org.yizhan.station;

import java.time.Instant;

/**
 * A photo of a station, re-encoded on upload (no EXIF survives) and kept in photo storage
 * under {@code storageKey}.
 *
 * @param id the database id, {@code null} until saved
 */
public record StationPhoto(Long id, String storageKey, int width, int height, Instant uploadedAt) {

}
