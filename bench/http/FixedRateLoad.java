import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An open-model load generator: sends requests at a fixed rate whatever the server's latency
 * (unlike wrk's closed loop, which slows down with the server and hides queueing), and reports
 * the latency percentiles measured from each request's scheduled start.
 *
 * Usage: java FixedRateLoad.java URL REQUESTS_PER_SECOND SECONDS
 */
public class FixedRateLoad {

	public static void main(String[] args) throws Exception {
		URI uri = URI.create(args[0]);
		int rate = Integer.parseInt(args[1]);
		int seconds = Integer.parseInt(args[2]);
		int total = rate * seconds;
		long[] latencies = new long[total];
		AtomicInteger errors = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.executor(Executors.newFixedThreadPool(8))
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
		var scheduler = Executors.newSingleThreadScheduledExecutor();
		long start = System.nanoTime();
		long intervalNanos = 1_000_000_000L / rate;
		for (int i = 0; i < total; i++) {
			int n = i;
			long due = start + n * intervalNanos;
			scheduler.schedule(() -> client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
				.whenComplete((response, failure) -> {
					latencies[n] = System.nanoTime() - due;
					if (failure != null || response.statusCode() != 200) {
						errors.incrementAndGet();
					}
					done.incrementAndGet();
				}), due - System.nanoTime(), TimeUnit.NANOSECONDS);
		}
		while (done.get() < total && System.nanoTime() - start < (seconds + 30) * 1_000_000_000L) {
			Thread.sleep(50);
		}
		scheduler.shutdownNow();
		long[] sorted = Arrays.copyOf(latencies, done.get());
		Arrays.sort(sorted);
		System.out.printf("rate %d/s for %d s: %d requests, %d errors, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", rate,
				seconds, sorted.length, errors.get(), percentile(sorted, 0.50), percentile(sorted, 0.99),
				sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
		System.exit(0);
	}

	private static double percentile(long[] sorted, double p) {
		return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
	}

}
