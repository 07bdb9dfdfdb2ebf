package org.yizhan.dataio;

/** How a checked ledger is imported. */
public enum ImportMode {

	/** Every row or none: refused while the check found any problem. */
	ALL,
	/** The rows without problems; the others are left out, as the report lists them. */
	VALID_ROWS

}
