package org.yizhan.station.photo;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many uploads may be decoded at once on this instance. Decoding a photo at the pixel
 * limit takes a second or two of CPU and up to {@code MAX_PIXELS * 4} bytes of heap, so
 * an unbounded number of parallel uploads could take all the memory and cores; past the
 * bound an upload waits at most {@link #waitFor()} for a slot and is then turned away
 * (503 with {@code Retry-After}) instead of queueing.
 */
public final class PhotoDecodeSlots {

	private final Semaphore slots;

	private final int size;

	private final Duration wait;

	public PhotoDecodeSlots(int size, Duration wait) {
		if (size < 1) {
			throw new IllegalArgumentException("At least one photo must be decodable at a time, not " + size);
		}
		this.size = size;
		this.slots = new Semaphore(size, true);
		this.wait = (wait == null || wait.isNegative()) ? Duration.ZERO : wait;
	}

	/** Takes a slot, waiting at most {@link #waitFor()}; {@code false} when none came. */
	public boolean tryAcquire() {
		try {
			return this.slots.tryAcquire(this.wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Gives back a slot taken with {@link #tryAcquire()}. */
	public void release() {
		this.slots.release();
	}

	public int size() {
		return this.size;
	}

	public int available() {
		return this.slots.availablePermits();
	}

	public Duration waitFor() {
		return this.wait;
	}

}
