package org.yizhan.inspection.web;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A campaign report as a download: never cached, for it changes with every inspection.
 */
final class CampaignReportResponses {

	private CampaignReportResponses() {
	}

	static ResponseEntity<byte[]> xlsx(long campaignId, byte[] body) {
		return download(body, MediaType.parseMediaType(CampaignWorkbook.CONTENT_TYPE),
				"campaign-" + campaignId + "-report.xlsx");
	}

	static ResponseEntity<byte[]> pdf(long campaignId, byte[] body) {
		return download(body, MediaType.APPLICATION_PDF, "campaign-" + campaignId + "-report.pdf");
	}

	private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
		return ResponseEntity.ok()
			.contentType(type)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(body);
	}

}
