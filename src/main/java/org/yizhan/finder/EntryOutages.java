package org.yizhan.finder;

import java.util.Set;

/**
 * What a module that watches a smart station's door equipment tells the finder: the
 * stations whose self-service entry is out of order now (every door device silent), so
 * that the finder stops saying "self-service entry available now" for them until a device
 * calls in again. The finder declares it and another module implements it as a bean, as
 * the registry declares its listing requirement (ADR 0011, ADR 0029): the finder knows
 * nothing of devices.
 *
 * <p>
 * The finder asks at start-up, on a schedule (for changes made through another instance)
 * and when told through {@link StationFinder#refreshEntryOutages()}; never per request,
 * so that its searches stay in memory.
 */
public interface EntryOutages {

	/** The ids of the stations whose self-service entry is out of order now. */
	Set<Long> stationsWithEntryOutOfOrder();

}
