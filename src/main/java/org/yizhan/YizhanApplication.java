package org.yizhan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * yizhan (驿站): the registry, finder and quality loop of the trade-union service stations
 * for outdoor workers, as one modular monolith.
 */
@SpringBootApplication
public class YizhanApplication {

	public static void main(String[] args) {
		SpringApplication.run(YizhanApplication.class, args);
	}

}
