package org.yizhan.monitoring;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * When each scheduled job last finished without an error on this instance:
 * {@code yizhan.jobs.last.success{job="StationCopies.reconcile"}}, in seconds since 1970.
 * Spring observes every {@code @Scheduled} run ({@code tasks.scheduled.execution}, a
 * timer counting runs by outcome); a timer says how often a job ran, not when it last
 * succeeded, which is what "a job that has not run" asks.
 *
 * <p>
 * A job that runs once across instances ({@code @SchedulerLock}) also succeeds here when
 * another instance held its lock and this one skipped it: for those jobs the cluster's
 * view is {@code yizhan.jobs.last.started} ({@link DomainMetrics}, from ShedLock's
 * table), and this gauge says only that the instance's scheduler is alive.
 */
@Component
class ScheduledJobMetrics implements ObservationHandler<ScheduledTaskObservationContext> {

	private final ObjectProvider<MeterRegistry> registry;

	private final Clock clock;

	private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

	/**
	 * The registry comes lazily: the observation registry, which calls this handler, is
	 * made before the meter registry is complete.
	 */
	ScheduledJobMetrics(ObjectProvider<MeterRegistry> registry, Clock clock) {
		this.registry = registry;
		this.clock = clock;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ScheduledTaskObservationContext;
	}

	@Override
	public void onStop(ScheduledTaskObservationContext context) {
		if (context.getError() != null) {
			return;
		}
		String job = ClassUtils.getUserClass(context.getTargetClass()).getSimpleName() + "."
				+ context.getMethod().getName();
		this.lastSuccess.computeIfAbsent(job, this::register).set(this.clock.millis());
	}

	private AtomicLong register(String job) {
		AtomicLong millis = new AtomicLong();
		Gauge.builder("yizhan.jobs.last.success", millis, value -> value.get() / 1000.0)
			.description("When a scheduled job last finished without an error on this instance, in seconds since 1970")
			.baseUnit("seconds")
			.tag("job", job)
			.register(this.registry.getObject());
		return millis;
	}

}
