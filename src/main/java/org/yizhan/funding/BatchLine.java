package org.yizhan.funding;

/** One payee's line in a batch: the station it is for and who receives the money. */
public record BatchLine(long id, long stationId, String stationCode, String stationName, String payeeName,
		String payeeCode, long amountFen) {
}
