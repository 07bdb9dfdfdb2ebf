package org.yizhan.monitoring;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A scheduled run observed as Spring observes {@code @Scheduled} methods: one that
 * finishes sets its job's last success to the clock's time, one that fails leaves it.
 */
class ScheduledJobMetricsTests {

	private static final Instant NOW = Instant.parse("2026-12-08T02:30:00Z");

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final ObservationRegistry observations = ObservationRegistry.create();

	ScheduledJobMetricsTests() {
		ScheduledJobMetrics handler = new ScheduledJobMetrics(
				new StaticListableBeanFactory(Map.of("meters", this.meters)).getBeanProvider(MeterRegistry.class),
				Clock.fixed(NOW, ZoneOffset.UTC));
		this.observations.observationConfig().observationHandler(handler);
	}

	@Test
	void aRunThatFinishesIsTheJobsLastSuccess() throws Exception {
		run("sweep", () -> {
		});

		assertThat(this.meters.get("yizhan.jobs.last.success").tag("job", "Sweeper.sweep").gauge().value())
			.isEqualTo(NOW.getEpochSecond());
	}

	@Test
	void aRunThatFailsIsNoSuccess() throws Exception {
		assertThatThrownBy(() -> run("fail", () -> {
			throw new IllegalStateException("the database is away");
		})).isInstanceOf(IllegalStateException.class);

		assertThat(this.meters.find("yizhan.jobs.last.success").tag("job", "Sweeper.fail").gauge()).isNull();
	}

	private void run(String methodName, Runnable body) throws Exception {
		Method method = Sweeper.class.getDeclaredMethod(methodName);
		Observation
			.createNotStarted("tasks.scheduled.execution",
					() -> new ScheduledTaskObservationContext(new Sweeper(), method), this.observations)
			.observe(body);
	}

	/** A bean with two scheduled methods, as the observation names them. */
	static final class Sweeper {

		void sweep() {
		}

		void fail() {
		}

	}

}
