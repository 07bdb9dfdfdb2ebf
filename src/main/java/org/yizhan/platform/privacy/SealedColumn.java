package org.yizhan.platform.privacy;

import java.util.regex.Pattern;

/**
 * A table column that holds {@link PersonalDataCipher sealed} values. A module that
 * stores personal data declares each such column as a bean, so that
 * {@link SealedColumnRotation} re-seals it after a key rotation.
 *
 * @param table the table
 * @param idColumn its primary key column
 * @param column the column with sealed values
 */
public record SealedColumn(String table, String idColumn, String column) {

	/** Plain lower-case SQL identifiers only: these names are spliced into SQL. */
	private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

	public SealedColumn {
		for (String name : new String[] { table, idColumn, column }) {
			if (name == null || !IDENTIFIER.matcher(name).matches()) {
				throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
			}
		}
	}

}
