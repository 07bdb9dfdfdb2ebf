package org.yizhan.rating.intake;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the intake takes ratings in ({@code yizhan.rating.intake.*}).
 * <p>
 * {@code station-cache-ttl}, which once set how long the intake kept a station, is still
 * accepted: as the interval of {@code StationCopies}' reconciliation when neither
 * {@code yizhan.station.copies.reconcile-interval} nor
 * {@code yizhan.finder.reconcile-interval} is set.
 *
 * @param deviceKey base64 of at least 32 random bytes: the key of the keyed hashes that
 * stand for device ids and fingerprints in the database. Every instance needs the same
 * key, or one device would count once per instance.
 * @param deviceKeyFile without {@code deviceKey}, a development key generated here once
 * @param queueCapacity ratings waiting for the writer at most; past it, 503
 * @param maxBatch ratings written in one transaction at most
 * @param acknowledgeTimeout how long a request waits for its batch to commit before it is
 * answered 503 (the rating may still be stored; sent again, it is not counted twice)
 * @param partitionMonthsAhead how many months after the current one have a partition
 * @param partitionCron when the partitions of coming months are created (Asia/Shanghai)
 */
@ConfigurationProperties("yizhan.rating.intake")
public record IntakeProperties(String deviceKey, Path deviceKeyFile, Integer queueCapacity, Integer maxBatch,
		Duration acknowledgeTimeout, Integer partitionMonthsAhead, String partitionCron) {

	public IntakeProperties {
		deviceKeyFile = (deviceKeyFile != null) ? deviceKeyFile : Path.of("yizhan-data/keys/rating-devices.properties");
		queueCapacity = (queueCapacity != null) ? queueCapacity : 20_000;
		maxBatch = (maxBatch != null) ? maxBatch : 1_000;
		acknowledgeTimeout = (acknowledgeTimeout != null) ? acknowledgeTimeout : Duration.ofSeconds(10);
		partitionMonthsAhead = (partitionMonthsAhead != null) ? partitionMonthsAhead : 3;
		partitionCron = (partitionCron != null) ? partitionCron : "0 23 2 * * *";
		if (queueCapacity < 1 || maxBatch < 1) {
			throw new IllegalArgumentException("yizhan.rating.intake.queue-capacity and max-batch must be positive");
		}
	}

}
