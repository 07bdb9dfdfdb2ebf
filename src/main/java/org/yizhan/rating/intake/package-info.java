/**
 * The rating intake behind {@code org.yizhan.rating.Ratings}: validation, device identity
 * by keyed hashes, rate limits, the in-memory copy of rated stations, the anomaly rules
 * and the group-commit writer that stores ratings in batches, each acknowledged only
 * after its batch has committed.
 */
package org.yizhan.rating.intake;
