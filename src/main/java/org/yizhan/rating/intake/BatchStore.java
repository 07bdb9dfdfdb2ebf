package org.yizhan.rating.intake;

import java.util.List;

/**
 * Writes one batch of ratings in one transaction and decides each rating's outcome
 * ({@link PendingRating#decide}); returns only once the transaction has committed. Throws
 * if it did not, in which case nothing of the batch is stored.
 */
interface BatchStore {

	void store(List<PendingRating> batch);

}
