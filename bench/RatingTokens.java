import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.yizhan.station.StationTokens;
import org.yizhan.station.StationId;

/**
 * Prints the QR token of each station id read from standard input, signed with key 1 given
 * in base64 as the only argument: what bench/rating-ingest.sh gives wrk to post.
 * Run as a single-file program with the application's classes on the class path:
 * {@code java -cp target/classes bench/RatingTokens.java <base64 key> < ids}.
 */
public class RatingTokens {

	public static void main(String[] args) throws Exception {
		StationTokens tokens = new StationTokens(
				Map.of(1, new StationTokens.SigningKey(Base64.getDecoder().decode(args[0]), null)), 1,
				Duration.ofDays(90), Clock.systemUTC());
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
		for (String line = in.readLine(); line != null; line = in.readLine()) {
			if (!line.isBlank()) {
				System.out.println(tokens.issue(StationId.of(Long.parseLong(line.strip()))));
			}
		}
	}

}
