package org.yizhan.dataio;

/** Where a ledger stands: checked (the dry run), or imported. */
public enum ImportStatus {

	CHECKED, IMPORTED

}
