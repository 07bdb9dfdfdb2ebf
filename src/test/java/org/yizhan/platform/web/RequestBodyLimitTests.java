package org.yizhan.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anonymous request bodies cannot exhaust the heap (issue 22, 2): a body over its limit
 * is answered 413 without being read to its end, with a declared length or chunked, also
 * on {@code POST /api/v1/ratings}, which is served ahead of the filter chain (ADR 0008).
 * Spoken to over a bare socket, so the test decides how much of the body is ever sent: 64
 * KB of a body that claims or would go on to 100 MB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestBodyLimitTests {

	private static final int SENT = 64 * 1024;

	@LocalServerPort
	int port;

	@Test
	void aRatingDeclaringOneHundredMegabytesIsRefusedBeforeItsBodyIsRead() throws Exception {
		Answer answer = post("/api/v1/ratings", "Content-Length: " + 100L * 1024 * 1024, false);

		assertThat(answer.status).as(answer.text).isEqualTo(413);
		assertThat(answer.text).containsIgnoringCase("Connection: close");
		assertThat(JsonPath.parse(answer.body()).read("$.detail", String.class)).isEqualTo("请求内容不能超过 16 KB");
	}

	@Test
	void aChunkedRatingIsCutOffAtTheLimitAnd413() throws Exception {
		Answer answer = post("/api/v1/ratings", "Transfer-Encoding: chunked", true);

		assertThat(answer.status).as(answer.text).isEqualTo(413);
		assertThat(JsonPath.parse(answer.body()).read("$.status", Integer.class)).isEqualTo(413);
	}

	@Test
	void aChunkedProblemReportIsCutOffAtTheLimitAnd413InEnglish() throws Exception {
		Answer answer = post("/api/v1/problems", "Transfer-Encoding: chunked\r\nAccept-Language: en", true);

		assertThat(answer.status).as(answer.text).isEqualTo(413);
		assertThat(JsonPath.parse(answer.body()).read("$.detail", String.class))
			.isEqualTo("The request body must not be larger than 16 KB");
	}

	@Test
	void anEncodedPathGetsTheSameLimit() throws Exception {
		Answer answer = post("/api/v1/%72atings", "Transfer-Encoding: chunked", true);

		assertThat(answer.status).as(answer.text).isIn(413, 404, 400);
		assertThat(answer.status).isNotEqualTo(200);
	}

	@Test
	void aSmallRatingStillReachesTheIntake() throws Exception {
		byte[] body = "{\"token\":\"nope\",\"stars\":5}".getBytes(StandardCharsets.UTF_8);
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/v1/ratings HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Connection: close\r\nContent-Length: " + body.length + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			Answer answer = Answer.read(socket.getInputStream());

			assertThat(answer.status).as(answer.text).isNotEqualTo(413).isBetween(400, 499);
		}
	}

	/**
	 * Sends the request line and headers, then 64 KB of a JSON string, and reads the
	 * answer without sending the rest.
	 */
	private Answer post(String path, String headers, boolean chunked) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" + headers
					+ "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			byte[] chunk = new byte[8 * 1024];
			Arrays.fill(chunk, (byte) 'a');
			byte[] start = "{\"comment\":\"".getBytes(StandardCharsets.US_ASCII);
			System.arraycopy(start, 0, chunk, 0, start.length);
			try {
				for (int sent = 0; sent < SENT; sent += chunk.length) {
					if (chunked) {
						out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
					}
					out.write(chunk);
					if (chunked) {
						out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
					}
					Arrays.fill(chunk, 0, start.length, (byte) 'a');
				}
				out.flush();
			}
			catch (SocketException closedEarly) {
				// the server answered and closed before we were done: fine, read the
				// answer
			}
			return Answer.read(socket.getInputStream());
		}
	}

	record Answer(int status, String text) {

		String body() {
			return this.text.substring(this.text.indexOf("\r\n\r\n") + 4);
		}

		static Answer read(InputStream in) throws IOException {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			byte[] buffer = new byte[4096];
			try {
				int n;
				while ((n = in.read(buffer)) >= 0) {
					bytes.write(buffer, 0, n);
					String text = bytes.toString(StandardCharsets.UTF_8);
					int end = text.indexOf("\r\n\r\n");
					if (end >= 0 && complete(text, end)) {
						break;
					}
				}
			}
			catch (SocketException reset) {
				// a reset after the answer was written
			}
			String text = bytes.toString(StandardCharsets.UTF_8);
			assertThat(text).as("an answer").startsWith("HTTP/1.1 ");
			return new Answer(Integer.parseInt(text.substring(9, 12)), text);
		}

		private static boolean complete(String text, int headerEnd) {
			String head = text.substring(0, headerEnd).toLowerCase();
			int at = head.indexOf("content-length: ");
			if (at < 0) {
				return head.contains("transfer-encoding: chunked") && text.endsWith("0\r\n\r\n");
			}
			int length = Integer.parseInt(head.substring(at + 16).split("\r\n")[0].trim());
			return text.getBytes(StandardCharsets.UTF_8).length - headerEnd - 4 >= length;
		}

	}

}
