package org.yizhan.finder.web;

import java.time.Duration;

import org.yizhan.finder.StationFeeds;
import org.yizhan.finder.StationFeeds.Feed;
import org.yizhan.finder.StationFeeds.Format;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Feeds of listed stations for map platforms and open data, answered with 304 when the
 * client already has the current version (ETag or Last-Modified).
 */
@RestController
class FeedController {

	private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

	private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private final StationFeeds feeds;

	FeedController(StationFeeds feeds) {
		this.feeds = feeds;
	}

	@GetMapping("/feeds/stations.geojson")
	ResponseEntity<byte[]> geoJson(WebRequest request) {
		return answer(feeds.feed(Format.GEOJSON), GEO_JSON, "yizhan-stations.geojson", request);
	}

	@GetMapping("/feeds/stations-amap.csv")
	ResponseEntity<byte[]> amap(WebRequest request) {
		return answer(feeds.feed(Format.AMAP_CSV), CSV, "yizhan-stations-amap-gcj02.csv", request);
	}

	@GetMapping("/feeds/stations-baidu.csv")
	ResponseEntity<byte[]> baidu(WebRequest request) {
		return answer(feeds.feed(Format.BAIDU_CSV), CSV, "yizhan-stations-baidu-bd09.csv", request);
	}

	private static ResponseEntity<byte[]> answer(Feed feed, MediaType type, String filename, WebRequest request) {
		if (request.checkNotModified(feed.etag(), feed.lastModified().toEpochMilli())) {
			return null;
		}
		return ResponseEntity.ok()
			.contentType(type)
			.eTag(feed.etag())
			.lastModified(feed.lastModified())
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"")
			.body(feed.body());
	}

}
