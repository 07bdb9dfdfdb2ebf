package org.yizhan.dataio;

/** The file an export is written as. */
public enum ExportFormat {

	/** An Excel workbook of one sheet. */
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
	/** UTF-8 with a byte order mark, so that Excel opens Chinese text as such. */
	CSV("text/csv;charset=UTF-8", "csv");

	private final String contentType;

	private final String extension;

	ExportFormat(String contentType, String extension) {
		this.contentType = contentType;
		this.extension = extension;
	}

	public String contentType() {
		return this.contentType;
	}

	public String extension() {
		return this.extension;
	}

}
