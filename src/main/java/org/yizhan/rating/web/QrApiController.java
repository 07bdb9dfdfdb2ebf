package org.yizhan.rating.web;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.platform.web.ApiController;
import org.yizhan.rating.StationQrCodes;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A station's QR code and posters over the API: the token and its URL, the code as PNG or
 * SVG, a poster as PDF, and the posters of a district in one PDF. Union admins of the
 * station's subtree and its own station master.
 */
@ApiController("/api/v1")
@Tag(name = "QR codes and posters", description = "驿站评价二维码（PNG、SVG）与海报（A5、A4 PDF）")
class QrApiController {

	private final QrDownloads downloads;

	QrApiController(QrDownloads downloads) {
		this.downloads = downloads;
	}

	/**
	 * @param token the signed station token
	 * @param url what the QR code holds: {@code <public base URL>/r/<token>}
	 */
	record QrJson(String token, String url) {
	}

	@GetMapping("/stations/{id}/qr")
	@Operation(summary = "The station's QR token and the URL its code holds",
			description = "Signed with the active key: after a key rotation, the new code. "
					+ "Draft and delisted stations have none (409).")
	QrJson code(@PathVariable String id, HttpServletRequest request) {
		StationQrCodes.Code code = this.downloads.code(id, request);
		return new QrJson(code.token(), code.url());
	}

	@GetMapping("/stations/{id}/qr.png")
	@Operation(summary = "The QR code as PNG", description = "Error correction H, a quiet zone of 4 modules.")
	ResponseEntity<byte[]> png(@PathVariable String id, @Parameter(
			description = "side in pixels, 128–4096 (default 1024)") @RequestParam(required = false) Integer px,
			HttpServletRequest request) {
		return this.downloads.png(id, px, request);
	}

	@GetMapping("/stations/{id}/qr.svg")
	@Operation(summary = "The QR code as SVG (one path, in module units)")
	ResponseEntity<byte[]> svg(@PathVariable String id, HttpServletRequest request) {
		return this.downloads.svg(id, request);
	}

	@GetMapping("/stations/{id}/poster.pdf")
	@Operation(summary = "The station's poster as PDF: name, code, QR code, instruction, union")
	ResponseEntity<byte[]> poster(@PathVariable String id,
			@Parameter(description = "A5 (default) or A4") @RequestParam(required = false) String paper,
			HttpServletRequest request) {
		return this.downloads.poster(id, paper, request);
	}

	@GetMapping("/organizations/{code}/posters.pdf")
	@Operation(summary = "Every listed station's poster of a union's subtree in one PDF, by station code",
			description = "A district, or a city with all its districts, up to yizhan.rating.qr.bulk-limit posters "
					+ "(default 1,000). Union admins of the subtree; recorded in the audit log.")
	void posters(@PathVariable String code,
			@Parameter(description = "A5 (default) or A4") @RequestParam(required = false) String paper,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.downloads.posters(code, paper, request, response);
	}

}
