package org.yizhan.operations.web;

import java.time.Instant;
import java.time.LocalDate;

import org.yizhan.operations.SupplyItem;
import org.yizhan.operations.SupplyWarning;

/** The API's shape of supplies: an item with what it needs, and a warning. */
final class SupplyJson {

	private SupplyJson() {
	}

	record Item(long id, long stationId, String category, String name, String unit, int quantity, int threshold,
			LocalDate expiresOn, Long daysLeft, boolean out, boolean low, Instant updatedAt, String updatedBy,
			long version) {

		static Item of(SupplyItem item, LocalDate today) {
			return new Item(item.id(), item.stationId(), item.category().name(), item.name(), item.unit(),
					item.quantity(), item.threshold(), item.expiresOn(), item.daysLeft(today), item.out(), item.low(),
					item.updatedAt(), item.updatedBy(), item.version());
		}

	}

	record Warning(Item item, String stationCode, String stationName, boolean expired, boolean expiring, boolean out,
			boolean low) {

		static Warning of(SupplyWarning warning, LocalDate today) {
			return new Warning(Item.of(warning.item(), today), warning.stationCode(), warning.stationName(),
					warning.expired(), warning.expiring(), warning.out(), warning.low());
		}

	}

}
