package org.yizhan.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;

/**
 * What a page's requests in {@link Chromium} weighed on the wire, for the page-weight
 * budgets of the finder and the rating page (docs/benchmarks.md).
 */
public final class PageWeight {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private PageWeight() {
	}

	/**
	 * The bytes a finished request took on the wire, measured without
	 * {@code Request.sizes()}: that call sometimes never returns in Chromium
	 * (microsoft/playwright#9350) and hung the build. The same request is sent again with
	 * gzip accepted, as the browser did, and its status line, headers and body (not
	 * decompressed) are counted. A service worker's copy of a file the page already
	 * loaded is a revalidation against the browser's cache (static files are
	 * {@code no-cache}): it is sent again with the page's validators, and a 304 counts
	 * its headers only.
	 * @param cached the page's response for the same URL, if the page loaded it first;
	 * else {@code null}
	 */
	public static long transferred(Request request, Response cached) {
		HttpRequest.Builder again = HttpRequest.newBuilder(URI.create(request.url()))
			.header("Accept-Encoding", "gzip")
			.method(request.method(), HttpRequest.BodyPublishers.noBody());
		if (cached != null) {
			String etag = cached.headers().get("etag");
			String lastModified = cached.headers().get("last-modified");
			if (etag != null) {
				again.header("If-None-Match", etag);
			}
			if (lastModified != null) {
				again.header("If-Modified-Since", lastModified);
			}
		}
		HttpResponse<byte[]> response = send(again.build());
		long size = ("HTTP/1.1 " + response.statusCode() + "\r\n\r\n").length() + response.body().length;
		for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
			for (String value : header.getValue()) {
				size += (header.getKey() + ": " + value + "\r\n").getBytes(StandardCharsets.UTF_8).length;
			}
		}
		return size;
	}

	private static HttpResponse<byte[]> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
