package org.yizhan.rating.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.RequestValues;
import org.yizhan.rating.StationQrCodes;
import org.yizhan.rating.qr.Paper;
import org.yizhan.rating.qr.PosterPrinter;
import org.yizhan.platform.web.PublicBaseUrl;
import org.yizhan.rating.qr.QrSymbol;
import org.yizhan.station.StationId;
import org.yizhan.station.StationNotFoundException;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The downloads of a station's QR code and posters, shared by the API (Basic or token)
 * and the console (session): the same files, names and caching either way.
 *
 * <p>
 * Caching: a code changes when the token key rotates and a poster when its station is
 * renamed, so every file is {@code private, no-cache} with a strong ETag computed from
 * what it shows: a browser asks again each time and gets a 304 while nothing changed. The
 * bulk PDF is not kept at all ({@code no-store}): it holds a district's codes and is made
 * afresh for each request.
 */
@Component
class QrDownloads {

	static final int DEFAULT_PX = 1024;

	static final int MIN_PX = 128;

	static final int MAX_PX = 4096;

	/**
	 * Part of every ETag: raise it when the drawings change, so browsers do not keep a
	 * poster of the old layout.
	 */
	private static final String DRAWING_VERSION = "1";

	static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

	private final StationQrCodes codes;

	private final PosterPrinter printer;

	private final PublicBaseUrl base;

	QrDownloads(StationQrCodes codes, PosterPrinter printer, PublicBaseUrl base) {
		this.codes = codes;
		this.printer = printer;
		this.base = base;
	}

	StationQrCodes.Code code(String id, HttpServletRequest request) {
		return this.codes.get(id(id), this.base.resolve(request));
	}

	StationQrCodes.Section section(String id, HttpServletRequest request) {
		return this.codes.describe(id(id), this.base.resolve(request));
	}

	ResponseEntity<byte[]> png(String id, Integer px, HttpServletRequest request) {
		int pixels = (px == null) ? DEFAULT_PX : px;
		if (pixels < MIN_PX || pixels > MAX_PX) {
			throw new InvalidInputException(
					Violation.of("px", "validation.range", Integer.toString(MIN_PX), Integer.toString(MAX_PX)));
		}
		StationQrCodes.Code code = code(id, request);
		return file(request, MediaType.IMAGE_PNG, "qr-" + code.stationCode() + ".png", etag("png", pixels, code),
				() -> QrSymbol.encode(code.url()).png(pixels));
	}

	ResponseEntity<byte[]> svg(String id, HttpServletRequest request) {
		StationQrCodes.Code code = code(id, request);
		return file(request, SVG, "qr-" + code.stationCode() + ".svg", etag("svg", 0, code),
				() -> QrSymbol.encode(code.url()).svg().getBytes(StandardCharsets.UTF_8));
	}

	ResponseEntity<byte[]> poster(String id, String paper, HttpServletRequest request) {
		Paper size = paper(paper);
		StationQrCodes.Code code = code(id, request);
		return file(request, MediaType.APPLICATION_PDF, "poster-" + size + "-" + code.stationCode() + ".pdf",
				etag("pdf-" + size, 0, code), () -> this.printer.print(code, size));
	}

	/**
	 * Every listed station's poster of an organisation's subtree in one PDF, written to
	 * the response as it is saved. Everything that can be refused is checked before the
	 * first byte, so a refusal is still a proper answer.
	 */
	void posters(String organizationCode, String paper, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Paper size = paper(paper);
		StationQrCodes.Batch batch = this.codes.preparePosters(organizationCode, size.name(),
				this.base.resolve(request));
		response.setContentType(MediaType.APPLICATION_PDF_VALUE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("posters-" + size + "-" + batch.organization().code() + ".pdf")
					.build()
					.toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().cachePrivate().getHeaderValue());
		String title = batch.organization().name() + " 驿站评价二维码海报（" + size + "，" + batch.codes().size() + " 张）";
		try (OutputStream out = response.getOutputStream()) {
			this.printer.print(batch.codes(), size, title, out);
		}
	}

	/** A5 unless asked for A4. */
	static Paper paper(String value) {
		if (value == null || value.isBlank()) {
			return Paper.A5;
		}
		List<Violation> violations = new ArrayList<>();
		Paper paper = RequestValues.enumValue(Paper.class, value, "paper", violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return paper;
	}

	static StationId id(String value) {
		try {
			return StationId.of(Long.parseLong(value));
		}
		catch (NumberFormatException ex) {
			throw StationNotFoundException.byId(value);
		}
	}

	/**
	 * A download, or 304 without drawing anything when the caller's copy (its
	 * {@code If-None-Match}) is still what the file would show.
	 */
	private static ResponseEntity<byte[]> file(HttpServletRequest request, MediaType type, String filename, String etag,
			Supplier<byte[]> body) {
		CacheControl cache = CacheControl.noCache().cachePrivate();
		if (new ServletWebRequest(request).checkNotModified(etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
		}
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.cacheControl(cache)
			.eTag(etag)
			.body(body.get());
	}

	/** A strong validator of everything a file shows. */
	private static String etag(String kind, int pixels, StationQrCodes.Code code) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (String part : new String[] { DRAWING_VERSION, kind, Integer.toString(pixels), code.url(),
					code.stationCode(), code.stationName(), code.unionLine() }) {
				sha.update(part.getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
			}
			return "\"" + HexFormat.of().formatHex(sha.digest(), 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
