package org.yizhan.finder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The finder's in-memory parts: one index and one schedule cache per instance.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class FinderConfiguration {

	@Bean
	StationIndex stationIndex() {
		return new StationIndex();
	}

	@Bean
	ScheduleCache scheduleCache() {
		return new ScheduleCache();
	}

}
